package app.firststep.kit

import app.firststep.core.FirstStep
import app.firststep.core.Moment
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Tag
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.condition.EnabledIfSystemProperty
import java.io.File

/**
 * The Kotlin side of the cross-language benchmark (tests/bench/run.sh): the 12-week trend over a
 * one-year journal through the generated bindings. Off by default; run with -Dfirststep.bench=true.
 * -Dfirststep.bench.db=PATH times a journal the Rust example built (same file in every language);
 * without it the same journal is built here through the API. Prints `kotlin trend_12w_us_per_call=<µs>`.
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "firststep.bench", matches = "true")
class TrendBenchmarkTest {
    @Test
    fun `twelve-week trend over a one-year journal`() {
        val calls = System.getProperty("firststep.bench.calls")?.toIntOrNull() ?: 2000
        val path = System.getProperty("firststep.bench.db")?.takeIf { it.isNotBlank() }
            ?: tempDatabase().toString().also(::buildYear)
        check(File(path).exists()) { "no journal at $path" }
        FirstStep.open(path).use { core ->
            repeat(maxOf(calls / 5, 200)) { core.trend(END_DATE, 12u) } // warm-up, JIT included
            var days = 0
            val start = System.nanoTime()
            repeat(calls) { days += core.trend(END_DATE, 12u).days.size }
            val micros = (System.nanoTime() - start) / 1_000.0 / calls
            assertEquals(84 * calls, days)
            println("kotlin trend_12w_us_per_call=%.1f".format(micros))
        }
    }

    companion object {
        /** Same recipe as core/examples/ffi_trend_bench.rs. */
        const val END_DATE = "2026-08-31"
        private const val DAY_MS = 86_400_000L
        private const val START_MS = 1_756_713_600_000L // 2025-09-01T08:00:00Z
        private const val ANSWERS = """{"date": "2025-09-01", "affected_side": "left", "first_step_pain": 6,
  "knee_to_wall_cm": {"left": 7.0, "right": 11.0}, "heel_raise_reps": {"left": 15, "right": 25}}"""

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
