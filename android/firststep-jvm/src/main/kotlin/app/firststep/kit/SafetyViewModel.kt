package app.firststep.kit

import app.firststep.core.FirstStepException
import app.firststep.core.SafetyQuestion
import app.firststep.core.SafetyResult
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/** The safety screen (CLINICAL R1–R3): the core's questions, the runner's "yes" answers, the core's verdict. */
sealed interface SafetyUiState {
    data object Loading : SafetyUiState

    data class Ready(
        val questions: List<SafetyQuestion>,
        /** Ids answered "yes". */
        val yes: Set<String> = emptySet(),
        /** Set once submitted: its level decides between the stop screen, the advice and the assessment. */
        val result: SafetyResult? = null,
        /** The core's refusal of the answers or of a clinician's clearance. */
        val error: FieldError? = null,
        /** A clinician's clearance was just recorded (the questions may be taken again). */
        val cleared: Boolean = false,
    ) : SafetyUiState

    /** The questions could not be loaded, or a clearance was refused before they were. */
    data class Failed(val error: FieldError) : SafetyUiState
}

/**
 * Welcome → safety questions → result. The screen is stored by the core when submitted; the ids
 * answered "yes" are passed on to the assessment ([yesIds]), which re-evaluates them with the tests.
 */
class SafetyViewModel(
    private val repository: FirstStepRepository,
    private val scope: CoroutineScope,
) {
    private val mutableState = MutableStateFlow<SafetyUiState>(SafetyUiState.Loading)
    val state: StateFlow<SafetyUiState> = mutableState.asStateFlow()

    /** Loads the questions and clears earlier answers (first run and every re-assessment). */
    fun load(): Job {
        mutableState.value = SafetyUiState.Loading
        return scope.launch { fetch() }
    }

    private suspend fun fetch() {
        mutableState.value = try {
            SafetyUiState.Ready(repository.safetyQuestions())
        } catch (e: FirstStepException) {
            SafetyUiState.Failed(FieldError.of(e))
        }
    }

    /** Changes the loaded questions; nothing to change before they are in. */
    private fun ready(change: (SafetyUiState.Ready) -> SafetyUiState.Ready) =
        mutableState.update { if (it is SafetyUiState.Ready) change(it) else it }

    fun answer(id: String, yes: Boolean) = ready {
        it.copy(yes = if (yes) it.yes + id else it.yes - id, result = null, error = null)
    }

    fun submit(): Job = scope.launch {
        val current = mutableState.value as? SafetyUiState.Ready ?: return@launch
        // Question order, as the core lists them.
        val ids = current.questions.map { it.id }.filter { it in current.yes }
        mutableState.value = try {
            current.copy(result = repository.submitSafetyScreen(ids), error = null)
        } catch (e: FirstStepException) {
            current.copy(error = FieldError.of(e))
        }
    }

    /**
     * A clinician has cleared the runner on [date] (blank: today): the core records the visit, which
     * lets the safety questions be taken again after an urgent answer (R1); then the questions reload.
     */
    fun clearedByClinician(date: String): Job = scope.launch {
        try {
            repository.recordClinicianVisit(date.trim().ifEmpty { null }, cleared = true)
            mutableState.value = SafetyUiState.Ready(repository.safetyQuestions(), cleared = true)
        } catch (e: FirstStepException) {
            mutableState.update { if (it is SafetyUiState.Ready) it.copy(error = FieldError.of(e)) else SafetyUiState.Failed(FieldError.of(e)) }
        }
    }

    /** Back to the questions (the stop screen's "re-take the screen later"). */
    fun retake() = ready { it.copy(result = null, yes = emptySet(), error = null, cleared = false) }

    val yesIds: List<String> get() = (mutableState.value as? SafetyUiState.Ready)?.let { s -> s.questions.map { it.id }.filter { it in s.yes } }.orEmpty()
}
