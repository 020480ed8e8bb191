package app.firststep.kit

import app.firststep.core.FirstStepException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.launch

/** What the trend screen renders; every state keeps the window, so the 4 / 8 / 12 switch always shows. */
sealed interface TrendUiState {
    val weeks: Int

    data class Loading(override val weeks: Int = TrendViewModel.DEFAULT_WEEKS) : TrendUiState

    data class Ready(
        override val weeks: Int,
        val chart: TrendChartModel,
        /** The day whose readout is open (x in the window), null when none. */
        val selectedDay: Int? = null,
    ) : TrendUiState

    data class Failed(override val weeks: Int, val message: String) : TrendUiState
}

/** Trend screen with the 4 / 8 / 12-week switch (PRODUCT §2.8). */
class TrendViewModel(
    private val repository: FirstStepRepository,
    private val scope: CoroutineScope,
) {
    private val mutableState = MutableStateFlow<TrendUiState>(TrendUiState.Loading())
    val state: StateFlow<TrendUiState> = mutableState.asStateFlow()
    private var loading: Job? = null

    /** Switches the window; only 4, 8 and 12 weeks are offered. */
    fun selectWeeks(weeks: Int): Job {
        require(weeks in WINDOWS) { "weeks must be one of $WINDOWS" }
        // A newer selection wins over a slower older load.
        loading?.cancel()
        mutableState.value = TrendUiState.Loading(weeks)
        return scope.launch {
            mutableState.value = try {
                TrendUiState.Ready(weeks, TrendChart.from(repository.trendChart(weeks)))
            } catch (e: FirstStepException) {
                TrendUiState.Failed(weeks, e.reasonText)
            }
        }.also { loading = it }
    }

    /** Opens the readout of day [x] (press-and-drag, hover, a screen reader's week); null closes it. */
    fun select(x: Int?) {
        val ready = mutableState.value as? TrendUiState.Ready ?: return
        mutableState.value = ready.copy(selectedDay = x?.takeIf { it in ready.chart.dates.indices })
    }

    fun refresh(): Job = selectWeeks(mutableState.value.weeks)

    companion object {
        val WINDOWS = listOf(4, 8, 12)
        const val DEFAULT_WEEKS = 4
    }
}
