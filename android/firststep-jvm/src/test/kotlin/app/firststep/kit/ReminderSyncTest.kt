package app.firststep.kit

import app.firststep.core.Reminder
import app.firststep.core.ReminderKind
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

class ReminderSyncTest {
    private fun reminder(id: String, fireAtMs: Long, title: String = "First steps") =
        Reminder(id, ReminderKind.MORNING_PAIN, id.substringAfter(':'), "07:00", fireAtMs, title, "How were your first steps?")

    @Test
    fun `cancels removed, schedules new and changed, keeps identical`() {
        val kept = reminder("morning_pain:2026-06-02", 2_000)
        val moved = reminder("morning_pain:2026-06-03", 3_000)
        val gone = reminder("morning_pain:2026-06-01", 1_000) // pain already logged
        val scheduler = FakeReminderScheduler(listOf(kept, moved, gone))
        val movedLater = moved.copy(fireAtMs = 3_600, localTime = "07:10")
        val added = reminder("session:2026-06-02", 2_500)

        val plan = ReminderSync.apply(listOf(kept, movedLater, added), scheduler)

        assertEquals(listOf(gone.id), plan.cancel)
        assertEquals(listOf(added, movedLater), plan.schedule)
        assertEquals(listOf(kept.id), plan.keep)
        assertEquals(setOf(kept.id, moved.id, added.id), scheduler.scheduledIds())
        assertEquals(movedLater, scheduler.pending[moved.id])
        assertEquals("cancel ${gone.id}", scheduler.calls.first(), "cancellations first, to make room")
    }

    @Test
    fun `a second sync with nothing changed does nothing`() {
        val desired = listOf(reminder("morning_pain:2026-06-02", 2_000), reminder("session:2026-06-02", 2_500))
        val scheduler = FakeReminderScheduler()
        ReminderSync.apply(desired, scheduler)
        scheduler.calls.clear()
        val plan = ReminderSync.apply(desired, scheduler)
        assertEquals(ReminderPlan(emptyList(), emptyList(), desired.map { it.id }.sorted()), plan)
        assertEquals(emptyList<String>(), scheduler.calls)
    }

    @Test
    fun `a platform that only knows ids reschedules what is still wanted`() {
        val wanted = reminder("morning_pain:2026-06-02", 2_000)
        val plan = ReminderSync.plan(listOf(wanted), setOf(wanted.id, "session:2026-06-01"))
        assertEquals(listOf("session:2026-06-01"), plan.cancel)
        assertEquals(listOf(wanted), plan.schedule)
    }

    @Test
    fun `reminders turned off cancel everything`() {
        val scheduler = FakeReminderScheduler(listOf(reminder("morning_pain:2026-06-02", 2_000), reminder("session:2026-06-02", 2_500)))
        ReminderSync.apply(emptyList(), scheduler)
        assertEquals(emptySet<String>(), scheduler.scheduledIds())
    }

    @Test
    fun `syncs the real core's reminders`() = kotlinx.coroutines.test.runTest {
        val clock = FixedClock("2026-06-01")
        FirstStepRepository(openTempCore(), clock, kotlinx.coroutines.Dispatchers.Unconfined).use { repo ->
            repo.submitAssessmentJson(answersJson("2026-06-01"))
            val scheduler = FakeReminderScheduler()
            val first = repo.syncReminders(scheduler)
            assertEquals(repo.reminders().map { it.id }.toSet(), scheduler.scheduledIds())
            assert(first.schedule.isNotEmpty())
            repo.logPain(3) // today's morning reminder is no longer needed
            val second = repo.syncReminders(scheduler)
            assertEquals(repo.reminders().map { it.id }.toSet(), scheduler.scheduledIds())
            assertEquals(second.cancel.toSet(), first.schedule.map { it.id }.toSet() - scheduler.scheduledIds())
        }
    }
}
