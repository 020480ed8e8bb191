package app.firststep.ui

import androidx.compose.ui.test.assertHasClickAction
import androidx.compose.ui.test.assertHasNoClickAction
import androidx.compose.ui.test.assertIsNotEnabled
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.onNodeWithText
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test

/** Lessons on a real core journal in week 2 of its program: open ones to read, later ones greyed with when they open. */
class LessonsTest {
    @get:Rule val rule = createComposeRule()
    private val db = tempDb().also { seedJournal(it, weeks = 3) }
    private val app = TestApp(db)

    @After fun close() = app.close()

    private fun openLessons() {
        rule.setContent { FirstStepApp(app.graph) }
        app.graph.start()
        rule.waitForTag("home-next-step")
        rule.tap("tab-lessons")
        rule.waitForTag("lesson-E1")
    }

    @Test
    fun `the list shows the core's lessons, a locked one greyed with when it opens`() {
        openLessons()
        val lessons = app.reopen { it.lessons(morning(TODAY)) }
        assertEquals(7, lessons.size)
        for (lesson in lessons) rule.onNodeWithText(lesson.title, substring = true, useUnmergedTree = true).assertExists()
        rule.onNodeWithTag("lessons-empty").assertDoesNotExist()

        val e1 = lessons.first { it.id == "E1" }
        assertTrue(e1.unlocked)
        rule.onNodeWithTag("lesson-E1").assertHasClickAction()

        // Week 2 of the seeded program: E6 (week 3) is still locked.
        val e6 = lessons.first { it.id == "E6" }
        assertFalse(e6.unlocked)
        assertEquals("Opens in week 3 of your program", e6.unlockedBecause)
        assertEquals(e6.unlockedBecause, rule.onNodeWithTag("lesson-E6-status", useUnmergedTree = true).text())
        rule.onNodeWithTag("lesson-E6").assertHasNoClickAction().assertIsNotEnabled()
    }

    @Test
    fun `an open lesson reads its paragraphs, rules and exercises, and closes back to the list`() {
        openLessons()
        val e2 = app.reopen { it.lesson(morning(TODAY), "E2") }
        rule.tap("lesson-E2")
        rule.waitForTag("lesson-title")
        assertEquals("E2 · ${e2.title}", rule.onNodeWithTag("lesson-title").text())
        for ((i, paragraph) in e2.body.withIndex()) assertEquals(paragraph, rule.onNodeWithTag("lesson-paragraph-$i").text())
        assertEquals(EnglishStrings.rules(e2.rules), rule.onNodeWithTag("lesson-rules").text())
        rule.onNodeWithText("Single-leg balance", substring = true).assertExists()
        rule.tap("lesson-close")
        rule.waitForTag("lesson-E1")
        rule.onNodeWithTag("screen-lesson").assertDoesNotExist()
    }
}
