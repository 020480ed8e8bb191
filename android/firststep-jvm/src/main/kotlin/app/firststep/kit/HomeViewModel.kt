package app.firststep.kit

import app.firststep.core.FirstStepException
import app.firststep.core.HomeScreen
import app.firststep.core.Reminder
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/** What the home screen renders: exactly one of loading, ready or failed (never loading and failed at once). */
sealed interface HomeUiState {
    /** Before the first load. A reload keeps [Ready] on screen until the new one arrives. */
    data object Loading : HomeUiState

    data class Ready(
        val home: HomeScreen,
        /** The next reminder the core has planned (morning pain, session, re-assessment), if any. */
        val nextReminder: Reminder? = null,
        /** The core's confirmation of a write, or why a write was refused; null when there is nothing to say. */
        val message: String? = null,
    ) : HomeUiState

    /** The screen could not be loaded: the core's reason. */
    data class Failed(val message: String) : HomeUiState
}

/**
 * Home screen: today's plan, last pain, streak and next step, plus the "log pain" quick action.
 * Plain Kotlin: the Android app wraps it in a ViewModel and passes `viewModelScope`.
 */
class HomeViewModel(
    private val repository: FirstStepRepository,
    private val scope: CoroutineScope,
) {
    private val mutableState = MutableStateFlow<HomeUiState>(HomeUiState.Loading)
    val state: StateFlow<HomeUiState> = mutableState.asStateFlow()

    fun refresh(): Job = scope.launch { load() }

    /** Logs this morning's first-step pain, then reloads the screen (the next step changes). */
    fun logPain(score: Int): Job = scope.launch {
        try {
            val log = repository.logPain(score)
            // The core's confirmation: a flare's cut first (P7), then every level change and load added.
            load(message = log.messageLines.joinToString("\n").ifEmpty { null })
        } catch (e: FirstStepException) {
            refused(e)
        }
    }

    /** Answers today's hop check (rule P8), then reloads the screen (the question goes away). */
    fun answerHopCheck(pain: Int): Job = scope.launch {
        try {
            repository.recordHopCheck(pain)
            load()
        } catch (e: FirstStepException) {
            refused(e)
        }
    }

    /** Answers the maintenance offer (rule P9): accept, or "not now"; then reloads the screen. */
    fun answerMaintenance(accept: Boolean): Job = scope.launch {
        try {
            if (accept) repository.acceptMaintenance() else repository.declineMaintenance()
            load()
        } catch (e: FirstStepException) {
            refused(e)
        }
    }

    fun dismissMessage() = mutableState.update { if (it is HomeUiState.Ready) it.copy(message = null) else it }

    /** A refused write: the screen stays as it was and says why (or fails, when nothing was loaded). */
    private fun refused(e: FirstStepException) = mutableState.update {
        if (it is HomeUiState.Ready) it.copy(message = e.reasonText) else HomeUiState.Failed(e.reasonText)
    }

    private suspend fun load(message: String? = null) {
        try {
            mutableState.value = HomeUiState.Ready(repository.home(), repository.reminders().firstOrNull(), message)
        } catch (e: FirstStepException) {
            refused(e)
        }
    }
}
