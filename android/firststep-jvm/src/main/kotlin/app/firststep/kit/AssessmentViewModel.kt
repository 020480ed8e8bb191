package app.firststep.kit

import app.firststep.core.AnswerKind
import app.firststep.core.AssessmentItem
import app.firststep.core.AssessmentResult
import app.firststep.core.FirstStepException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/** What the runner typed or chose for one catalogue item: [value] for single answers, [left]/[right] per side. */
data class AnswerInput(val value: String = "", val left: String = "", val right: String = "") {
    fun isComplete(perSide: Boolean): Boolean = if (perSide) left.isNotBlank() && right.isNotBlank() else value.isNotBlank()
    fun isEmpty(): Boolean = value.isBlank() && left.isBlank() && right.isBlank()
}

/** One side of a per-side answer. */
enum class AnswerSide(val key: String) { LEFT("left"), RIGHT("right") }

/** The assessment wizard: loading the catalogue, the form (pages, answers, the core's refusal, the result), or failed. */
sealed interface AssessmentUiState {
    data object Loading : AssessmentUiState

    data class Failed(val error: FieldError) : AssessmentUiState

    data class Ready(
        /** The core's catalogue: one item per page, in the core's order. */
        val items: List<AssessmentItem>,
        val page: Int = 0,
        val inputs: Map<String, AnswerInput> = emptyMap(),
        /** Knee-to-wall entered in inches (the core's `knee_to_wall_in` answer) instead of cm. */
        val inches: Boolean = false,
        val submitting: Boolean = false,
        /** The core's refusal; its field names the item (and side) to show it next to. */
        val error: FieldError? = null,
        val result: AssessmentResult? = null,
    ) : AssessmentUiState {
        val item: AssessmentItem? get() = items.getOrNull(page)
        val isLastPage: Boolean get() = page == items.lastIndex
        fun input(id: String): AnswerInput = inputs[id] ?: AnswerInput()

        /** A required item must be answered before moving on (the core marks which are required). */
        val canAdvance: Boolean get() = item?.let { !it.required || input(it.id).isComplete(it.perSide) } ?: false
    }
}

/**
 * The assessment wizard: one catalogue item per page, answers kept as typed, submitted once at the
 * end as the core's answers document (keys are the catalogue ids). Every check is the core's: a
 * refused value comes back as `InvalidInput(field, reason)`, nothing is saved, and the wizard goes
 * back to the page of that field.
 */
class AssessmentViewModel(
    private val repository: FirstStepRepository,
    private val scope: CoroutineScope,
) {
    private val mutableState = MutableStateFlow<AssessmentUiState>(AssessmentUiState.Loading)
    val state: StateFlow<AssessmentUiState> = mutableState.asStateFlow()
    private var redFlags: List<String> = emptyList()

    /** Starts the wizard; [redFlags] are the safety questions answered "yes". */
    fun start(redFlags: List<String>, inches: Boolean = false): Job {
        this.redFlags = redFlags
        mutableState.value = AssessmentUiState.Loading
        return scope.launch { load(inches) }
    }

    private suspend fun load(inches: Boolean) {
        mutableState.value = try {
            AssessmentUiState.Ready(repository.assessmentCatalogue(), inches = inches)
        } catch (e: FirstStepException) {
            AssessmentUiState.Failed(FieldError.of(e))
        }
    }

    fun setValue(id: String, value: String) = edit(id) { it.copy(value = value) }

    fun setSide(id: String, side: AnswerSide, value: String) =
        edit(id) { if (side == AnswerSide.LEFT) it.copy(left = value) else it.copy(right = value) }

    fun setInches(inches: Boolean) = ready { it.copy(inches = inches, error = null) }

    fun next() = ready { if (it.canAdvance && !it.isLastPage) it.copy(page = it.page + 1) else it }

    fun back() = ready { it.copy(page = (it.page - 1).coerceAtLeast(0)) }

    fun goTo(page: Int) = ready { it.copy(page = page.coerceIn(0, (it.items.size - 1).coerceAtLeast(0))) }

    /** Submits every answer; on a refusal, shows the core's message on the page of the field it names. */
    fun submit(): Job = scope.launch {
        val current = mutableState.value as? AssessmentUiState.Ready ?: return@launch
        mutableState.value = current.copy(submitting = true, error = null)
        mutableState.value = try {
            val result = repository.submitAssessmentJson(answersJson(current, repository.today(), redFlags))
            current.copy(submitting = false, result = result, error = null)
        } catch (e: FirstStepException) {
            val error = FieldError.of(e)
            val page = current.items.indexOfFirst { error.concerns(it.id) || error.concerns(answerKey(it, current.inches)) }
            current.copy(submitting = false, error = error, page = if (page >= 0) page else current.page)
        }
    }

    /** Changes the loaded form; nothing to change before the catalogue is in. */
    private fun ready(change: (AssessmentUiState.Ready) -> AssessmentUiState.Ready) =
        mutableState.update { if (it is AssessmentUiState.Ready) change(it) else it }

    private fun edit(id: String, change: (AnswerInput) -> AnswerInput) = ready {
        it.copy(inputs = it.inputs + (id to change(it.input(id))), error = if (it.error?.let { e -> e.concerns(id) } == true) null else it.error)
    }

    companion object {
        /** The core accepts knee-to-wall in inches under its own key (see the item's how-to). */
        private const val KNEE_TO_WALL_CM = "knee_to_wall_cm"
        private const val KNEE_TO_WALL_IN = "knee_to_wall_in"

        /** The answers-document key an item is sent under. */
        fun answerKey(item: AssessmentItem, inches: Boolean): String =
            if (inches && item.id == KNEE_TO_WALL_CM) KNEE_TO_WALL_IN else item.id

        /** True for the one item that can be answered in inches. */
        fun hasInches(item: AssessmentItem): Boolean = item.id == KNEE_TO_WALL_CM

        /**
         * The answers document (docs/answers.md) from what was typed: numbers as typed (the UI only
         * lets digits and one decimal point through), choices as the core's enum words, blank items left out.
         */
        fun answersJson(state: AssessmentUiState.Ready, date: String, redFlags: List<String>): String {
            val fields = mutableListOf("\"date\": ${quote(date)}")
            for (item in state.items) {
                val input = state.input(item.id)
                if (input.isEmpty()) continue
                val key = answerKey(item, state.inches)
                val value = if (item.perSide) {
                    val parts = listOfNotNull(
                        input.left.takeIf { it.isNotBlank() }?.let { "\"left\": ${scalar(item.kind, it)}" },
                        input.right.takeIf { it.isNotBlank() }?.let { "\"right\": ${scalar(item.kind, it)}" },
                    )
                    "{${parts.joinToString(", ")}}"
                } else {
                    scalar(item.kind, input.value)
                }
                fields += "${quote(key)}: $value"
            }
            fields += "\"red_flags\": [" + redFlags.joinToString(", ") { quote(it) } + "]"
            return "{" + fields.joinToString(", ") + "}"
        }

        private fun scalar(kind: AnswerKind, text: String): String = when (kind) {
            AnswerKind.NUMBER, AnswerKind.COUNT, AnswerKind.PAIN -> text.trim().takeIf { it.toDoubleOrNull() != null } ?: quote(text)
            AnswerKind.YES_NO -> if (text == "yes") "true" else "false"
            AnswerKind.GRADE, AnswerKind.SQUAT_QUALITY, AnswerKind.SIDE -> quote(text)
        }

        private fun quote(text: String): String =
            "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\""
    }
}
