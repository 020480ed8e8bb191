package app.firststep.kit

import app.firststep.core.FirstStepException
import app.firststep.core.ReturnToRunAnswers
import app.firststep.core.ReturnToRunCheck
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/**
 * The return-to-run self-test (CLINICAL RR1): walk pain, heel raises on each side, hop pain. The
 * grading (with the last 7 logged mornings), the criteria and the advice are the core's.
 */
data class ReturnToRunUiState(
    val walkPain: Int? = null,
    /** Heel raises as typed (digits only). */
    val heelRaisesAffected: String = "",
    /** The other side; blank when both heels hurt or it was not tested. */
    val heelRaisesOther: String = "",
    val hopPain: Int? = null,
    val submitting: Boolean = false,
    val error: FieldError? = null,
    /** The core's verdict, each criterion passed or not. */
    val result: ReturnToRunCheck? = null,
) {
    val canSubmit: Boolean get() = walkPain != null && hopPain != null && heelRaisesAffected.isNotBlank() && !submitting
}

class ReturnToRunViewModel(
    private val repository: FirstStepRepository,
    private val scope: CoroutineScope,
) {
    private val mutableState = MutableStateFlow(ReturnToRunUiState())
    val state: StateFlow<ReturnToRunUiState> = mutableState.asStateFlow()

    /** A fresh form. */
    fun open() { mutableState.value = ReturnToRunUiState() }

    fun setWalkPain(score: Int) = mutableState.update { it.copy(walkPain = score, error = null) }
    fun setHopPain(score: Int) = mutableState.update { it.copy(hopPain = score, error = null) }
    fun setHeelRaisesAffected(text: String) = mutableState.update { it.copy(heelRaisesAffected = digits(text), error = null) }
    fun setHeelRaisesOther(text: String) = mutableState.update { it.copy(heelRaisesOther = digits(text), error = null) }

    /** Sends the answers; the core refuses out-of-range values naming the field, or a test while a red flag stops running. */
    fun submit(): Job = scope.launch {
        val current = mutableState.value
        val walk = current.walkPain ?: return@launch
        val hop = current.hopPain ?: return@launch
        val affected = current.heelRaisesAffected.toLongOrNull() ?: return@launch
        mutableState.value = current.copy(submitting = true, error = null)
        mutableState.value = try {
            val answers = ReturnToRunAnswers(
                walkPain = walk.toUByte(),
                heelRaisesAffected = affected.coerceAtMost(UInt.MAX_VALUE.toLong()).toUInt(),
                heelRaisesOther = current.heelRaisesOther.toLongOrNull()?.coerceAtMost(UInt.MAX_VALUE.toLong())?.toUInt(),
                hopPain = hop.toUByte(),
            )
            current.copy(submitting = false, result = repository.takeReturnToRunTest(answers))
        } catch (e: FirstStepException) {
            current.copy(submitting = false, error = FieldError.of(e))
        }
    }

    private fun digits(text: String) = text.filter(Char::isDigit).take(6)
}
