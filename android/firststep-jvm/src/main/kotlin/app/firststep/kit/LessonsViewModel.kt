package app.firststep.kit

import app.firststep.core.FirstStepException
import app.firststep.core.Lesson
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/**
 * Lessons (CLINICAL E1–E7, PRODUCT §2.12): the list in reading order and the lesson being read.
 * Text, unlock state and the reason ("Your balance finding", "Opens in week 3 of your program")
 * are the core's; nothing here decides what is open.
 */
data class LessonsUiState(
    val loading: Boolean = true,
    val lessons: List<Lesson> = emptyList(),
    /** The lesson being read (a locked one too: the reader then shows only when it opens). */
    val open: Lesson? = null,
    val error: FieldError? = null,
    /** Exercise names by id, for the lessons' "exercises this explains" (the core's library). */
    val exerciseNames: Map<String, String> = emptyMap(),
) {
    /** The names of the exercises [lesson] explains, in its order (the id when the library lacks it). */
    fun exerciseNamesOf(lesson: Lesson): List<String> = lesson.exerciseIds.map { exerciseNames[it] ?: it }
}

class LessonsViewModel(
    private val repository: FirstStepRepository,
    private val scope: CoroutineScope,
) {
    private val mutableState = MutableStateFlow(LessonsUiState())
    val state: StateFlow<LessonsUiState> = mutableState.asStateFlow()

    /** Reloads the list for today (weeks pass and re-assessments add findings); closes the reader. */
    fun refresh(): Job = scope.launch {
        mutableState.value = try {
            LessonsUiState(
                loading = false,
                lessons = repository.lessons(),
                exerciseNames = repository.exerciseLibrary().associate { it.id to it.name },
            )
        } catch (e: FirstStepException) {
            LessonsUiState(loading = false, error = FieldError.of(e))
        }
    }

    /** Opens lesson [id] ("E1" … "E7") as the core gives it today; an unknown id shows the core's error. */
    fun open(id: String): Job = scope.launch {
        try {
            val lesson = repository.lesson(id)
            mutableState.update { it.copy(open = lesson, error = null) }
        } catch (e: FirstStepException) {
            mutableState.update { it.copy(error = FieldError.of(e)) }
        }
    }

    /**
     * Reloads the list, then opens lesson [id] (an exercise's "why" link): one job, so the reload
     * cannot close the reader after it opened.
     */
    fun refreshAndOpen(id: String): Job = scope.launch {
        refresh().join()
        open(id).join()
    }

    /** Back to the list. */
    fun close() = mutableState.update { it.copy(open = null) }

    /** The lesson an exercise's "why" links to (from the loaded list), open or not. */
    fun lessonForExercise(exerciseId: String): Lesson? =
        state.value.lessons.firstOrNull { exerciseId in it.exerciseIds }
}
