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
sealed interface MorningPainUiState {
    /** Until the core has said which day today is. */
    data object Loading : MorningPainUiState

    data class Ready(
        val today: String,
        /** The day being logged (YYYY-MM-DD), today unless the runner logs a missed day. */
        val date: String,
        val score: Int? = null,
        val stiffnessMinutes: String = "",
        val note: String = "",
        val saving: Boolean = false,
        /** The core's refusal of the form, or of reading the chosen day. */
        val error: FieldError? = null,
        /** The core's answer to the last save (with any progression decisions it took). */
        val saved: MorningLog? = null,
    ) : MorningPainUiState

    data class Failed(val error: FieldError) : MorningPainUiState
}

class MorningPainViewModel(
    private val repository: FirstStepRepository,
    private val scope: CoroutineScope,
) {
    private val mutableState = MutableStateFlow<MorningPainUiState>(MorningPainUiState.Loading)
    val state: StateFlow<MorningPainUiState> = mutableState.asStateFlow()

    /** Opens the form on [date] (default today), pre-filled with what is logged for that day. */
    fun open(date: String? = null): Job {
        mutableState.value = MorningPainUiState.Loading
        return scope.launch { start(date) }
    }

    private suspend fun start(date: String?) {
        val today = try {
            repository.today()
        } catch (e: FirstStepException) {
            mutableState.value = MorningPainUiState.Failed(FieldError.of(e))
            return
        }
        mutableState.value = MorningPainUiState.Ready(today = today, date = date ?: today)
        load(date ?: today)
    }

    /** Changes the loaded form; nothing to change before it is loaded. */
    private fun ready(change: (MorningPainUiState.Ready) -> MorningPainUiState.Ready) =
        mutableState.update { if (it is MorningPainUiState.Ready) change(it) else it }

    fun setDate(date: String): Job? {
        if (mutableState.value !is MorningPainUiState.Ready) return null
        ready { it.copy(date = date, error = null, saved = null) }
        return if (DATE.matches(date)) scope.launch { load(date) } else null
    }

    fun setScore(score: Int) = ready { it.copy(score = score, error = it.error.takeUnless { e -> e?.field == "score" }, saved = null) }
    fun setStiffness(text: String) = ready { it.copy(stiffnessMinutes = text.filter(Char::isDigit).take(6), error = null, saved = null) }
    fun setNote(text: String) = ready { it.copy(note = text, saved = null) }

    fun save(): Job = scope.launch {
        val s = mutableState.value as? MorningPainUiState.Ready ?: return@launch
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
            ready { it.copy(error = FieldError.of(e)) }
            return
        }
        ready {
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
