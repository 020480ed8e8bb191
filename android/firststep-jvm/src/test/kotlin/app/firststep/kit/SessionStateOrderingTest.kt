package app.firststep.kit

import app.firststep.core.GuidedSession
import app.firststep.core.SessionStatus
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

/**
 * Issue 24: on real threads (the app's dispatchers, not a test scheduler), once an event's or
 * `refresh()`'s job has completed, `session.value` is the state the core derives at that instant —
 * never the state from before it. The old `flatMapLatest { ticker.state }.stateIn(...)` published on
 * the collector's own coroutine, later, and this loop caught it within a few rounds.
 */
class SessionStateOrderingTest {
    private class HandClock(@Volatile var ms: Long = 1_000_000) : MonotonicClock {
        override fun nowMs(): Long = ms
    }

    @Test
    fun `after close and refresh the state is the one the core derives at that instant, every time`() {
        val repo = runBlocking { FirstStepRepository.open(tempDatabase().toString(), FixedClock("2026-06-01"), Dispatchers.IO) }
        runBlocking { repo.submitAssessmentJson(answersJson("2026-06-01")) }
        repeat(ROUNDS) { round ->
            val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default)
            val clock = HandClock()
            val store = MemorySnapshotStore()
            // A fast tick so ticks race the events as they do on a loaded machine.
            val vm = SessionViewModel(repo, clock, RecordingCuePlayer(), store, scope, tickMs = 1)
            runBlocking {
                vm.open().join()
                assertEquals(SessionStatus.RUNNING, vm.session.value?.status, "round $round: open")
                clock.ms += 2_000
                vm.refresh().join()
                vm.pause().join()
                assertEquals(SessionStatus.PAUSED, vm.session.value?.status, "round $round: pause")
                val paused = vm.session.value!!
                clock.ms += 30_000
                vm.refresh().join()
                assertEquals(paused.secondsRemaining, vm.session.value?.secondsRemaining, "round $round: paused stays")
                vm.resume().join()
                assertEquals(SessionStatus.RUNNING, vm.session.value?.status, "round $round: resume")
                vm.close()
                clock.ms += 30_000
                val expected = GuidedSession.restore(store.snapshot!!).use { it.stateAt(clock.ms) }
                vm.refresh().join()
                val state = vm.session.value!!
                assertEquals(expected.phaseLabel, state.phaseLabel, "round $round: label after the jump")
                assertEquals(expected.secondsRemaining, state.secondsRemaining, "round $round: seconds after the jump")
                assertEquals(expected.sessionProgress, state.sessionProgress, 1e-9, "round $round: progress after the jump")
                vm.close()
            }
            scope.cancel()
        }
        repo.close()
    }

    private companion object {
        const val ROUNDS = 40
    }
}
