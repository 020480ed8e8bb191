package app.firststep.kit

import app.firststep.core.FirstStepException
import app.firststep.core.GuidedSession
import app.firststep.core.ProgramExercise
import app.firststep.core.SessionEvent
import app.firststep.core.SessionStatus
import kotlinx.coroutines.ExperimentalCoroutinesApi
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.advanceTimeBy
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.junit.jupiter.api.assertThrows

/** The ticker on the coroutine test scheduler's virtual time, driving the real session engine. */
@OptIn(ExperimentalCoroutinesApi::class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionTickerTest {
    private lateinit var exercises: List<ProgramExercise>
    private val date = "2026-06-01"

    @BeforeAll
    fun program() {
        openTempCore().use { core ->
            exercises = checkNotNull(core.submitAssessmentJson(morning(date), answersJson(date)).program).exercises
        }
    }

    private fun newSession() = GuidedSession(date, exercises)

    private fun TestScope.ticker(
        session: GuidedSession = newSession(),
        player: RecordingCuePlayer = RecordingCuePlayer(),
        store: MemorySnapshotStore = MemorySnapshotStore(),
        tickMs: Long = 100,
    ) = SessionTicker(session, { testScheduler.currentTime }, player, store, backgroundScope, tickMs)

    @Test
    fun `every cue is forwarded exactly once, on time`() = runTest {
        val player = RecordingCuePlayer()
        val ticker = ticker(player = player)
        ticker.start()
        advanceTimeBy(45_000); runCurrent()

        // The same session asked once at the end yields every cue due since the start.
        val reference = newSession()
        val expected = reference.handle(SessionEvent.Start(0)).cues + reference.stateAt(testScheduler.currentTime).cues
        assertTrue(expected.size >= 3, "the first 45 s of a session have cues: $expected")
        assertEquals(expected.map { it.kind to it.atMs }, player.shown.map { it.kind to it.atMs })
        assertEquals(player.shown, player.played, "ticking at 10 Hz, no cue is late")
        assertEquals(reference.stateAt(testScheduler.currentTime).sessionProgress, ticker.state.value?.sessionProgress)
    }

    @Test
    fun `late cues are shown but not played`() = runTest {
        val player = RecordingCuePlayer()
        val ticker = ticker(player = player, tickMs = 5_000) // a starved UI thread
        ticker.start()
        advanceTimeBy(45_000); runCurrent()

        val silent = player.shown - player.played.toSet()
        assertTrue(silent.isNotEmpty(), "with 5 s between looks some cues are stale")
        assertTrue(silent.all { it.late })
        assertTrue(player.played.none { it.late })
    }

    @Test
    fun `pause freezes progress and ticking, resume continues`() = runTest {
        val player = RecordingCuePlayer()
        val ticker = ticker(player = player)
        ticker.start()
        advanceTimeBy(4_000); runCurrent()
        val paused = ticker.pause()
        assertEquals(SessionStatus.PAUSED, paused.status)
        val cuesAtPause = player.shown.size

        advanceTimeBy(120_000); runCurrent()
        assertEquals(paused, ticker.state.value, "no tick while paused")
        assertEquals(paused.sessionProgress, ticker.refresh().sessionProgress, "paused time does not count")
        assertEquals(cuesAtPause, player.shown.size)

        ticker.resume()
        advanceTimeBy(3_000); runCurrent()
        val state = checkNotNull(ticker.state.value)
        assertEquals(SessionStatus.RUNNING, state.status)
        assertTrue(state.sessionProgress > paused.sessionProgress)
    }

    @Test
    fun `a snapshot saved after each event restores the session where it was`() = runTest {
        val store = MemorySnapshotStore()
        val first = ticker(store = store)
        first.start()
        advanceTimeBy(2_000); runCurrent()
        first.pause()
        first.resume()
        assertEquals(3, store.saves, "one snapshot per event")
        advanceTimeBy(5_000); runCurrent()
        first.stop() // the OS kills the app at 7 s ...

        advanceTimeBy(3_000); runCurrent() // ... and the runner comes back at 10 s
        val restored = SessionTicker.restore(checkNotNull(store.snapshot), { testScheduler.currentTime }, RecordingCuePlayer(), store, backgroundScope)
        val reference = newSession().apply { handle(SessionEvent.Start(0)); handle(SessionEvent.Pause(2_000)); handle(SessionEvent.Resume(2_000)) }
        assertEquals(reference.stateAt(10_000).sessionProgress, restored.state.value?.sessionProgress)

        advanceTimeBy(2_000); runCurrent() // and it keeps ticking
        assertEquals(reference.stateAt(12_000).sessionProgress, restored.state.value?.sessionProgress)
    }

    @Test
    fun `skipping to the end and finishing produces records`() = runTest {
        val ticker = ticker()
        var state = ticker.start()
        var taps = 0
        while (state.status == SessionStatus.RUNNING && taps++ < 2_000) {
            state = ticker.skipStep()
        }
        assertEquals(SessionStatus.AWAITING_PAIN, state.status)
        val refused = assertThrows<FirstStepException.InvalidInput> { runBlocking { ticker.finish(11) } }
        assertEquals("0..=10", refused.allowed)
        assertTrue(refused.reason.startsWith("Enter 0–10 for "), refused.reason)
        assertEquals(SessionStatus.FINISHED, ticker.finish(2).status)
        val records = ticker.records()
        assertEquals(exercises.map { it.exerciseId }, records.map { it.exerciseId })
        assertTrue(records.all { it.peakPain.toInt() == 2 && it.date == date })
    }
}
