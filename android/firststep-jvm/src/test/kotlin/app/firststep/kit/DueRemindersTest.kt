package app.firststep.kit

import app.firststep.core.FirstStep
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** The open desktop app's reminder look: the core's plan, each reminder once when its time comes. */
class DueRemindersTest {
    @Test
    fun `a planned reminder is due once when its time passes and a moot one never`() {
        FirstStep.open(tempDatabase().toString()).use { core ->
            val now = morning("2026-03-02")
            core.submitAssessmentJson(now, answersJson("2026-03-02"))
            val plan = core.reminders(now)
            val first = plan.first()
            val due = DueReminders(now.instantMs)
            due.plan(plan)
            assertEquals(first, due.next(now.instantMs))
            assertTrue(due.due(first.fireAtMs - 1).isEmpty())
            assertEquals(listOf(first), due.due(first.fireAtMs))
            assertTrue(due.due(first.fireAtMs + 1_000).isEmpty(), "shown once")
            // Logging the pain the next morning removes that morning's reminder from the core's plan.
            val nextMorning = plan.first { it.id.startsWith("morning_pain") && it.fireAtMs > first.fireAtMs }
            core.logPain(morning(nextMorning.localDate), null, 3, null, null)
            due.plan(core.reminders(now))
            assertTrue(due.due(nextMorning.fireAtMs).none { it.id == nextMorning.id })
        }
    }
}
