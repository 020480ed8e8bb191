package app.firststep.kit

import app.firststep.core.AssessmentResult
import app.firststep.core.FirstStepException
import app.firststep.core.ProgressReport
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
            ProgressUiState(loading = false, report = repository.progress(), assessment = repository.latestAssessment())
        } catch (e: FirstStepException) {
            ProgressUiState(loading = false, error = FieldError.of(e))
        }
    }
}
