package app.firststep.kit

import app.firststep.core.MaintenanceState
import app.firststep.core.NextStep
import app.firststep.core.Phase
import app.firststep.core.SessionStatus
import kotlinx.coroutines.ExperimentalCoroutinesApi
import kotlinx.coroutines.test.StandardTestDispatcher
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** View models over the real core: the happy path a runner takes on day one. */
@OptIn(ExperimentalCoroutinesApi::class)
class ViewModelTest {
    private val today = "2026-06-01"

    @Test
    fun `home asks for pain, logs it, then points to the session`() = runTest {
        val repo = FirstStepRepository(openTempCore(), FixedClock(today), StandardTestDispatcher(testScheduler))
        // Assessed yesterday: its first-step pain is yesterday's morning (issue 27), so today asks.
        repo.submitAssessmentJson(answersJson("2026-05-31"))
        val home = HomeViewModel(repo, backgroundScope)

        home.refresh().join()
        assertEquals(NextStep.LOG_PAIN, (home.state.value as? HomeUiState.Ready)?.home?.nextStep)

        home.logPain(11).join()
        assertTrue((home.state.value as HomeUiState.Ready).message!!.contains("0..=10"), "refused with the range")

        home.logPain(4).join()
        val state = home.state.value as HomeUiState.Ready
        assertEquals(4, state.home.lastPain?.score?.toInt())
        assertEquals(NextStep.DO_SESSION, state.home.nextStep)
        repo.close()
    }

    @Test
    fun `a flare morning says at once that the load is cut, and the hop check is validated (P7, P8)`() = runTest {
        val start = "2026-05-25"
        val repo = FirstStepRepository(openTempCore(), FixedClock(today), StandardTestDispatcher(testScheduler))
        repo.submitAssessmentJson(answersJson(start))
        for (day in listOf("2026-05-25", "2026-05-26", "2026-05-27", "2026-05-28", "2026-05-29", "2026-05-30", "2026-05-31")) {
            repo.logPain(2, date = day)
        }
        val home = HomeViewModel(repo, backgroundScope)
        home.logPain(6).join()
        val state = home.state.value as HomeUiState.Ready
        assertTrue(state.message!!.startsWith("A flare this morning"), state.message)
        assertEquals("P7", state.home.plan?.flare?.rule)
        assertTrue(state.home.plan!!.exercises.none { it.levelName.contains("backpack") || it.levelName.contains("hop") })

        home.answerHopCheck(11).join()
        assertTrue((home.state.value as HomeUiState.Ready).message!!.contains("0..=10"), "refused with the range")
        assertTrue(repo.hopChecks().isEmpty(), "nothing written")
        repo.close()
    }

    @Test
    fun `after eight calm weeks home offers maintenance, accepting it gives the maintenance plan (P9)`() = runTest {
        val start = java.time.LocalDate.parse(today).minusDays(56)
        val repo = FirstStepRepository(openTempCore(), FixedClock(today), StandardTestDispatcher(testScheduler))
        repo.submitAssessmentJson(answersJson(start.toString()))
        val scores = listOf(6, 6, 5, 5, 4, 4, 3, 3, 3, 2, 2, 2, 2)
        for (d in 0 until 56) repo.logPain(scores.getOrElse(d) { if (d % 3 == 0) 0 else 1 }, date = start.plusDays(d.toLong()).toString())
        val home = HomeViewModel(repo, backgroundScope)
        home.logPain(1).join()
        val offer = (home.state.value as? HomeUiState.Ready)?.home?.plan?.maintenance
        assertEquals(MaintenanceState.OFFERED, offer?.state, "the offer at 8 weeks")
        assertEquals("P9", offer?.rule)
        assertTrue(!offer!!.text.contains("P9"), "X4: no rule id in the sentence")

        home.answerMaintenance(true).join()
        val plan = (home.state.value as HomeUiState.Ready).home.plan!!
        assertEquals(MaintenanceState.ACTIVE, plan.maintenance?.state)
        assertTrue(plan.exercises.all { it.exerciseId in setOf("calf_loading", "plantar_fascia_stretch") } || plan.exercises.size <= 3)
        assertEquals(1, repo.maintenanceChoices().size)
        home.answerMaintenance(false).join()
        assertTrue((home.state.value as HomeUiState.Ready).message!!.contains("no maintenance offer is open"), "refused: already on maintenance")
        assertEquals(1, repo.maintenanceChoices().size, "nothing written")
        repo.close()
    }

    @Test
    fun `session runs, finishes with pain and is saved, then the trend switches windows`() = runTest {
        val repo = FirstStepRepository(openTempCore(), FixedClock(today), StandardTestDispatcher(testScheduler))
        repo.submitAssessmentJson(answersJson(today))
        val store = MemorySnapshotStore()
        val player = RecordingCuePlayer()
        val session = SessionViewModel(repo, { testScheduler.currentTime }, player, store, backgroundScope)

        session.open().join()
        runCurrent()
        assertEquals(SessionStatus.RUNNING, session.session.value?.status)
        assertNotNull(store.snapshot, "a running session is restorable")
        testScheduler.advanceTimeBy(3_000); runCurrent()
        assertTrue(player.shown.isNotEmpty())

        // The runner follows the guide: timed steps run on the clock, self-paced reps are tapped.
        var seconds = 0
        while (session.session.value?.status == SessionStatus.RUNNING && seconds++ < 3 * 3600) {
            if (session.session.value?.phase == Phase.SELF_PACED_REP) session.repDone().join()
            testScheduler.advanceTimeBy(1_000); runCurrent()
        }
        assertEquals(SessionStatus.AWAITING_PAIN, session.session.value?.status)
        session.finish(3).join()
        runCurrent()
        assertNull(session.state.value.message)
        assertTrue((session.state.value as SessionUiState.Finished).saved)
        assertNull(store.snapshot, "nothing left to restore")
        assertEquals(3, repo.home().doneToday.size)

        val trend = TrendViewModel(repo, backgroundScope)
        trend.selectWeeks(8).join()
        assertEquals(8, trend.state.value.weeks)
        assertEquals(56, (trend.state.value as? TrendUiState.Ready)?.chart?.dates?.size)
        trend.selectWeeks(12).join()
        assertEquals(84, (trend.state.value as? TrendUiState.Ready)?.chart?.dates?.size)
        repo.close()
    }

    @Test
    fun `a session interrupted by the OS is restored by a new view model`() = runTest {
        val repo = FirstStepRepository(openTempCore(), FixedClock(today), StandardTestDispatcher(testScheduler))
        repo.submitAssessmentJson(answersJson(today))
        val store = MemorySnapshotStore()
        val first = SessionViewModel(repo, { testScheduler.currentTime }, RecordingCuePlayer(), store, backgroundScope)
        first.open().join()
        testScheduler.advanceTimeBy(5_000); runCurrent()
        val before = checkNotNull(first.session.value)
        first.close() // the process dies; only the snapshot survives

        testScheduler.advanceTimeBy(2_000); runCurrent()
        val second = SessionViewModel(repo, { testScheduler.currentTime }, RecordingCuePlayer(), store, backgroundScope)
        second.open().join(); runCurrent()
        val after = checkNotNull(second.session.value)
        assertEquals(SessionStatus.RUNNING, after.status)
        assertEquals(before.exerciseId, after.exerciseId)
        assertTrue(after.sessionProgress > before.sessionProgress, "the session kept its place and its clock")
        second.close()
        repo.close()
    }
}
