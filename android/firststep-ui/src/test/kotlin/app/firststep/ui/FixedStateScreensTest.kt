package app.firststep.ui

import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.compose.ui.test.assertIsDisplayed
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onAllNodesWithTag
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.onNodeWithText
import app.firststep.kit.AssessmentUiState
import app.firststep.kit.FieldError
import app.firststep.kit.HomeUiState
import app.firststep.kit.LessonsUiState
import app.firststep.kit.ProgressUiState
import app.firststep.kit.PsfsUiState
import app.firststep.kit.SafetyUiState
import app.firststep.kit.SettingsUiState
import app.firststep.kit.TrendChart
import app.firststep.kit.TrendUiState
import kotlinx.coroutines.runBlocking
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Rule
import org.junit.Test

/**
 * Each stateless screen fed a fixed state — Loading, Ready, Failed — and what it shows (beside the
 * journey tests, which drive the same screens through their view models on a real journal). The
 * Ready values are the core's own, read once from a seeded journal; no view model runs here.
 */
class FixedStateScreensTest {
    @get:Rule val rule = createComposeRule()
    private val app = TestApp(tempDb().also { seedJournal(it, weeks = 3) })
    private val repo = app.repository
    private val failure = FieldError(null, "The journal could not be read.")

    @After fun close() = app.close()

    private fun show(content: @Composable () -> Unit) = rule.setContent { FirstStepTheme { content() } }

    private fun count(tag: String) = rule.onAllNodesWithTag(tag, useUnmergedTree = true).fetchSemanticsNodes().size

    /** Loading shows only the loading line; Failed only the reason; neither shows [readyTag]. */
    private fun assertLoading(readyTag: String) {
        assertEquals(1, count("state-loading"))
        assertEquals(0, count("state-failed"))
        assertEquals(0, count(readyTag))
    }

    private fun assertFailed(readyTag: String, message: String = failure.message) {
        assertEquals(0, count("state-loading"))
        rule.onNodeWithTag("state-failed", useUnmergedTree = true).assertIsDisplayed()
        rule.onNodeWithText(message, useUnmergedTree = true).assertExists()
        assertEquals(0, count(readyTag))
    }

    private fun assertReady(readyTag: String) {
        assertEquals(0, count("state-loading"))
        assertEquals(0, count("state-failed"))
        rule.onNodeWithTag(readyTag, useUnmergedTree = true).assertExists()
    }

    private val homeActions = HomeActions({}, {}, {}, {}, {}, {})

    @Test fun `home loading`() { show { HomeScreen(HomeUiState.Loading, homeActions) }; assertLoading("home-next-step") }

    @Test fun `home failed says the core's reason and nothing else`() {
        show { HomeScreen(HomeUiState.Failed(failure.message), homeActions) }
        assertFailed("home-next-step")
    }

    @Test fun `home ready shows the next step and the confirmation`() {
        val home = runBlocking { repo.home() }
        show { HomeScreen(HomeUiState.Ready(home, message = "Saved: 3 out of 10."), homeActions) }
        assertReady("home-next-step")
        rule.onNodeWithText(home.nextStepText, useUnmergedTree = true).assertExists()
        assertEquals("Saved: 3 out of 10.", rule.onNodeWithTag("home-message", useUnmergedTree = true).text())
    }

    @Test fun `progress in each state`() {
        var state by mutableStateOf<ProgressUiState>(ProgressUiState.Loading)
        show { ProgressScreen(state) }
        assertLoading("progress-running")
        state = ProgressUiState.Failed(failure); rule.waitForIdle()
        assertFailed("progress-running")
        val report = runBlocking { repo.progress() }
        state = ProgressUiState.Ready(report, runBlocking { repo.latestAssessment() }); rule.waitForIdle()
        assertReady("progress-running")
        rule.onNodeWithText(report.running.reason, useUnmergedTree = true).assertExists()
    }

    @Test fun `lessons in each state, and the reader when one is open`() {
        var state by mutableStateOf<LessonsUiState>(LessonsUiState.Loading)
        show { LessonsScreen(state, LessonsActions({}, {})) }
        assertLoading("lesson-E1")
        state = LessonsUiState.Failed(failure); rule.waitForIdle()
        assertFailed("lesson-E1")
        val lessons = runBlocking { repo.lessons() }
        state = LessonsUiState.Ready(lessons); rule.waitForIdle()
        assertReady("lesson-E1")
        val e1 = lessons.first { it.id == "E1" }
        state = LessonsUiState.Ready(lessons, open = e1); rule.waitForIdle()
        assertEquals(0, count("lesson-E1"))
        rule.onNodeWithText(e1.title, substring = true, useUnmergedTree = true).assertExists()
    }

    @Test fun `settings in each state`() {
        val actions = SettingsActions({}, {}, {}, {}, {}, {}, {})
        var state by mutableStateOf<SettingsUiState>(SettingsUiState.Loading)
        show { SettingsScreen(state, "journal.db", actions) }
        assertLoading("settings-save")
        state = SettingsUiState.Failed(failure); rule.waitForIdle()
        assertFailed("settings-save")
        state = SettingsUiState.Ready(runBlocking { repo.settings() }, saved = true); rule.waitForIdle()
        assertReady("settings-save")
        rule.onNodeWithTag("settings-saved", useUnmergedTree = true).assertExists()
    }

    @Test fun `trend keeps the window switch in every state`() {
        var state by mutableStateOf<TrendUiState>(TrendUiState.Loading(8))
        show { TrendScreen(state) {} }
        assertLoading("trend-chart")
        assertEquals(1, count("weeks-${EnglishStrings.weeks(8)}"))
        state = TrendUiState.Failed(8, failure.message); rule.waitForIdle()
        assertFailed("trend-chart")
        assertEquals(1, count("weeks-${EnglishStrings.weeks(8)}"))
        state = TrendUiState.Ready(4, TrendChart.from(runBlocking { repo.trendChart(4) })); rule.waitForIdle()
        assertReady("trend-chart")
    }

    @Test fun `safety in each state`() {
        var state by mutableStateOf<SafetyUiState>(SafetyUiState.Loading)
        show { SafetyScreen(state, { _, _ -> }) {} }
        assertLoading("safety-submit")
        state = SafetyUiState.Failed(failure); rule.waitForIdle()
        assertFailed("safety-submit")
        val questions = runBlocking { repo.safetyQuestions() }
        state = SafetyUiState.Ready(questions); rule.waitForIdle()
        assertReady("safety-submit")
        assertEquals(1, count("safety-${questions.first().id}"))
    }

    @Test fun `assessment in each state, a refusal shown on its page`() {
        val actions = AssessmentActions({ _, _ -> }, { _, _, _ -> }, {}, {}, {}, {})
        var state by mutableStateOf<AssessmentUiState>(AssessmentUiState.Loading)
        show { AssessmentScreen(state, actions) }
        assertLoading("assessment-prompt")
        state = AssessmentUiState.Failed(failure); rule.waitForIdle()
        assertFailed("assessment-prompt")
        val items = runBlocking { repo.assessmentCatalogue() }
        state = AssessmentUiState.Ready(items, error = FieldError(null, "The answers could not be read.")); rule.waitForIdle()
        assertReady("assessment-prompt")
        assertEquals(items.first().prompt, rule.onNodeWithTag("assessment-prompt", useUnmergedTree = true).text())
        rule.onNodeWithText("The answers could not be read.", useUnmergedTree = true).assertExists()
    }

    @Test fun `psfs forms in each state`() {
        val actions = PsfsActions({ _, _ -> }, {}, { _, _ -> }, {})
        var state by mutableStateOf<PsfsUiState>(PsfsUiState.Loading)
        show { PsfsActivitiesScreen(state, actions) }
        assertLoading("psfs-name-0")
        state = PsfsUiState.Failed(failure); rule.waitForIdle()
        assertFailed("psfs-name-0")
        state = PsfsUiState.Ready(runBlocking { repo.psfs() }); rule.waitForIdle()
        assertReady("psfs-name-0")
        assertEquals(PsfsUiState.MAX_SLOTS, (0 until 10).count { count("psfs-name-$it") == 1 })
    }
}
