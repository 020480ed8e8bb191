package app.firststep.kit

import app.firststep.core.FirstStepException
import app.firststep.core.MorningLog
import app.firststep.core.RunLog
import app.firststep.core.RunRecord
import app.firststep.core.RunningGuidance
import app.firststep.core.Units
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/** Morning first-step pain with the optional stiffness minutes and note, for today or a missed day. */
data class MorningPainUiState(
    val today: String = "",
    /** The day being logged (YYYY-MM-DD), today unless the runner logs a missed day. */
    val date: String = "",
    val score: Int? = null,
    val stiffnessMinutes: String = "",
    val note: String = "",
    val saving: Boolean = false,
    val error: FieldError? = null,
    /** The core's answer to the last save (with any progression decisions it took). */
    val saved: MorningLog? = null,
)

class MorningPainViewModel(
    private val repository: FirstStepRepository,
    private val scope: CoroutineScope,
) {
    private val mutableState = MutableStateFlow(MorningPainUiState())
    val state: StateFlow<MorningPainUiState> = mutableState.asStateFlow()

    /** Opens the form on [date] (default today), pre-filled with what is logged for that day. */
    fun open(date: String? = null): Job {
        mutableState.value = MorningPainUiState()
        return scope.launch { start(date) }
    }

    private suspend fun start(date: String?) {
        val today = repository.today()
        mutableState.value = MorningPainUiState(today = today, date = date ?: today)
        load(date ?: today)
    }

    fun setDate(date: String): Job? {
        mutableState.update { it.copy(date = date, error = null, saved = null) }
        return if (DATE.matches(date)) scope.launch { load(date) } else null
    }

    fun setScore(score: Int) = mutableState.update { it.copy(score = score, error = it.error.takeUnless { e -> e?.field == "score" }, saved = null) }
    fun setStiffness(text: String) = mutableState.update { it.copy(stiffnessMinutes = text.filter(Char::isDigit).take(6), error = null, saved = null) }
    fun setNote(text: String) = mutableState.update { it.copy(note = text, saved = null) }

    fun save(): Job = scope.launch {
        val s = mutableState.value
        val score = s.score ?: return@launch
        mutableState.value = s.copy(saving = true, error = null)
        mutableState.value = try {
            val log = repository.logPain(score, s.stiffnessMinutes.toIntOrNull(), s.note.ifBlank { null }, s.date.takeIf { it != s.today })
            s.copy(saving = false, saved = log)
        } catch (e: FirstStepException) {
            s.copy(saving = false, error = FieldError.of(e))
        }
    }

    private suspend fun load(date: String) {
        val entry = try {
            repository.painEntries(date, date).firstOrNull()
        } catch (e: FirstStepException) {
            mutableState.update { it.copy(error = FieldError.of(e)) }
            return
        }
        mutableState.update {
            if (it.date != date) it else it.copy(
                score = entry?.score?.toInt(),
                stiffnessMinutes = entry?.stiffnessMinutes?.toString() ?: "",
                note = entry?.note ?: "",
            )
        }
    }

    private companion object {
        val DATE = Regex("""\d{4}-\d{2}-\d{2}""")
    }
}
