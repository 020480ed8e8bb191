package app.firststep.ui

import app.firststep.kit.TrendUiState
import androidx.compose.ui.test.assertContentDescriptionEquals
import androidx.compose.ui.test.assertTextEquals
import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onAllNodesWithTag
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performMouseInput
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performTouchInput
import androidx.compose.ui.unit.dp
import app.firststep.core.TrendChartData
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test

/**
 * The trend chart a runner can read (issue 22) on a seeded 8-week journal with a planned-run spike
 * (six 10 km runs in week 5) and a flare (pain 8 on day 36): labelled axes, the core's readout on
 * press-and-drag and hover, a legend entry per drawn series, and the load chart under it.
 */
class TrendChartScreenTest {
    @get:Rule val rule = createComposeRule()
    private val db = tempDb().also { seedJournal(it, weeks = 8, spikeWeek = SPIKE_WEEK, flareDay = FLARE_DAY) }
    private val app = TestApp(db)

    @After fun close() = app.close()

    private fun openEightWeeks(): TrendChartData {
        rule.setContent { FirstStepApp(app.graph) }
        app.graph.start()
        rule.waitForTag("home-next-step")
        rule.tap("tab-trend")
        rule.tap("weeks-8 weeks")
        rule.waitUntil(10_000) { app.graph.trend.state.value.let { it is TrendUiState.Ready && it.weeks == 8 && it.chart.dates.size == 56 } }
        rule.waitForIdle()
        return app.reopen { it.trendChart(TODAY, 8u) }
    }

    /** Where day [day] is on the pain chart, the way the screen lays it out. */
    private fun androidx.compose.ui.test.InjectionScope.dayX(day: Int): Float =
        Plot.of(this, width, height, 56, 10.0, 22.dp.toPx()).x(day)

    private fun readout() = rule.onNodeWithTag("trend-readout", useUnmergedTree = true).text()

    @Test
    fun `both axes are labelled, pain 0 to 10 and a date for every week`() {
        val data = openEightWeeks()
        for (v in listOf("0", "2", "4", "6", "8", "10")) rule.onNodeWithTag("trend-y-$v", useUnmergedTree = true).assertTextEquals(v)
        rule.onNodeWithText("Morning pain (0–10)", useUnmergedTree = true).assertExists()
        assertEquals(8, data.xTicks.size)
        val shown = data.xTicks.filter { rule.onAllNodesWithTag("trend-x-${it.index}", useUnmergedTree = true).fetchSemanticsNodes().isNotEmpty() }
        assertTrue("${shown.size} week labels", shown.size >= 7)
        for (t in shown) rule.onNodeWithTag("trend-x-${t.index}", useUnmergedTree = true).assertTextEquals(t.label)
        assertEquals(data.trend.startDate, data.xTicks.first().date)
        // One screen-reader element per week, reading the core's words for it.
        assertEquals(8, data.weekReadouts.size)
        for (w in data.weekReadouts) rule.onNodeWithTag("trend-week-${w.index}", useUnmergedTree = true).assertContentDescriptionEquals(w.text)
        // The baseline and the meaningful-improvement line are labelled on the chart.
        for (line in data.referenceLines) rule.onNodeWithTag("trend-line-${line.series.name}", useUnmergedTree = true).assertTextEquals(line.label)
        assertTrue(data.referenceLines.any { it.label.startsWith("Baseline ") })
    }

    @Test
    fun `dragging along the chart shows the core's readout for the day under the finger`() {
        val data = openEightWeeks()
        rule.onNodeWithTag("trend-chart").performScrollTo()
        rule.onNodeWithTag("trend-chart").performTouchInput {
            down(androidx.compose.ui.geometry.Offset(dayX(3), height / 2f))
            moveTo(androidx.compose.ui.geometry.Offset(dayX(20), height / 2f))
            moveTo(androidx.compose.ui.geometry.Offset(dayX(FLARE_DAY), height / 2f))
        }
        rule.waitForIdle()
        assertEquals(data.readouts[FLARE_DAY].text, readout())
        assertTrue(readout(), readout().contains("· pain 8 ·"))
        rule.onNodeWithTag("trend-chart").performTouchInput {
            moveTo(androidx.compose.ui.geometry.Offset(dayX(MISSING_DAY), height / 2f))
            up()
        }
        rule.waitForIdle()
        // A missing morning reads "not logged", never a zero; the readout stays after the finger lifts.
        assertEquals(data.readouts[MISSING_DAY].text, readout())
        assertTrue(readout(), readout().contains("not logged"))
        // Hover (desktop): the mouse alone opens the readout.
        rule.onNodeWithTag("trend-chart").performMouseInput { moveTo(androidx.compose.ui.geometry.Offset(dayX(40), height / 2f)) }
        rule.waitForIdle()
        assertEquals(data.readouts[40].text, readout())
    }

    @Test
    fun `the legend has one entry per drawn series, and level changes name their exercise`() {
        val data = openEightWeeks()
        val legend = rule.onNodeWithTag("trend-legend").fetchSemanticsNode().config[DrawnSeries]
        assertEquals(data.legend.map { it.series }, legend)
        for (item in data.legend) rule.onNodeWithTag("legend-${item.series.name}", useUnmergedTree = true).assertExists()
        assertEquals(data.legend.size, data.legend.map { it.series }.toSet().size)
        assertTrue("the seeded program moves levels", data.markers.isNotEmpty())
        for ((k, m) in data.markers.withIndex()) {
            val text = rule.onNodeWithTag("trend-marker-$k", useUnmergedTree = true).text()
            assertTrue(text, text.endsWith("${m.dateLabel} · ${m.label}"))
            assertFalse(text, text.contains("_"))
        }
    }

    @Test
    fun `the load charts under the pain chart show the spike week's distance`() {
        val data = openEightWeeks()
        val spike = data.distance.bars[SPIKE_WEEK]
        assertEquals("60.0 km", spike.valueLabel)
        assertEquals(data.distance.bars.maxOf { it.value ?: 0.0 }, spike.value!!, 1e-9)
        rule.onNodeWithTag("trend-distance-value-${SPIKE_WEEK * 7}", useUnmergedTree = true).assertTextEquals("60.0 km")
        rule.onNodeWithText(data.distance.axisTitle, useUnmergedTree = true).assertExists()
        for (t in data.distance.ticks) rule.onNodeWithTag("trend-distance-y-${t.label}", useUnmergedTree = true).assertExists()
        for ((w, bar) in data.sessions.bars.withIndex()) {
            rule.onNodeWithTag("trend-sessions-value-${w * 7}", useUnmergedTree = true).assertTextEquals(bar.valueLabel)
        }
        rule.onNodeWithTag("trend-sessions-y-100 %", useUnmergedTree = true).assertExists()
    }

    private companion object {
        const val SPIKE_WEEK = 4
        const val FLARE_DAY = 36
        /** seedJournal's default missing mornings include day 30. */
        const val MISSING_DAY = 30
    }
}
