package app.firststep.ui

import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.captureToImage
import androidx.compose.ui.test.onAllNodesWithTag
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.graphics.toArgb
import androidx.compose.ui.graphics.toPixelMap
import app.firststep.core.CueKind
import app.firststep.core.GuidedSession
import app.firststep.core.Phase
import app.firststep.core.SessionStatus
import app.firststep.core.sessionFigure
import kotlinx.coroutines.runBlocking
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test

/** The guided session on a hand-moved monotonic clock; cues go to a recording player. */
class SessionTest {
    @get:Rule val rule = createComposeRule()
    private val db = tempDb().also { seedJournal(it, weeks = 1, logToday = true) }
    private val app = TestApp(db)

    @After fun close() = app.close()

    private fun openSession() {
        rule.setContent { FirstStepApp(app.graph) }
        app.graph.start()
        rule.waitForTag("home-next-step")
        rule.tap("home-start-session")
        rule.waitForTag("session-phase")
    }

    /** Moves the session's clock by [ms] and lets the ticker look once. */
    private fun advance(ms: Long) {
        app.monotonic.ms += ms
        runBlocking { app.graph.session.refresh().join() }
    }

    private fun state() = app.graph.session.session.value!!

    @Test
    fun `a session runs to the end on the session clock, plays its cues and is logged`() {
        openSession()
        val plan = app.reopen { it.todayPlan(morning(TODAY)) }.exercises
        var guard = 0
        while (state().status == SessionStatus.RUNNING && guard++ < 20_000) {
            if (state().phase == Phase.SELF_PACED_REP) {
                val rep = state().rep
                rule.tap("session-rep-done")
                rule.waitUntil(5_000) { state().rep != rep || state().phase != Phase.SELF_PACED_REP }
            } else {
                advance(500)
            }
        }
        assertEquals(SessionStatus.AWAITING_PAIN, state().status)
        rule.tap("session-pain-2")
        rule.waitForTag("session-saved")

        // Every planned exercise is in the journal, with the peak pain given at the end.
        val records = app.reopen { it.sessions(TODAY, TODAY) }
        assertEquals(plan.map { it.exerciseId }.sorted(), records.map { it.exerciseId }.distinct().sorted())
        assertTrue(records.all { it.peakPain.toInt() == 2 && it.completed })
        // The cues reached the player in order, each once, none of them stale.
        val kinds = app.cues.played.map { it.kind }
        assertEquals(CueKind.GET_READY, kinds.first())
        assertEquals(CueKind.SESSION_DONE, kinds.last())
        assertTrue(kinds.containsAll(listOf(CueKind.SET_DONE, CueKind.EXERCISE_DONE)))
        assertFalse(app.cues.played.any { it.late })
        assertEquals(app.cues.played.map { it.atMs }, app.cues.played.map { it.atMs }.sorted())
        assertEquals(app.cues.shown.size, app.cues.shown.distinct().size)
        // The cue text is spoken or sounded, not printed a second time under the phase label.
        assertTrue(rule.onAllNodesWithTag("session-cue").fetchSemanticsNodes().isEmpty())
    }

    /** The figure's pixels right now, inside its inscribed circle: the tempo ring (which fills as the
     * phase runs) crosses the corners of the figure's box and must not count as the pose moving. */
    private fun figurePixels(): IntArray = rule.figurePixelsInsideRing()

    @Test
    fun `the screen draws the core's figure and its pose moves between two instants of one up phase`() {
        openSession()
        // Into the first tempo "up" (after get-ready), early in it.
        var guard = 0
        while (!(state().phase == Phase.UP && state().stepProgress < 0.3) && guard++ < 400) {
            when (state().phase) {
                Phase.GET_READY, Phase.UP -> advance(250)
                Phase.SELF_PACED_REP -> runBlocking { app.graph.session.repDone().join() }
                // Holds, rest, other exercises: on to the next step.
                else -> runBlocking { app.graph.session.skipStep().join() }
            }
        }
        val early = state()
        assertEquals(Phase.UP, early.phase)
        rule.waitUntil(5_000) { rule.onNodeWithTag("session-phase").text() == early.phaseLabel }
        // The ring's label is the core's: the phase and its prescribed length ("Up 3 s").
        assertTrue(early.phaseLabel, Regex("Up \\d+ s").matches(early.phaseLabel))
        val before = figurePixels()
        // Not blank: the figure paints more than one colour.
        assertTrue(before.toSet().size > 2)
        // Later in the same phase, on the session clock: same rep, same phase, another pose.
        val stepMs = ((early.secondsRemaining!! / (1 - early.stepProgress)) * 1000).toLong()
        advance((stepMs * 0.5).toLong())
        val later = state()
        assertEquals(Phase.UP, later.phase)
        assertEquals(early.rep, later.rep)
        // The screen has drawn the later state (its countdown shows it).
        rule.waitUntil(5_000) { rule.onNodeWithTag("session-countdown").text() == "${kotlin.math.ceil(later.secondsRemaining!!).toInt()}" }
        val after = figurePixels()
        val changed = before.indices.count { before[it] != after[it] }
        assertTrue("the pose did not move: $changed pixels changed", changed > before.size / 200)
        // The frame it draws is the core's session figure for that state.
        val frame = sessionFigure(later)
        assertEquals(later.exerciseId, frame.figureId)
    }

    @Test
    fun `a paused or hidden session never drifts`() {
        openSession()
        advance(2_000)
        rule.tap("session-pause")
        rule.waitUntil(5_000) { state().status == SessionStatus.PAUSED }
        val paused = state()
        // 30 s with the window hidden while paused: nothing moves.
        advance(30_000)
        assertEquals(paused.secondsRemaining, state().secondsRemaining)
        // The screen collects the state on its own dispatcher, which waitForIdle() does not wait
        // for (on a loaded machine it still showed the label of two events before): wait for it.
        rule.waitUntil(5_000) { rule.onNodeWithTag("session-phase").text() == paused.phaseLabel }
        assertEquals(paused.phaseLabel, rule.onNodeWithTag("session-phase").text())
        rule.tap("session-resume")
        rule.waitUntil(5_000) { state().status == SessionStatus.RUNNING }
        // 30 s hidden while running with no tick at all, then one look: the same state the core
        // derives from the saved snapshot at that instant (no ticks lost, none counted twice).
        app.graph.session.close()
        app.monotonic.ms += 30_000
        val expected = GuidedSession.restore(app.snapshots.snapshot!!).use { it.stateAt(app.monotonic.ms) }
        runBlocking { app.graph.session.refresh().join() }
        assertEquals(expected.phaseLabel, state().phaseLabel)
        assertEquals(expected.secondsRemaining, state().secondsRemaining)
        assertEquals(expected.sessionProgress, state().sessionProgress, 1e-9)
        rule.waitUntil(5_000) { rule.onNodeWithTag("session-phase").text() == expected.phaseLabel }
    }
}
