package app.firststep.ui

import app.firststep.core.FirstStep
import app.firststep.core.Moment
import app.firststep.kit.FirstStepRepository
import app.firststep.kit.HomeUiState
import app.firststep.kit.TrendChart
import app.firststep.kit.TrendUiState
import kotlinx.coroutines.runBlocking
import org.junit.Assume.assumeTrue
import org.junit.Test

/**
 * Benchmark, off by default (-Dfirststep.bench=true): on a one-year journal,
 *  - the home screen's first frame: the core's home() + reminders through the repository, then a new
 *    scene drawing it at phone size (what opening the app costs after the JVM is warm);
 *  - one 12-week trend frame: the core's trend with its chart, the kit's mapping and a new scene drawing the trend screen.
 * Prints `ui home_first_frame_ms=… trend_12w_frame_ms=…` (medians).
 */
class UiBenchmarkTest {
    @Test
    fun `first home frame and a 12-week trend frame on a one-year journal`() {
        assumeTrue(System.getProperty("firststep.bench") == "true")
        val db = tempDb()
        buildYear(db.path)
        val clock = FixedClock(Moment(START_MS + 364 * DAY_MS, "UTC"))
        val repository = runBlocking { FirstStepRepository.open(db.path, clock) }
        repository.use {
            fun homeFrame() {
                val state = runBlocking { HomeUiState.Ready(repository.home(), repository.reminders().firstOrNull()) }
                renderFrame { FirstStepTheme { HomeScreen(state, HomeActions({}, {}, {}, {}, {}, {})) } }.close()
            }
            fun trendFrame() {
                val chart = runBlocking { TrendChart.from(repository.trendChart(12)) }
                renderFrame { FirstStepTheme { TrendScreen(TrendUiState.Ready(12, chart)) {} } }.close()
            }
            val home = median(20, 60, ::homeFrame)
            val trend = median(20, 60, ::trendFrame)
            println("ui home_first_frame_ms=%.1f trend_12w_frame_ms=%.1f".format(home, trend))
        }
    }

    private fun median(warmup: Int, runs: Int, block: () -> Unit): Double {
        repeat(warmup) { block() }
        val times = (1..runs).map { val t = System.nanoTime(); block(); (System.nanoTime() - t) / 1e6 }.sorted()
        return times[times.size / 2]
    }

    private companion object {
        const val DAY_MS = 86_400_000L
        const val START_MS = 1_756_713_600_000L // 2025-09-01T08:00:00Z, as the kit's trend benchmark
        const val ANSWERS = """{"date": "2025-09-01", "affected_side": "left", "first_step_pain": 6,
  "knee_to_wall_cm": {"left": 7.0, "right": 11.0}, "heel_raise_reps": {"left": 15, "right": 25}}"""

        /** Same recipe as the kit's TrendBenchmarkTest (and core/examples/ffi_trend_bench.rs). */
        fun buildYear(path: String) {
            FirstStep.open(path).use { app ->
                fun moment(day: Int) = Moment(START_MS + day * DAY_MS, "UTC")
                app.submitAssessmentJson(moment(0), ANSWERS)
                for (day in 0 until 365) {
                    val now = moment(day)
                    val pain = (6 - day / 90 + if (day % 7 == 3) 1 else 0).coerceIn(0, 10)
                    app.logPain(now, null, pain.toLong(), 10, null)
                    app.logSession(now, null, "plantar_fascia_stretch", 1, 10, null, 1, true)
                    if (day % 3 == 0) app.logRun(now, null, 5.0 + day % 10, 35.0, 2, 2, null, null)
                }
            }
        }
    }
}
