package app.firststep.kit

import app.firststep.core.Expectation
import app.firststep.core.LevelMarker
import app.firststep.core.Trend
import app.firststep.core.TrendDay
import app.firststep.core.TrendWeek
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class TrendChartTest {
    @Test
    fun `missing days break the line instead of dropping to zero`() {
        val segments = TrendChart.segments(listOf(5.0, 4.0, null, null, 3.0, null, 2.0, 2.0))
        assertEquals(
            listOf(
                listOf(ChartPoint(0, 5.0), ChartPoint(1, 4.0)),
                listOf(ChartPoint(4, 3.0)),
                listOf(ChartPoint(6, 2.0), ChartPoint(7, 2.0)),
            ),
            segments,
        )
        assertEquals(emptyList<List<ChartPoint>>(), TrendChart.segments(listOf(null, null)))
    }

    @Test
    fun `meaningful target is 2 points or 30 percent below baseline, whichever is more`() {
        assertEquals(3.0, TrendChart.meaningfulTarget(5.0), 1e-9) // 2 points > 1.5
        assertEquals(5.6, TrendChart.meaningfulTarget(8.0), 1e-9) // 30 % = 2.4 points
        assertEquals(0.0, TrendChart.meaningfulTarget(1.0), 1e-9) // never below 0
    }

    @Test
    fun `maps the core's trend to chart series`() {
        val trend = Trend(
            weeks = 1u, startDate = "2026-06-01", endDate = "2026-06-07",
            days = listOf(
                TrendDay("2026-06-01", 6u, null), TrendDay("2026-06-02", 5u, 5.5), TrendDay("2026-06-03", null, 5.5),
                TrendDay("2026-06-04", 4u, 5.0), TrendDay("2026-06-05", null, null), TrendDay("2026-06-06", null, null), TrendDay("2026-06-07", 3u, 4.5),
            ),
            weekly = listOf(TrendWeek("2026-06-01", 4.5, 9u, 12u, 21.0, "13.0 mi"), TrendWeek("2026-06-08", null, 0u, 0u, 0.0, "0.0 mi")),
            baseline = 6.0, baselineMornings = 4u, current = 4.5, changePoints = -1.5, changePercent = -25.0,
            meaningfulImprovement = false,
            levelChanges = listOf(LevelMarker("2026-06-04", "calf_loading", 1u, 2u), LevelMarker("2026-05-20", "calf_loading", 0u, 1u)),
            expectation = Expectation(2u, "Most runners notice a difference in 4–6 weeks."),
        )
        val chart = TrendChart.from(trend)
        assertEquals(7, chart.dates.size)
        assertEquals(listOf(listOf(0, 1), listOf(3), listOf(6)), chart.painSegments.map { s -> s.map { it.x } })
        assertEquals(listOf(listOf(1, 2, 3), listOf(6)), chart.rollingMeanSegments.map { s -> s.map { it.x } })
        assertEquals(6.0, chart.baseline)
        assertTrue(chart.baselineProvisional, "4 of 7 baseline mornings")
        assertEquals(4.0, chart.meaningfulTarget!!, 1e-9)
        assertEquals(0.75, chart.weeklyBars[0].fraction!!, 1e-9)
        assertNull(chart.weeklyBars[1].fraction, "nothing planned is not 0 %")
        assertEquals(listOf("13.0 mi", "0.0 mi"), chart.weeklyBars.map { it.run }, "the core's distance in the runner's units")
        assertEquals(listOf(LevelChangeMarker(3, "2026-06-04", "calf_loading", 1, 2)), chart.levelMarkers)
        assertTrue(chart.levelMarkers.single().isProgression)
        assertFalse(chart.meaningfulImprovement)
    }
}
