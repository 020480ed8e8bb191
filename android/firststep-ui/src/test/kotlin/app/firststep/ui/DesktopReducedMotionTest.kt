package app.firststep.ui

import androidx.compose.ui.graphics.toArgb
import androidx.compose.ui.graphics.toPixelMap
import androidx.compose.ui.test.captureToImage
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onNodeWithTag
import app.firststep.core.Phase
import app.firststep.desktop.DesktopApp
import app.firststep.kit.CueSound
import app.firststep.kit.InMemoryPreferenceStore
import app.firststep.kit.Route
import app.firststep.kit.ShellPreferences
import kotlinx.coroutines.runBlocking
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test

/** The desktop's reduced-motion setting reaches the session figure: key poses, no tweening. */
class DesktopReducedMotionTest {
    @get:Rule val rule = createComposeRule()
    private val db = tempDb().also { seedJournal(it, weeks = 1, logToday = true) }
    private val preferences = ShellPreferences(InMemoryPreferenceStore(), offersReducedMotion = true)
    private val app = TestApp(db, preferences = preferences)

    @After fun close() = app.close()

    private fun advance(ms: Long) {
        app.monotonic.ms += ms
        runBlocking { app.graph.session.refresh().join() }
    }

    private fun state() = app.graph.session.session.value!!

    /** The figure's pixels right now, inside its inscribed circle: the tempo ring (which fills as the
     * phase runs) crosses the corners of the figure's box and must not count as the pose moving. */
    private fun figurePixels(): IntArray = rule.figurePixelsInsideRing()

    private fun drawn(): IntArray {
        val s = state()
        rule.waitUntil(5_000) { rule.onNodeWithTag("session-countdown").text() == "${kotlin.math.ceil(s.secondsRemaining!!).toInt()}" }
        return figurePixels()
    }

    @Test
    fun `with the setting on the figure holds the key pose through an up phase and moves again when it is off`() {
        preferences.setReducedMotion(true)
        rule.setContent { DesktopApp(app.graph, dark = false) }
        app.graph.start()
        rule.waitForTag("home-next-step")
        rule.tap("home-start-session")
        rule.waitForTag("session-phase")
        var guard = 0
        while (!(state().phase == Phase.UP && state().stepProgress < 0.2) && guard++ < 400) {
            when (state().phase) {
                Phase.GET_READY, Phase.UP -> advance(250)
                Phase.SELF_PACED_REP -> runBlocking { app.graph.session.repDone().join() }
                else -> runBlocking { app.graph.session.skipStep().join() }
            }
        }
        assertEquals(Phase.UP, state().phase)
        val stepMs = ((state().secondsRemaining!! / (1 - state().stepProgress)) * 1000).toLong()
        val early = drawn()
        advance(stepMs / 4)
        val later = drawn()
        assertEquals(Phase.UP, state().phase)
        val moved = early.indices.count { early.size == later.size && early[it] != later[it] }
        assertTrue("reduced motion still tweens: ${early.size} vs ${later.size} pixels, $moved changed", early.contentEquals(later))

        preferences.setReducedMotion(false)
        rule.waitForIdle()
        val tweened = drawn()
        val changed = later.indices.count { later[it] != tweened[it] }
        assertTrue("the setting did not reach the figure: $changed pixels changed", changed > later.size / 200)
    }

    @Test
    fun `the settings screen sets the cue sound and, on desktop, reduced motion`() {
        rule.setContent { DesktopApp(app.graph, dark = false) }
        app.graph.start()
        rule.waitForTag("home-next-step")
        app.graph.navigate(Route.Settings)
        rule.tap("cue-sound-Tones")
        rule.waitUntil(5_000) { preferences.cueSound.value == CueSound.TONES }
        rule.tap("settings-reduced-motion")
        rule.waitUntil(5_000) { preferences.reducedMotion.value }
    }
}
