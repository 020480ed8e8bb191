package app.firststep.kit

import app.firststep.core.FirstStepException
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.launch

/** What the trend screen renders. */
data class TrendUiState(
    val weeks: Int = TrendViewModel.DEFAULT_WEEKS,
    val chart: TrendChartModel? = null,
    val message: String? = null,
    /** The day whose readout is open (x in the window), null when none. */
    val selectedDay: Int? = null,
)

/** Trend screen with the 4 / 8 / 12-week switch (PRODUCT §2.8). */
class TrendViewModel(
    private val repository: FirstStepRepository,
    private val scope: CoroutineScope,
) {
    private val mutableState = MutableStateFlow(TrendUiState())
    val state: StateFlow<TrendUiState> = mutableState.asStateFlow()
    private var loading: Job? = null

    /** Switches the window; only 4, 8 and 12 weeks are offered. */
    fun selectWeeks(weeks: Int): Job {
        require(weeks in WINDOWS) { "weeks must be one of $WINDOWS" }
        // A newer selection wins over a slower older load.
        loading?.cancel()
        mutableState.value = mutableState.value.copy(weeks = weeks)
        return scope.launch {
            mutableState.value = try {
                TrendUiState(weeks, TrendChart.from(repository.trendChart(weeks)))
            } catch (e: FirstStepException) {
                TrendUiState(weeks, message = e.reasonText)
            }
        }.also { loading = it }
    }

    /** Opens the readout of day [x] (press-and-drag, hover, a screen reader's week); null closes it. */
    fun select(x: Int?) {
        val chart = mutableState.value.chart
        mutableState.value = mutableState.value.copy(selectedDay = x?.takeIf { chart != null && it in chart.dates.indices })
    }

    fun refresh(): Job = selectWeeks(mutableState.value.weeks)

    companion object {
        val WINDOWS = listOf(4, 8, 12)
        const val DEFAULT_WEEKS = 4
    }
}
