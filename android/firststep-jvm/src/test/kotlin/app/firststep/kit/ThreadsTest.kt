package app.firststep.kit

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import java.time.LocalDate
import java.util.concurrent.Callable
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/** One FirstStep object shared by 8 threads writing and reading at once; every write lands. */
class ThreadsTest {
    @Test
    fun `eight threads share one journal`() {
        val threads = 8
        val perThread = 10
        val start = LocalDate.parse("2026-03-01")
        val today = morning("2026-06-30")
        openTempCore().use { core ->
            core.submitAssessmentJson(morning("2026-03-01"), answersJson("2026-03-01"))
            val pool = Executors.newFixedThreadPool(threads)
            try {
                val tasks = (0 until threads).map { t ->
                    Callable {
                        repeat(perThread) { i ->
                            val date = start.plusDays((t * perThread + i).toLong()).toString()
                            core.logRun(today, date, 5.0 + t, 30.0, 1, 1, null, null)
                            core.logSession(today, date, "plantar_fascia_stretch", 10, null, 10, 1, true)
                            core.trend("2026-06-30", 12u)
                            core.home(today)
                        }
                    }
                }
                pool.invokeAll(tasks).forEach { it.get() } // rethrows any failure
            } finally {
                pool.shutdown()
                pool.awaitTermination(10, TimeUnit.SECONDS)
            }
            assertEquals(threads * perThread, core.runs("2026-03-01", "2026-06-30").size)
            assertEquals(threads * perThread, core.sessions("2026-03-01", "2026-06-30").size)
            assertEquals((0 until threads).sumOf { (5.0 + it) * perThread }, core.runs("2026-03-01", "2026-06-30").sumOf { it.distanceKm }, 1e-9)
        }
    }
}
