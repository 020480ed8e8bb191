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
sealed interface LessonsUiState {
    data object Loading : LessonsUiState

    data class Ready(
        val lessons: List<Lesson>,
        /** The lesson being read (a locked one too: the reader then shows only when it opens). */
        val open: Lesson? = null,
        /** The core's refusal to open a lesson (an unknown id); the list stays. */
        val error: FieldError? = null,
        /** Exercise names by id, for the lessons' "exercises this explains" (the core's library). */
        val exerciseNames: Map<String, String> = emptyMap(),
    ) : LessonsUiState {
        /** The names of the exercises [lesson] explains, in its order (the id when the library lacks it). */
        fun exerciseNamesOf(lesson: Lesson): List<String> = lesson.exerciseIds.map { exerciseNames[it] ?: it }
    }

    data class Failed(val error: FieldError) : LessonsUiState
}

class LessonsViewModel(
    private val repository: FirstStepRepository,
    private val scope: CoroutineScope,
) {
    private val mutableState = MutableStateFlow<LessonsUiState>(LessonsUiState.Loading)
    val state: StateFlow<LessonsUiState> = mutableState.asStateFlow()

    /** Reloads the list for today (weeks pass and re-assessments add findings); closes the reader. */
    fun refresh(): Job = scope.launch {
        mutableState.value = try {
            LessonsUiState.Ready(
                lessons = repository.lessons(),
                exerciseNames = repository.exerciseLibrary().associate { it.id to it.name },
            )
        } catch (e: FirstStepException) {
            LessonsUiState.Failed(FieldError.of(e))
        }
    }

    /** Opens lesson [id] ("E1" … "E7") as the core gives it today; an unknown id shows the core's error. */
    fun open(id: String): Job = scope.launch {
        try {
            val lesson = repository.lesson(id)
            mutableState.update { if (it is LessonsUiState.Ready) it.copy(open = lesson, error = null) else it }
        } catch (e: FirstStepException) {
            mutableState.update { if (it is LessonsUiState.Ready) it.copy(error = FieldError.of(e)) else LessonsUiState.Failed(FieldError.of(e)) }
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
    fun close() = mutableState.update { if (it is LessonsUiState.Ready) it.copy(open = null) else it }

    /** The lesson an exercise's "why" links to (from the loaded list), open or not. */
    fun lessonForExercise(exerciseId: String): Lesson? =
        (state.value as? LessonsUiState.Ready)?.lessons?.firstOrNull { exerciseId in it.exerciseIds }
}
