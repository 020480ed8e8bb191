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
data class ProgressUiState(
    val loading: Boolean = true,
    val report: ProgressReport? = null,
    val assessment: AssessmentResult? = null,
    /** The PSFS (M2) as of today, also before activities are named (its text then invites the runner to name them). */
    val psfs: Psfs? = null,
    val error: FieldError? = null,
)

class ProgressViewModel(
    private val repository: FirstStepRepository,
    private val scope: CoroutineScope,
) {
    private val mutableState = MutableStateFlow(ProgressUiState())
    val state: StateFlow<ProgressUiState> = mutableState.asStateFlow()

    fun refresh(): Job = scope.launch {
        mutableState.value = try {
            ProgressUiState(loading = false, report = repository.progress(), assessment = repository.latestAssessment(), psfs = repository.psfs())
        } catch (e: FirstStepException) {
            ProgressUiState(loading = false, error = FieldError.of(e))
        }
    }
}
