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

/** What the home screen renders. */
data class HomeUiState(
    val loading: Boolean = true,
    val home: HomeScreen? = null,
    /** A message for the runner (e.g. why a value was refused); null when there is nothing to say. */
    val message: String? = null,
    /** The next reminder the core has planned (morning pain, session, re-assessment), if any. */
    val nextReminder: Reminder? = null,
)

/**
 * Home screen: today's plan, last pain, streak and next step, plus the "log pain" quick action.
 * Plain Kotlin: the Android app wraps it in a ViewModel and passes `viewModelScope`.
 */
class HomeViewModel(
    private val repository: FirstStepRepository,
    private val scope: CoroutineScope,
) {
    private val mutableState = MutableStateFlow(HomeUiState())
    val state: StateFlow<HomeUiState> = mutableState.asStateFlow()

    fun refresh(): Job = scope.launch { load() }

    /** Logs this morning's first-step pain, then reloads the screen (the next step changes). */
    fun logPain(score: Int): Job = scope.launch {
        try {
            val log = repository.logPain(score)
            // The core's confirmation: a flare's cut first (P7), then every level change and load added.
            load(message = log.messageLines.joinToString("\n").ifEmpty { null })
        } catch (e: FirstStepException) {
            mutableState.update { it.copy(message = e.reasonText) }
        }
    }

    /** Answers today's hop check (rule P8), then reloads the screen (the question goes away). */
    fun answerHopCheck(pain: Int): Job = scope.launch {
        try {
            repository.recordHopCheck(pain)
            load()
        } catch (e: FirstStepException) {
            mutableState.update { it.copy(message = e.reasonText) }
        }
    }

    /** Answers the maintenance offer (rule P9): accept, or "not now"; then reloads the screen. */
    fun answerMaintenance(accept: Boolean): Job = scope.launch {
        try {
            if (accept) repository.acceptMaintenance() else repository.declineMaintenance()
            load()
        } catch (e: FirstStepException) {
            mutableState.update { it.copy(message = e.reasonText) }
        }
    }

    fun dismissMessage() = mutableState.update { it.copy(message = null) }

    private suspend fun load(message: String? = null) {
        mutableState.update { it.copy(loading = true) }
        mutableState.value = try {
            HomeUiState(loading = false, home = repository.home(), message = message, nextReminder = repository.reminders().firstOrNull())
        } catch (e: FirstStepException) {
            HomeUiState(loading = false, home = mutableState.value.home, message = e.reasonText)
        }
    }
}
