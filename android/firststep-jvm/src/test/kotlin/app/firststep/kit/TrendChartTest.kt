package app.firststep.kit

import app.firststep.core.ChartSeries
import app.firststep.core.Expectation
import app.firststep.core.FirstStep
import app.firststep.core.MarkStyle
import app.firststep.core.Moment
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

    /**
     * Issue 22: the kit draws the core's axes and readouts as given — y ticks 0–10, week ticks at the
     * window's first day and every 7 days, a readout per day (a gap reads "not logged"), the legend,
     * named level changes (X4) and the weekly load charts on the same days.
     */
    @Test
    fun `maps the core's axes, legend, markers and readouts to the chart model`() {
        val path = tempDatabase().toString()
        FirstStep.open(path).use { core ->
            fun moment(day: Int) = Moment(START_MS + day * DAY_MS, "UTC")
            core.submitAssessmentJson(moment(0), ANSWERS)
            for (day in 0 until 28) {
                if (day != 9) core.logPain(moment(day), null, (7 - day / 7).toLong(), 10, null)
                if (day % 4 == 0) core.logRun(moment(day), null, 5.0, 35.0, 2, 2, null, null)
            }
            val data = core.trendChart("2025-09-28", 4u)
            val chart = TrendChart.from(data)
            assertEquals(listOf("0", "2", "4", "6", "8", "10"), chart.yTicks.map { it.label })
            assertEquals(listOf(0.0, 2.0, 4.0, 6.0, 8.0, 10.0), chart.yTicks.map { it.value })
            assertEquals("Morning pain (0–10)", chart.yTitle)
            assertEquals(listOf(0, 7, 14, 21), chart.xTicks.map { it.x })
            assertEquals(listOf("1 Sep", "8 Sep", "15 Sep", "22 Sep"), chart.xTicks.map { it.label })
            assertEquals(chart.dates.first(), chart.xTicks.first().date)
            assertEquals(DateAxisTick(27, "2025-09-28", "28 Sep"), chart.lastDay)
            // One readout per day, index = x; the gap reads "not logged", never a zero.
            assertEquals(data.readouts.map { it.text }, chart.readouts)
            assertEquals(28, chart.readouts.size)
            assertTrue(chart.readoutAt(9)!!.startsWith("Wed 10 Sep · not logged"), chart.readoutAt(9))
            assertTrue(chart.readoutAt(0)!!.startsWith("Mon 1 Sep · pain 7"), chart.readoutAt(0))
            assertTrue(chart.readoutAt(0)!!.contains(" · run 5.0 km"), chart.readoutAt(0))
            assertNull(chart.readoutAt(28))
            assertEquals(0, chart.dayAt(0f))
            assertEquals(27, chart.dayAt(0.999f))
            assertEquals(9, chart.dayAt(9.5f / 28))
            // The legend: what is drawn, each with its style.
            assertEquals(data.legend.map { it.series }, chart.legend.map { it.series })
            assertEquals(MarkStyle.POINTS, chart.legend.single { it.series == ChartSeries.PAIN }.style)
            assertEquals(MarkStyle.LINE, chart.legend.single { it.series == ChartSeries.ROLLING_MEAN }.style)
            assertEquals(data.referenceLines.map { it.label }, chart.lines.map { it.label })
            assertTrue(chart.lines.first().label.startsWith("Baseline "), chart.lines.first().label)
            // Level changes keep the core's name for them.
            assertEquals(data.markers.map { it.label }, chart.levelMarkers.filter { it.label.isNotEmpty() }.map { it.label })
            for (m in chart.levelMarkers) assertFalse(m.label.contains("_"), m.label)
            // Load charts share the pain chart's days: week w starts at x = 7w.
            val distance = chart.distance!!
            assertEquals("Run per week (km)", distance.axisTitle)
            assertEquals(listOf(0, 7, 14, 21), distance.bars.map { it.x })
            assertEquals(listOf("10.0 km", "10.0 km", "10.0 km", "5.0 km"), distance.bars.map { it.valueLabel })
            assertEquals("%", chart.sessions!!.unit)
            assertEquals(4, chart.weekTexts.size)
            assertEquals(data.textAlternative, chart.textAlternative)
            assertTrue(chart.textAlternative.contains("over 28 days"), chart.textAlternative)
        }
    }

    private companion object {
        const val DAY_MS = 86_400_000L
        const val START_MS = 1_756_713_600_000L // 2025-09-01T08:00:00Z
        const val ANSWERS = """{"date": "2025-09-01", "affected_side": "left", "first_step_pain": 6,
  "knee_to_wall_cm": {"left": 7.0, "right": 11.0}, "heel_raise_reps": {"left": 15, "right": 25}}"""
    }
}
