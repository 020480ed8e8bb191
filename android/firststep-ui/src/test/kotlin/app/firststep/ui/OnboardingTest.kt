package app.firststep.ui

import app.firststep.kit.AssessmentUiState
import androidx.compose.ui.test.assertTextEquals
import androidx.compose.ui.test.assertIsEnabled
import androidx.compose.ui.test.assertIsNotEnabled
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onAllNodesWithTag
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.onNodeWithText
import app.firststep.core.FirstStep
import app.firststep.core.FirstStepException
import app.firststep.core.NextStep
import app.firststep.core.RedFlagLevel
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Assert.fail
import org.junit.Rule
import org.junit.Test

/** First run: welcome → safety questions → urgent stop / refer advice → assessment → findings and program. */
class OnboardingTest {
    @get:Rule val rule = createComposeRule()
    private val app = TestApp()

    @After fun close() = app.close()

    private fun start() {
        rule.setContent { FirstStepApp(app.graph) }
        app.graph.start()
        rule.tap("welcome-start")
        rule.waitForTag("safety-submit")
    }

    private fun questionIds(level: RedFlagLevel) = app.reopen { c -> c.safetyQuestions().filter { it.level == level }.map { it.id } }

    /** What the core answers for these "yes" ids, from a separate journal (the expected wording). */
    private fun expectedAdvice(yes: List<String>) =
        FirstStep.open(tempDb().path).use { it.submitSafetyScreen(morning(TODAY), yes) }

    @Test
    fun `an urgent answer ends on the stop screen with the core's advice and no program`() {
        start()
        val urgent = questionIds(RedFlagLevel.URGENT).first()
        rule.tap("safety-$urgent")
        rule.tap("safety-submit")
        rule.waitForTag("screen-urgent")
        val expected = expectedAdvice(listOf(urgent))
        assertEquals(expected.advice, rule.onNodeWithTag("urgent-advice").text())
        rule.onNodeWithText("• ${expected.reasons.single()}").assertExists()
        // No way forward to a program: only re-taking the screen.
        assertTrue(rule.onAllNodesWithTag("refer-continue").fetchSemanticsNodes().isEmpty())
        assertTrue(rule.onAllNodesWithTag("screen-assessment").fetchSemanticsNodes().isEmpty())
        app.reopen { core ->
            assertNull(core.program())
            assertNull(core.latestAssessment())
            assertEquals(RedFlagLevel.URGENT, core.home(morning(TODAY)).redFlag)
            assertEquals(NextStep.SEEK_CARE, core.home(morning(TODAY)).nextStep)
        }
        // Re-taking the questions needs a clinician's clearance, which the core records.
        rule.tap("urgent-retake")
        rule.waitForTag("screen-safety")
        assertTrue(app.reopen { it.clinicianVisits() }.single().cleared)
    }

    @Test
    fun `an app opened on a journal whose last safety screen was urgent opens the stop screen`() {
        // Issue 26: the core's start route, the same in both apps (Kotlin used to open home here).
        val urgent = questionIds(RedFlagLevel.URGENT).first()
        app.reopen { it.submitSafetyScreen(morning(TODAY), listOf(urgent)) }
        rule.setContent { FirstStepApp(app.graph) }
        app.graph.start()
        rule.waitForTag("screen-urgent")
        val caution = app.reopen { it.home(morning(TODAY)).caution }
        assertEquals(caution, rule.onNodeWithTag("urgent-advice").text())
        assertTrue(rule.onAllNodesWithTag("screen-home").fetchSemanticsNodes().isEmpty())
    }

    @Test
    fun `a refer answer shows the core's advice, then the assessment continues`() {
        start()
        val refer = questionIds(RedFlagLevel.REFER).first()
        rule.tap("safety-$refer")
        rule.tap("safety-submit")
        rule.waitForTag("screen-refer")
        assertEquals(expectedAdvice(listOf(refer)).advice, rule.onNodeWithTag("refer-advice").text())
        rule.tap("refer-continue")
        rule.waitForTag("assessment-prompt")
        val first = app.reopen { it.assessmentCatalogue().first() }
        assertEquals(first.prompt, rule.onNodeWithTag("assessment-prompt").text())
    }

    /** Walks the wizard page by page; [answers] maps a field tag suffix to what to type or tap. */
    private fun walkWizard(answers: Map<String, String>) {
        rule.waitUntil(10_000) { (app.graph.assessment.state.value as? AssessmentUiState.Ready)?.item != null }
        while (true) {
            val state = app.graph.assessment.state.value as AssessmentUiState.Ready
            val item = state.item!!
            for ((field, value) in answers) {
                if (field.substringBefore('.') != item.id) continue
                when {
                    value.startsWith("tap:") -> rule.tap("field-$field-${value.removePrefix("tap:")}")
                    else -> rule.type("field-$field", value)
                }
            }
            rule.waitForIdle()
            if (state.isLastPage) {
                rule.tap("assessment-submit")
                return
            }
            rule.tap("assessment-next")
            rule.waitUntil(5_000) { (app.graph.assessment.state.value as? AssessmentUiState.Ready)?.page == state.page + 1 }
        }
    }

    private val validAnswers = mapOf(
        "affected_side" to "tap:left",
        "first_step_pain" to "tap:5",
        "knee_to_wall_cm.left" to "7",
        "knee_to_wall_cm.right" to "11",
        "heel_raise_reps.left" to "14",
        "heel_raise_reps.right" to "25",
    )

    @Test
    fun `an out-of-range measurement shows the core's error next to its field and saves nothing`() {
        start()
        rule.tap("safety-submit")
        walkWizard(validAnswers + ("knee_to_wall_cm.left" to "45"))
        rule.waitUntil(10_000) { (app.graph.assessment.state.value as? AssessmentUiState.Ready)?.error != null }
        // The core's own refusal for the same document, from a separate journal.
        val expected = try {
            FirstStep.open(tempDb().path).use {
                it.submitAssessmentJson(morning(TODAY), """{"date": "$TODAY", "affected_side": "left", "first_step_pain": 5,
                    "knee_to_wall_cm": {"left": 45, "right": 11}, "heel_raise_reps": {"left": 14, "right": 25}}""")
            }
            fail("the core accepted 45 cm"); throw IllegalStateException()
        } catch (e: FirstStepException.InvalidInput) { e }
        assertEquals("knee_to_wall_cm.left", expected.field)
        // Back on the knee-to-wall page, the message under the left input.
        rule.waitForTag("field-knee_to_wall_cm.left")
        rule.onNodeWithText(expected.reason, useUnmergedTree = true).assertExists()
        assertEquals("knee_to_wall_cm", (app.graph.assessment.state.value as AssessmentUiState.Ready).item!!.id)
        app.reopen { core ->
            assertNull(core.latestAssessment())
            assertNull(core.program())
        }
        // Fixing the value clears the error and the wizard can go on.
        rule.type("field-knee_to_wall_cm.left", "7")
        rule.onNodeWithTag("assessment-next").assertIsEnabled()
    }

    @Test
    fun `a required test must be answered before the next page`() {
        start()
        rule.tap("safety-submit")
        rule.waitForTag("assessment-next")
        rule.onNodeWithTag("assessment-next").assertIsNotEnabled()
        rule.tap("field-affected_side-left")
        rule.onNodeWithTag("assessment-next").assertIsEnabled()
    }

    @Test
    fun `the assessment ends on the findings and the program, which the journal keeps`() {
        start()
        rule.tap("safety-submit")
        walkWizard(validAnswers)
        rule.waitForTag("screen-findings", 15_000)
        val (result, program) = app.reopen { it.latestAssessment()!! to it.program()!! }
        assertTrue(result.findings.isNotEmpty())
        for (finding in result.findings) {
            rule.onNodeWithText(finding.measurement, useUnmergedTree = true).assertExists()
            rule.onNodeWithText(finding.explanation, useUnmergedTree = true).assertExists()
        }
        for (exercise in program.exercises) {
            rule.onNodeWithTag("exercise-${exercise.exerciseId}").assertExists()
            val link = rule.onNodeWithTag("exercise-link-${exercise.exerciseId}", useUnmergedTree = true).text()
            for (domain in exercise.answers) assertTrue(link, link.contains(EnglishStrings.domain(domain)))
        }
        rule.tap("findings-done")
        rule.waitForTag("home-next-step")
        // The assessment's first-step pain (5) is this morning's log (issue 27): home shows it.
        rule.waitForTag("home-pain-logged")
        rule.onNodeWithTag("home-pain-logged").assertTextEquals(EnglishStrings.painLogged(5))
    }
}
