package app.firststep.ui

import androidx.compose.foundation.Canvas
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.height
import androidx.compose.foundation.layout.size
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.geometry.Size
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.Path
import androidx.compose.ui.graphics.PathEffect
import androidx.compose.ui.graphics.drawscope.DrawScope
import androidx.compose.ui.graphics.drawscope.Stroke
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.SemanticsPropertyKey
import androidx.compose.ui.semantics.SemanticsPropertyReceiver
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import app.firststep.kit.TrendChartModel
import app.firststep.kit.TrendUiState

/** The x (day index) of every pain point the chart draws: tests check gaps stay gaps. */
val DrawnPainDays = SemanticsPropertyKey<List<Int>>("DrawnPainDays")
var SemanticsPropertyReceiver.drawnPainDays by DrawnPainDays

/** The screen-reader summary of a trend, from the core's numbers. */
fun trendSummary(strings: Strings, chart: TrendChartModel): String = strings.trendSummary(
    baseline = chart.baseline?.oneDecimal(),
    current = chart.current?.oneDecimal(),
    changePoints = chart.changePoints?.oneDecimal(),
    changePercent = chart.changePercent?.let { String.format(java.util.Locale.ROOT, "%.0f", it) },
    days = chart.dates.size,
    logged = chart.painDays.size,
)

@OptIn(ExperimentalLayoutApi::class)
@Composable
fun TrendScreen(state: TrendUiState, onWeeks: (Int) -> Unit) {
    val s = LocalStrings.current
    val colors = LocalFirstStepColors.current
    ScreenColumn(tag = "screen-trend") {
        Heading(s.trendTitle)
        ChoiceChips(listOf(4, 8, 12), state.weeks, { s.weeks(it) }, onWeeks, tagPrefix = "weeks")
        state.message?.let { Text(it, color = MaterialTheme.colorScheme.error) }
        val chart = state.chart ?: run { Text(s.loading); return@ScreenColumn }
        val summary = trendSummary(s, chart)
        TrendCanvas(
            chart,
            Modifier.fillMaxWidth().height(260.dp).testTag("trend-chart").semantics {
                contentDescription = summary
                drawnPainDays = chart.painDays
            },
        )
        FlowRow(horizontalArrangement = Arrangement.spacedBy(12.dp)) {
            Legend(colors.pain, s.legendPain)
            Legend(colors.mean, s.legendMean)
            Legend(colors.baseline, s.legendBaseline)
            if (chart.meaningfulTarget != null) Legend(colors.target, s.legendTarget)
        }
        Text(summary, style = MaterialTheme.typography.bodyMedium, modifier = Modifier.testTag("trend-summary"))
        chart.psfsText?.let { Text(it, style = MaterialTheme.typography.bodyMedium, modifier = Modifier.testTag("trend-psfs")) }
        if (chart.meaningfulImprovement) Text(s.meaningfulReached, style = MaterialTheme.typography.titleMedium, color = colors.target)
        Text(chart.expectation, style = MaterialTheme.typography.bodyMedium, modifier = Modifier.testTag("trend-expectation"))
        SectionTitle(s.weeklyTitle)
        WeeklyBars(chart, Modifier.fillMaxWidth().height(120.dp).testTag("trend-weekly"))
        for (bar in chart.weeklyBars) {
            Text(s.weekRow(bar.weekStart, bar.done, bar.planned, bar.run), style = MaterialTheme.typography.bodySmall)
        }
    }
}

@Composable
private fun Legend(color: Color, label: String) {
    Row(verticalAlignment = Alignment.CenterVertically, horizontalArrangement = Arrangement.spacedBy(4.dp)) {
        Canvas(Modifier.size(12.dp)) { drawCircle(color) }
        Text(label, style = MaterialTheme.typography.labelMedium)
    }
}

/**
 * The trend on a Canvas: y is pain 0–10, x the days of the window. Points only on days with a score;
 * lines break at missing days (the kit's segments); the 7-day mean; the baseline (dashed while
 * provisional); the meaningful-improvement line; level-change markers.
 */
@Composable
fun TrendCanvas(chart: TrendChartModel, modifier: Modifier = Modifier) {
    val colors = LocalFirstStepColors.current
    val grid = MaterialTheme.colorScheme.outlineVariant
    val axis = MaterialTheme.colorScheme.onSurfaceVariant
    Canvas(modifier) {
        val days = chart.dates.size.coerceAtLeast(2)
        val left = 8.dp.toPx()
        val plotW = size.width - left * 2
        val top = 8.dp.toPx()
        val plotH = size.height - top * 2
        fun x(i: Int) = left + plotW * i / (days - 1)
        fun y(v: Double) = top + plotH * (1f - (v / 10.0).toFloat())
        // Grid every 2 points of the 0–10 scale.
        for (v in 0..10 step 2) drawLine(grid, Offset(left, y(v.toDouble())), Offset(left + plotW, y(v.toDouble())), 1f)
        drawLine(axis, Offset(left, y(0.0)), Offset(left + plotW, y(0.0)), 2f)
        for (m in chart.levelMarkers) {
            drawLine(colors.marker, Offset(x(m.x), top), Offset(x(m.x), top + plotH), 3f, pathEffect = PathEffect.dashPathEffect(floatArrayOf(6f, 6f)))
        }
        chart.baseline?.let { b ->
            val effect = if (chart.baselineProvisional) PathEffect.dashPathEffect(floatArrayOf(12f, 8f)) else null
            drawLine(colors.baseline, Offset(left, y(b)), Offset(left + plotW, y(b)), 3f, pathEffect = effect)
        }
        chart.meaningfulTarget?.let { t ->
            drawLine(colors.target, Offset(left, y(t)), Offset(left + plotW, y(t)), 3f, pathEffect = PathEffect.dashPathEffect(floatArrayOf(4f, 6f)))
        }
        for (segment in chart.rollingMeanSegments) drawSegment(segment.map { Offset(x(it.x), y(it.y)) }, colors.mean, 4f)
        for (segment in chart.painSegments) drawSegment(segment.map { Offset(x(it.x), y(it.y)) }, colors.pain.copy(alpha = 0.5f), 2f)
        for (segment in chart.painSegments) for (p in segment) drawCircle(colors.pain, 4.dp.toPx(), Offset(x(p.x), y(p.y)))
    }
}

private fun DrawScope.drawSegment(points: List<Offset>, color: Color, width: Float) {
    if (points.size < 2) return
    val path = Path().apply {
        moveTo(points[0].x, points[0].y)
        for (p in points.drop(1)) lineTo(p.x, p.y)
    }
    drawPath(path, color, style = Stroke(width))
}

/** Weekly adherence (sessions done of planned; no bar when none planned) and weekly run distance. */
@Composable
fun WeeklyBars(chart: TrendChartModel, modifier: Modifier = Modifier) {
    val colors = LocalFirstStepColors.current
    val outline = MaterialTheme.colorScheme.outlineVariant
    Canvas(modifier) {
        val weeks = chart.weeklyBars.size
        if (weeks == 0) return@Canvas
        val slot = size.width / weeks
        val maxKm = chart.weeklyBars.maxOf { it.runKm }.takeIf { it > 0 } ?: 1.0
        chart.weeklyBars.forEachIndexed { i, bar ->
            val x0 = i * slot + slot * 0.15f
            val w = slot * 0.32f
            // Adherence: outline = planned, filled = done fraction.
            bar.fraction?.let { f ->
                drawRect(outline, Offset(x0, 0f), Size(w, size.height), style = Stroke(2f))
                val h = (size.height * f).toFloat()
                drawRect(colors.pain, Offset(x0, size.height - h), Size(w, h))
            }
            val kmH = (size.height * (bar.runKm / maxKm)).toFloat()
            drawRect(colors.bar, Offset(x0 + w + slot * 0.06f, size.height - kmH), Size(w, kmH))
        }
    }
}
