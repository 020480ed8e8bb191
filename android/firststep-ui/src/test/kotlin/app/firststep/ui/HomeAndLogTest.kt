package app.firststep.ui

import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onAllNodesWithTag
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.onNodeWithText
import app.firststep.core.FirstStep
import app.firststep.kit.MorningPainUiState
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test

/** Home with one-tap pain, the morning form (stiffness, note, missed day) and the run log. */
class HomeAndLogTest {
    @get:Rule val rule = createComposeRule()
    private val db = tempDb().also { seedJournal(it, weeks = 3) }
    private val app = TestApp(db)

    @After fun close() = app.close()

    private fun openHome() {
        rule.setContent { FirstStepApp(app.graph) }
        app.graph.start()
        rule.waitForTag("home-next-step")
    }

    @Test
    fun `one tap logs this morning's pain and it survives closing the journal`() {
        openHome()
        rule.tap("home-pain-3")
        rule.waitForTag("home-pain-logged")
        assertEquals(EnglishStrings.painLogged(3), rule.onNodeWithTag("home-pain-logged").text())
        app.close()
        // A new handle on the same file, as after a restart.
        FirstStep.open(db.path).use { core ->
            val entry = core.painEntries(TODAY, TODAY).single()
            assertEquals(3, entry.score.toInt())
            assertEquals(app.clock.moment.instantMs, entry.loggedAtMs)
        }
    }

    @Test
    fun `a flare morning shows the core's flare card with its rule at once (P7)`() {
        openHome()
        // Mornings at 5 this week: 8 is a flare (2 or more above the usual mornings, rule P3).
        rule.tap("home-pain-8")
        rule.waitForTag("home-flare")
        val plan = app.reopen { it.home(morning(TODAY)) }.plan!!
        val flare = plan.flare!!
        assertEquals("P7", flare.rule)
        rule.onNodeWithText(flare.text, useUnmergedTree = true).assertExists()
        assertTrue(plan.exercises.none { it.levelName.contains("backpack") || it.levelName.contains("hop") })
    }

    @Test
    fun `the home screen shows the core's next step, running advice, plan and streak`() {
        openHome()
        val home = app.reopen { it.home(morning(TODAY)) }
        rule.onNodeWithText(home.nextStepText).assertExists()
        rule.onNodeWithText(home.running!!.reason, useUnmergedTree = true).assertExists()
        for (e in home.plan!!.exercises) rule.onNodeWithTag("exercise-${e.exerciseId}").assertExists()
        assertEquals(EnglishStrings.streak(home.streakDays.toInt()), rule.onNodeWithTag("home-streak").text())
        val reminder = app.reopen { it.reminders(morning(TODAY)) }.first()
        rule.waitForTag("home-next-reminder")
        assertTrue(rule.onNodeWithTag("home-next-reminder").text().contains(reminder.title))
    }

    @Test
    fun `today's pain is editable with stiffness and a note, and the earlier value is kept`() {
        openHome()
        rule.tap("home-pain-5")
        rule.waitForTag("home-pain-edit")
        rule.tap("home-pain-edit")
        rule.waitUntil(5_000) { (app.graph.morning.state.value as? MorningPainUiState.Ready)?.score == 5 }
        rule.tap("morning-pain-4")
        rule.type("morning-stiffness", "15")
        rule.type("morning-note", "stiff after the long drive")
        rule.tap("morning-save")
        rule.waitForTag("morning-saved")
        assertEquals(5, (app.graph.morning.state.value as MorningPainUiState.Ready).saved!!.replaced!!.score.toInt())
        app.reopen { core ->
            val entry = core.painEntries(TODAY, TODAY).single()
            assertEquals(4, entry.score.toInt())
            assertEquals(15u, entry.stiffnessMinutes)
            assertEquals("stiff after the long drive", entry.note)
        }
    }

    @Test
    fun `a missed day is logged for its date and a future date gets the core's error`() {
        openHome()
        rule.tap("home-pain-details")
        rule.waitForTag("morning-date")
        // Day 10 of the seeded 3-week journal (21 days ending today) has no score.
        val missed = java.time.LocalDate.parse(TODAY).minusDays(20 - 10).toString()
        assertTrue(app.reopen { it.painEntries(missed, missed) }.isEmpty())
        rule.type("morning-date", missed)
        rule.tap("morning-pain-6")
        rule.tap("morning-save")
        rule.waitForTag("morning-saved")
        assertEquals(6, app.reopen { it.painEntries(missed, missed) }.single().score.toInt())

        val future = java.time.LocalDate.parse(TODAY).plusDays(1).toString()
        rule.type("morning-date", future)
        rule.tap("morning-pain-2")
        rule.tap("morning-save")
        rule.waitUntil(5_000) { (app.graph.morning.state.value as? MorningPainUiState.Ready)?.error != null }
        val error = (app.graph.morning.state.value as MorningPainUiState.Ready).error!!
        assertEquals("date", error.field)
        rule.onNodeWithText(error.message, useUnmergedTree = true).assertExists()
        assertTrue(app.reopen { it.painEntries(future, future) }.isEmpty())
    }

    @Test
    fun `the run form shows the core's long-run warning before saving`() {
        openHome()
        rule.tap("home-log-run")
        rule.waitForTag("run-distance")
        rule.type("run-distance", "15")
        rule.waitForTag("run-spike-warning")
        val expected = app.reopen { it.progress(morning(TODAY), 15.0).running.longRunWarning }
        assertNotNull(expected)
        assertEquals(expected, rule.onNodeWithTag("run-spike-warning").text())
        // Shown before anything is written.
        assertTrue(app.reopen { it.runs(TODAY, TODAY) }.isEmpty())
        rule.type("run-minutes", "95")
        rule.tap("run-pain-during-2")
        rule.type("run-surface", "trail")
        rule.tap("run-save")
        rule.waitForTag("run-saved")
        val run = app.reopen { it.runs(TODAY, TODAY) }.single()
        assertEquals(15.0, run.distanceKm, 1e-9)
        assertEquals("trail", run.surface)
        assertEquals(2, run.painDuring!!.toInt())
    }

    @Test
    fun `a run without a distance gets the core's error next to the distance and nothing is saved`() {
        openHome()
        rule.tap("home-log-run")
        rule.waitForTag("run-save")
        rule.tap("run-save")
        rule.waitUntil(5_000) { app.graph.run.state.value.error != null }
        val error = app.graph.run.state.value.error!!
        assertEquals("distance_km", error.field)
        rule.onNodeWithText(error.message, useUnmergedTree = true).assertExists()
        assertTrue(app.reopen { it.runs(TODAY, TODAY) }.isEmpty())
        assertNull(app.graph.run.state.value.saved)
        assertTrue(rule.onAllNodesWithTag("run-saved").fetchSemanticsNodes().isEmpty())
    }
}
