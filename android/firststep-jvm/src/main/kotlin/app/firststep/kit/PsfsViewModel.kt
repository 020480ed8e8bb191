package app.firststep.kit

import app.firststep.core.FirstStepException
import app.firststep.core.Psfs
import app.firststep.core.PsfsRating
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/**
 * The Patient-Specific Functional Scale (CLINICAL M2): the runner's 3–5 activities and their 0–10
 * ratings. Counts, name checks, due dates, averages and the "detectable change" are the core's; this
 * holds what is being typed or tapped and shows the core's refusal.
 */
sealed interface PsfsUiState {
    data object Loading : PsfsUiState

    data class Ready(
        val psfs: Psfs,
        /** The activities form: one entry per slot, as typed (blank slots are left out when saving). */
        val names: List<String> = List(PsfsUiState.MAX_SLOTS) { "" },
        /** The rating form: a score per activity id, null until tapped. */
        val scores: Map<Long, Int> = emptyMap(),
        val saving: Boolean = false,
        /** The core's refusal of the names or the ratings (nothing was saved). */
        val error: FieldError? = null,
        /** True once the last save (names or ratings) went through. */
        val saved: Boolean = false,
    ) : PsfsUiState {
        /** Every activity has a score: the rating can be saved. */
        val canRate: Boolean get() = psfs.activities.let { list -> list.isNotEmpty() && list.all { it.id in scores } }
    }

    data class Failed(val error: FieldError) : PsfsUiState

    companion object {
        /** Slots in the activities form (the core accepts 3 to 5 names). */
        const val MAX_SLOTS = 5
    }
}

class PsfsViewModel(
    private val repository: FirstStepRepository,
    private val scope: CoroutineScope,
) {
    private val mutableState = MutableStateFlow<PsfsUiState>(PsfsUiState.Loading)
    val state: StateFlow<PsfsUiState> = mutableState.asStateFlow()

    /** Loads the PSFS and fills the activities form with the current names. */
    fun open(): Job {
        mutableState.value = PsfsUiState.Loading
        return scope.launch {
            mutableState.value = try {
                val psfs = repository.psfs()
                val names = psfs.activities.map { it.name }
                PsfsUiState.Ready(psfs, names = (names + List(PsfsUiState.MAX_SLOTS) { "" }).take(maxOf(PsfsUiState.MAX_SLOTS, names.size)))
            } catch (e: FirstStepException) {
                PsfsUiState.Failed(FieldError.of(e))
            }
        }
    }

    /** Changes the loaded forms; nothing to change before the PSFS is in. */
    private fun ready(change: (PsfsUiState.Ready) -> PsfsUiState.Ready) =
        mutableState.update { if (it is PsfsUiState.Ready) change(it) else it }

    fun setName(index: Int, name: String) = ready {
        it.copy(names = it.names.mapIndexed { i, n -> if (i == index) name else n }, error = null, saved = false)
    }

    fun setScore(activityId: Long, score: Int) = ready { it.copy(scores = it.scores + (activityId to score), error = null, saved = false) }

    /** Saves the typed names (blank slots left out); the core refuses fewer than 3, more than 5, repeats or over-long names. */
    fun saveActivities(): Job = scope.launch {
        val current = mutableState.value as? PsfsUiState.Ready ?: return@launch
        mutableState.value = current.copy(saving = true, error = null, saved = false)
        mutableState.value = try {
            repository.setPsfsActivities(current.names.map { it.trim() }.filter { it.isNotEmpty() })
            current.copy(saving = false, saved = true, psfs = repository.psfs(), scores = emptyMap())
        } catch (e: FirstStepException) {
            current.copy(saving = false, error = FieldError.of(e))
        }
    }

    /** Rates every activity with the tapped scores, today. */
    fun rate(): Job = scope.launch {
        val current = mutableState.value as? PsfsUiState.Ready ?: return@launch
        val activities = current.psfs.activities
        mutableState.value = current.copy(saving = true, error = null, saved = false)
        mutableState.value = try {
            val ratings = activities.mapNotNull { a -> current.scores[a.id]?.let { PsfsRating(a.id, it.coerceIn(0, 255).toUByte()) } }
            current.copy(saving = false, saved = true, psfs = repository.ratePsfs(ratings))
        } catch (e: FirstStepException) {
            current.copy(saving = false, error = FieldError.of(e))
        }
    }
}
