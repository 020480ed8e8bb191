package app.firststep.kit

import app.firststep.core.AssessmentResult
import app.firststep.core.FirstStepException
import app.firststep.core.ProgressReport
import app.firststep.core.Psfs
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.launch

/** Progress: decisions with reasons and rule ids, running state and why, the last re-assessment's changes. */
sealed interface ProgressUiState {
    data object Loading : ProgressUiState

    data class Ready(
        val report: ProgressReport,
        val assessment: AssessmentResult? = null,
        /** The PSFS (M2) as of today, also before activities are named (its text then invites the runner to name them). */
        val psfs: Psfs? = null,
    ) : ProgressUiState

    data class Failed(val error: FieldError) : ProgressUiState
}

class ProgressViewModel(
    private val repository: FirstStepRepository,
    private val scope: CoroutineScope,
) {
    private val mutableState = MutableStateFlow<ProgressUiState>(ProgressUiState.Loading)
    val state: StateFlow<ProgressUiState> = mutableState.asStateFlow()

    fun refresh(): Job = scope.launch {
        mutableState.value = try {
            ProgressUiState.Ready(repository.progress(), repository.latestAssessment(), repository.psfs())
        } catch (e: FirstStepException) {
            ProgressUiState.Failed(FieldError.of(e))
        }
    }
}
