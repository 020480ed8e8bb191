package app.firststep.kit

import app.firststep.core.FirstStepException
import kotlinx.coroutines.ExperimentalCoroutinesApi
import kotlinx.coroutines.test.StandardTestDispatcher
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** The lessons view model over the real core: unlocked by finding and by week, locked ones readable for when they open. */
@OptIn(ExperimentalCoroutinesApi::class)
class LessonsViewModelTest {
    private val start = "2026-06-01"

    @Test
    fun `lessons open by finding on day one and by week later`() = runTest {
        val clock = FixedClock(start)
        val repo = FirstStepRepository(openTempCore(), clock, StandardTestDispatcher(testScheduler))
        val lessons = LessonsViewModel(repo, backgroundScope)

        lessons.refresh().join()
        assertEquals(listOf("E1", "E2", "E3", "E4", "E5", "E6", "E7"), (lessons.state.value as LessonsUiState.Ready).lessons.map { it.id })
        assertEquals(listOf("E1", "E4"), (lessons.state.value as LessonsUiState.Ready).lessons.filter { it.unlocked }.map { it.id }, "no program yet")

        repo.submitAssessmentJson(answersJson(start)) // a wobbly left balance: a balance finding
        lessons.refresh().join()
        val state = lessons.state.value as LessonsUiState.Ready
        assertEquals(listOf("E1", "E2", "E4"), state.lessons.filter { it.unlocked }.map { it.id })
        assertEquals("Your balance finding", state.lessons.first { it.id == "E2" }.unlockedBecause)
        assertEquals("Opens in week 3 of your program", state.lessons.first { it.id == "E6" }.unlockedBecause)
        assertEquals("E2", lessons.lessonForExercise("single_leg_balance")?.id)
        assertEquals("E1", lessons.lessonForExercise("calf_loading")?.id)

        lessons.open("E6").join()
        val locked = (lessons.state.value as LessonsUiState.Ready).open
        assertNotNull(locked)
        assertFalse(locked!!.unlocked, "a locked lesson is readable for when it opens")
        lessons.close()
        assertNull((lessons.state.value as LessonsUiState.Ready).open)

        clock.moment = morning("2026-06-22") // week 3
        lessons.refresh().join()
        assertTrue((lessons.state.value as LessonsUiState.Ready).lessons.first { it.id == "E6" }.unlocked)
        assertEquals("Week 3 of your program", (lessons.state.value as LessonsUiState.Ready).lessons.first { it.id == "E6" }.unlockedBecause)
        repo.close()
    }

    @Test
    fun `an unknown lesson shows the core's error listing the ids`() = runTest {
        val repo = FirstStepRepository(openTempCore(), FixedClock(start), StandardTestDispatcher(testScheduler))
        val lessons = LessonsViewModel(repo, backgroundScope)
        lessons.open("E9").join()
        // Nothing loaded yet: the refusal is all the screen has to show.
        val error = (lessons.state.value as LessonsUiState.Failed).error
        assertNotNull(error)
        assertTrue(error!!.message.contains("E1, E2, E3, E4, E5, E6, E7"), error.message)
        val thrown = try { repo.lesson("E0"); null } catch (e: FirstStepException) { e }
        assertTrue(thrown is FirstStepException.NotFound, "$thrown")
        repo.close()
    }
}
