package app.firststep.ui

import app.firststep.kit.Route
import androidx.compose.runtime.collectAsState
import app.firststep.kit.AppGraph
import androidx.compose.foundation.Canvas
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.height
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.size
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.rememberUpdatedState
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.geometry.Size
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.Path
import androidx.compose.ui.graphics.PathEffect
import androidx.compose.ui.graphics.StrokeCap
import androidx.compose.ui.graphics.drawscope.DrawScope
import androidx.compose.ui.graphics.drawscope.Stroke
import androidx.compose.ui.input.pointer.PointerEventType
import androidx.compose.ui.input.pointer.pointerInput
import androidx.compose.ui.layout.Layout
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.SemanticsPropertyKey
import androidx.compose.ui.semantics.SemanticsPropertyReceiver
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.onClick
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.ui.unit.Constraints
import androidx.compose.ui.unit.Density
import androidx.compose.ui.unit.dp
import app.firststep.core.ChartSeries
import app.firststep.core.MarkStyle
import app.firststep.kit.AxisTick
import app.firststep.kit.LoadChart
import app.firststep.kit.TrendChartModel
import app.firststep.kit.TrendUiState
import kotlin.math.roundToInt

/** The x (day index) of every pain point the chart draws: tests check gaps stay gaps. */
val DrawnPainDays = SemanticsPropertyKey<List<Int>>("DrawnPainDays")
var SemanticsPropertyReceiver.drawnPainDays by DrawnPainDays

/** The series each legend entry stands for, as drawn: tests check one entry per drawn series. */
val DrawnSeries = SemanticsPropertyKey<List<ChartSeries>>("DrawnSeries")
var SemanticsPropertyReceiver.drawnSeries by DrawnSeries

/**
 * The trend screen (issue 22): the core's chart drawn as given — pain 0–10 with both axes labelled,
 * dated week ticks, the M4 band, the baseline and meaningful-improvement lines labelled on the chart,
 * points with the 7-day mean above them, named level changes, a readout for the day under a finger
 * (press and drag) or the mouse (hover), and the two weekly load charts on the same weeks.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun TrendScreen(state: TrendUiState, modifier: Modifier = Modifier, onSelect: (Int?) -> Unit = {}, onWeeks: (Int) -> Unit) {
    val s = LocalStrings.current
    val colors = LocalFirstStepColors.current
    ScreenColumn(modifier, tag = "screen-trend") {
        Heading(s.trendTitle)
        ChoiceChips(listOf(4, 8, 12), state.weeks, { s.weeks(it) }, onWeeks, tagPrefix = "weeks")
        val ready = when (state) {
            is TrendUiState.Loading -> { LoadingText(); return@ScreenColumn }
            is TrendUiState.Failed -> { FailedText(state.message); return@ScreenColumn }
            is TrendUiState.Ready -> state
        }
        val chart = ready.chart
        val range = listOfNotNull(chart.firstDay?.label, chart.lastDay?.label).joinToString(" – ")
        Text(listOf(chart.title, range).filter { it.isNotEmpty() }.joinToString(" · "), style = MaterialTheme.typography.titleSmall)
        val readout = ready.selectedDay?.let(chart::readoutAt)
        Text(
            readout ?: s.trendReadoutHint,
            style = MaterialTheme.typography.bodyMedium,
            color = if (readout == null) MaterialTheme.colorScheme.onSurfaceVariant else MaterialTheme.colorScheme.onSurface,
            modifier = Modifier.fillMaxWidth().heightIn(min = 40.dp).testTag("trend-readout").semantics { liveRegion = LiveRegionMode.Polite },
        )
        Text(chart.yTitle, style = MaterialTheme.typography.labelMedium, modifier = Modifier.testTag("trend-y-title"))
        TrendCanvas(
            chart,
            ready.selectedDay,
            onSelect,
            Modifier.fillMaxWidth().height(260.dp).testTag("trend-chart").semantics {
                contentDescription = chart.textAlternative
                drawnPainDays = chart.painDays
            },
        )
        FlowRow(
            horizontalArrangement = Arrangement.spacedBy(12.dp),
            verticalArrangement = Arrangement.spacedBy(4.dp),
            modifier = Modifier.testTag("trend-legend").semantics { drawnSeries = chart.legend.map { it.series } },
        ) {
            for (item in chart.legend) LegendEntry(item.style, seriesColor(item.series, colors), item.label, "legend-${item.series.name}")
        }
        for ((k, m) in chart.levelMarkers.withIndex()) {
            Text(
                "${if (m.isProgression || m.fromLevel == m.toLevel) "▲" else "▼"}${k + 1} ${m.dateLabel} · ${m.label}",
                style = MaterialTheme.typography.bodySmall,
                color = colors.marker,
                modifier = Modifier.testTag("trend-marker-$k"),
            )
        }
        Text(chart.textAlternative, style = MaterialTheme.typography.bodyMedium, modifier = Modifier.testTag("trend-summary"))
        chart.psfsText?.let { Text(it, style = MaterialTheme.typography.bodyMedium, modifier = Modifier.testTag("trend-psfs")) }
        if (chart.meaningfulImprovement) Text(s.meaningfulReached, style = MaterialTheme.typography.titleMedium, color = colors.target)
        Text(chart.expectation, style = MaterialTheme.typography.bodyMedium, modifier = Modifier.testTag("trend-expectation"))
        chart.distance?.let { LoadChartView(chart, it, colors.bar, "trend-distance") }
        chart.sessions?.let { LoadChartView(chart, it, colors.sessions, "trend-sessions") }
    }
}

private fun seriesColor(series: ChartSeries, colors: FirstStepColors): Color = when (series) {
    ChartSeries.PAIN -> colors.pain
    ChartSeries.ROLLING_MEAN -> colors.mean
    ChartSeries.BASELINE -> colors.baseline
    ChartSeries.TARGET -> colors.target
    ChartSeries.EXPECTATION -> colors.band
    ChartSeries.LEVEL_CHANGE -> colors.marker
    ChartSeries.DISTANCE -> colors.bar
    ChartSeries.SESSIONS -> colors.sessions
}

/** A legend swatch drawn in the series' own style (dot, line, dash, dots, band, marker, bar). */
@Composable
private fun LegendEntry(style: MarkStyle, color: Color, label: String, tag: String) {
    Row(verticalAlignment = Alignment.CenterVertically, horizontalArrangement = Arrangement.spacedBy(6.dp), modifier = Modifier.testTag(tag)) {
        Canvas(Modifier.size(width = 24.dp, height = 14.dp)) { drawSwatch(style, color) }
        Text(label, style = MaterialTheme.typography.labelMedium)
    }
}

private fun DrawScope.drawSwatch(style: MarkStyle, color: Color) {
    val mid = size.height / 2
    val w = 2.dp.toPx()
    when (style) {
        MarkStyle.POINTS -> drawCircle(color, 3.5.dp.toPx(), Offset(size.width / 2, mid))
        MarkStyle.LINE -> drawLine(color, Offset(0f, mid), Offset(size.width, mid), 3.dp.toPx())
        MarkStyle.DASHED -> drawLine(color, Offset(0f, mid), Offset(size.width, mid), w, pathEffect = dashed(this))
        MarkStyle.DOTTED -> drawLine(color, Offset(0f, mid), Offset(size.width, mid), w, cap = StrokeCap.Round, pathEffect = dotted(this))
        MarkStyle.BAND -> drawRect(color, Offset(0f, 0f), size)
        MarkStyle.MARKER -> {
            drawLine(color, Offset(size.width / 2, 4.dp.toPx()), Offset(size.width / 2, size.height), 1.5.dp.toPx(), pathEffect = markerDash(this))
            drawTriangle(color, Offset(size.width / 2, 0f), 4.dp.toPx(), up = true)
        }
        MarkStyle.BARS -> drawRect(color, Offset(size.width * 0.25f, 2.dp.toPx()), Size(size.width * 0.5f, size.height - 2.dp.toPx()))
    }
}

private fun dashed(d: Density) = with(d) { PathEffect.dashPathEffect(floatArrayOf(10.dp.toPx(), 6.dp.toPx())) }
private fun dotted(d: Density) = with(d) { PathEffect.dashPathEffect(floatArrayOf(0.1f, 5.dp.toPx())) }
private fun markerDash(d: Density) = with(d) { PathEffect.dashPathEffect(floatArrayOf(3.dp.toPx(), 3.dp.toPx())) }

private fun DrawScope.drawTriangle(color: Color, tip: Offset, half: Float, up: Boolean) {
    val path = Path().apply {
        if (up) {
            moveTo(tip.x, tip.y); lineTo(tip.x + half, tip.y + half * 1.6f); lineTo(tip.x - half, tip.y + half * 1.6f)
        } else {
            moveTo(tip.x, tip.y + half * 1.6f); lineTo(tip.x + half, tip.y); lineTo(tip.x - half, tip.y)
        }
        close()
    }
    drawPath(path, color)
}

/** The plot area of a chart and its scales: day slots across, the value axis up. */
class Plot(val left: Float, val top: Float, val width: Float, val height: Float, val days: Int, val max: Double) {
    /** The left edge of day [day]'s slot. */
    fun dayLeft(day: Int) = left + width * day / days
    /** The centre of day [day]'s slot. */
    fun x(day: Int) = left + width * (day + 0.5f) / days
    fun y(v: Double) = top + height * (1f - (v / max).coerceIn(0.0, 1.0).toFloat())
    val bottom get() = top + height
    val right get() = left + width
    /** The day under a horizontal position, clamped to the window. */
    fun dayAt(px: Float) = ((px - left) / width * days).toInt().coerceIn(0, days - 1)

    companion object {
        /** Margins shared by the pain chart and the load charts, so their weeks line up. */
        fun of(d: Density, w: Int, h: Int, days: Int, max: Double, top: Float = with(d) { 10.dp.toPx() }): Plot = with(d) {
            val left = 40.dp.toPx()
            val right = 12.dp.toPx()
            // Room for week labels on two lines ("17" over "Feb") when a week is narrow.
            val bottom = 34.dp.toPx()
            Plot(left, top, w - left - right, h - top - bottom, days.coerceAtLeast(1), if (max > 0) max else 1.0)
        }
    }
}

/** A text placed on a chart: [place] gives its top-left from the plot and the text's size. */
private class Overlay(
    val text: String,
    val tag: String,
    val color: Color? = null,
    /** The widest it may be (it wraps onto a second line beyond): a week's slot for week labels. */
    val maxWidth: (Plot.() -> Float)? = null,
    val place: Plot.(Int, Int) -> Pair<Float, Float>,
)

/**
 * A chart: a Canvas plus its labels as real text (semantics nodes a screen reader and tests find),
 * and one transparent, labelled element per week that reads the week and opens its readout.
 */
@Composable
private fun ChartFrame(
    modifier: Modifier,
    days: Int,
    max: Double,
    overlays: List<Overlay>,
    weeks: List<Triple<Int, String, String>>,
    onSelect: (Int?) -> Unit,
    topMargin: Float? = null,
    draw: DrawScope.(Plot) -> Unit,
) {
    val axis = MaterialTheme.colorScheme.onSurfaceVariant
    val labelStyle = MaterialTheme.typography.labelSmall
    val select by rememberUpdatedState(onSelect)
    Layout(
        modifier = modifier.pointerInput(days, max) {
            awaitPointerEventScope {
                while (true) {
                    val event = awaitPointerEvent()
                    val change = event.changes.firstOrNull() ?: continue
                    // Press and drag (phones) or hover (desktop): the day under the pointer.
                    if (event.type == PointerEventType.Press || event.type == PointerEventType.Move || event.type == PointerEventType.Enter) {
                        val plot = Plot.of(this, size.width, size.height, days, max, topMargin ?: 10.dp.toPx())
                        if (change.position.x >= plot.left - 8.dp.toPx()) select(plot.dayAt(change.position.x))
                    }
                }
            }
        },
        content = {
            Canvas(Modifier) { draw(Plot.of(this, size.width.roundToInt(), size.height.roundToInt(), days, max, topMargin ?: 10.dp.toPx())) }
            for (o in overlays) {
                Text(o.text, style = labelStyle, color = o.color ?: axis, maxLines = 2, softWrap = o.maxWidth != null, textAlign = TextAlign.Center, modifier = Modifier.testTag(o.tag))
            }
            for ((x, tag, text) in weeks) {
                Box(Modifier.testTag(tag).semantics {
                    contentDescription = text
                    onClick { select(x); true }
                })
            }
        },
    ) { measurables, constraints ->
        val w = constraints.maxWidth
        val h = constraints.maxHeight
        val plot = Plot.of(this, w, h, days, max, topMargin ?: 10.dp.toPx())
        val canvas = measurables[0].measure(Constraints.fixed(w, h))
        val texts = measurables.subList(1, 1 + overlays.size).mapIndexed { i, m ->
            m.measure(overlays[i].maxWidth?.let { Constraints(maxWidth = it(plot).roundToInt().coerceAtLeast(1)) } ?: Constraints())
        }
        val weekBoxes = measurables.subList(1 + overlays.size, measurables.size).mapIndexed { i, m ->
            val from = weeks[i].first
            val width = (plot.dayLeft(minOf(from + 7, days)) - plot.dayLeft(from)).roundToInt().coerceAtLeast(1)
            m.measure(Constraints.fixed(width, plot.height.roundToInt().coerceAtLeast(1)))
        }
        layout(w, h) {
            canvas.place(0, 0)
            texts.forEachIndexed { i, p ->
                val (x, y) = overlays[i].place(plot, p.width, p.height)
                p.place(x.roundToInt().coerceIn(0, (w - p.width).coerceAtLeast(0)), y.roundToInt().coerceIn(0, (h - p.height).coerceAtLeast(0)))
            }
            weekBoxes.forEachIndexed { i, p -> p.place(plot.dayLeft(weeks[i].first).roundToInt(), plot.top.roundToInt()) }
        }
    }
}

private fun yTickOverlays(ticks: List<AxisTick>, tag: String, gap: Float) = ticks.map { t ->
    Overlay(t.label, "$tag-y-${t.label}") { w, h -> Pair(left - gap - w, y(t.value) - h / 2f) }
}

/** Week labels at each week's first day; a narrow week wraps its label onto two lines ("17" over "Feb"). */
private fun xTickOverlays(ticks: List<Pair<Int, String>>, tag: String, gap: Float): List<Overlay> {
    return ticks.map { (x, label) ->
        Overlay(label, "$tag-x-$x", maxWidth = { dayLeft(7) - dayLeft(0) - gap * 2 }) { _, _ -> Pair(dayLeft(x), bottom + gap) }
    }
}

/** The pain chart on a Canvas, with its labels and week elements from [ChartFrame]. */
@Composable
fun TrendCanvas(chart: TrendChartModel, selectedDay: Int? = null, onSelect: (Int?) -> Unit = {}, modifier: Modifier = Modifier) {
    val colors = LocalFirstStepColors.current
    val grid = MaterialTheme.colorScheme.outlineVariant
    val axis = MaterialTheme.colorScheme.onSurfaceVariant
    val cursor = MaterialTheme.colorScheme.onSurface
    val surface = MaterialTheme.colorScheme.surface
    val density = androidx.compose.ui.platform.LocalDensity.current
    val gap = with(density) { 4.dp.toPx() }
    val top = with(density) { 22.dp.toPx() }
    val days = chart.dates.size
    val overlays = buildList {
        addAll(yTickOverlays(chart.yTicks, "trend", gap))
        addAll(xTickOverlays(chart.xTicks.map { it.x to it.label }, "trend", gap))
        for (line in chart.lines) {
            val color = if (line.series == ChartSeries.TARGET) colors.target else colors.baseline
            // The baseline's words above its line, the target's below, at the right end.
            add(Overlay(line.label, "trend-line-${line.series.name}", color) { w, h ->
                Pair(right - w, if (line.series == ChartSeries.TARGET) y(line.value) + gap / 2 else y(line.value) - h - gap / 2)
            })
        }
        // Changes on the same or nearby days share one label ("▲1,2"), so numbers never overlap.
        val groups = mutableListOf<MutableList<IndexedValue<app.firststep.kit.LevelChangeMarker>>>()
        for (m in chart.levelMarkers.withIndex().sortedBy { it.value.x }) {
            val last = groups.lastOrNull()
            if (last != null && m.value.x - last.first().value.x <= days / 14) last += m else groups += mutableListOf(m)
        }
        for (group in groups) {
            val x = group.first().value.x
            val text = group.joinToString(",") { "${if (it.value.isProgression || it.value.fromLevel == it.value.toLevel) "▲" else "▼"}${it.index + 1}" }
            add(Overlay(text, "trend-marker-label-${group.first().index}", colors.marker) { w, _ -> Pair(x(x) - w / 2f, 0f) })
        }
    }
    val weeks = chart.weekTexts.map { Triple(it.x, "trend-week-${it.x}", it.text) }
    ChartFrame(modifier, days, chart.yMax, overlays, weeks, onSelect, topMargin = top) { p ->
        chart.band?.let { b -> drawRect(colors.band, Offset(p.dayLeft(b.fromX), p.top), Size(p.dayLeft(b.toX + 1) - p.dayLeft(b.fromX), p.height)) }
        for (t in chart.yTicks) drawLine(grid, Offset(p.left, p.y(t.value)), Offset(p.right, p.y(t.value)), 1f)
        drawLine(axis, Offset(p.left, p.bottom), Offset(p.right, p.bottom), 1.5.dp.toPx())
        drawLine(axis, Offset(p.left, p.top), Offset(p.left, p.bottom), 1.5.dp.toPx())
        for (t in chart.xTicks) drawLine(axis, Offset(p.dayLeft(t.x), p.bottom), Offset(p.dayLeft(t.x), p.bottom + 4.dp.toPx()), 1.5.dp.toPx())
        for (m in chart.levelMarkers) {
            val up = m.isProgression || m.fromLevel == m.toLevel
            drawLine(colors.marker, Offset(p.x(m.x), p.top), Offset(p.x(m.x), p.bottom), 1.5.dp.toPx(), pathEffect = markerDash(this))
            drawTriangle(colors.marker, Offset(p.x(m.x), p.top - 7.dp.toPx()), 4.dp.toPx(), up)
        }
        for (line in chart.lines) {
            val target = line.series == ChartSeries.TARGET
            val color = if (target) colors.target else colors.baseline
            drawLine(
                color, Offset(p.left, p.y(line.value)), Offset(p.right, p.y(line.value)), 2.dp.toPx(),
                cap = if (target) StrokeCap.Round else StrokeCap.Butt, pathEffect = if (target) dotted(this) else dashed(this),
            )
        }
        // Points first, the 7-day mean above them (a thick line with a surface-coloured halo).
        // Points first (larger than the line is wide, with a ring, so a flat week still shows its dots),
        // the 7-day mean above them.
        for (segment in chart.painSegments) for (pt in segment) {
            drawCircle(surface, 5.dp.toPx(), Offset(p.x(pt.x), p.y(pt.y)))
            drawCircle(colors.pain, 4.dp.toPx(), Offset(p.x(pt.x), p.y(pt.y)))
        }
        for (segment in chart.rollingMeanSegments) drawSegment(segment.map { Offset(p.x(it.x), p.y(it.y)) }, colors.mean, 2.5.dp.toPx())
        selectedDay?.takeIf { it in 0 until days }?.let { d ->
            drawLine(cursor, Offset(p.x(d), p.top), Offset(p.x(d), p.bottom), 1.5.dp.toPx())
            chart.painSegments.flatten().firstOrNull { it.x == d }?.let { drawCircle(cursor, 6.dp.toPx(), Offset(p.x(d), p.y(it.y)), style = Stroke(2.dp.toPx())) }
        }
    }
}

private fun DrawScope.drawSegment(points: List<Offset>, color: Color, width: Float) {
    if (points.isEmpty()) return
    if (points.size == 1) { drawCircle(color, width / 2, points[0]); return }
    val path = Path().apply {
        moveTo(points[0].x, points[0].y)
        for (p in points.drop(1)) lineTo(p.x, p.y)
    }
    drawPath(path, color, style = Stroke(width, cap = StrokeCap.Round))
}

/** A weekly load chart (distance or sessions) on the pain chart's days: its axis, week labels, values on the bars. */
@Composable
private fun LoadChartView(chart: TrendChartModel, load: LoadChart, color: Color, tag: String) {
    val grid = MaterialTheme.colorScheme.outlineVariant
    val axis = MaterialTheme.colorScheme.onSurfaceVariant
    val density = androidx.compose.ui.platform.LocalDensity.current
    val gap = with(density) { 4.dp.toPx() }
    // Room above the tallest bar for its value on two lines.
    val top = with(density) { 30.dp.toPx() }
    val days = chart.dates.size
    SectionTitle(load.title)
    Text(load.axisTitle, style = MaterialTheme.typography.labelMedium, modifier = Modifier.testTag("$tag-title"))
    val overlays = buildList {
        addAll(yTickOverlays(load.ticks, tag, gap))
        addAll(xTickOverlays(load.bars.map { it.x to it.label }, tag, gap))
        for (bar in load.bars) {
            // Above the bar; sessions above the planned week's outline (the top of the axis).
            val at = if (load.series == ChartSeries.SESSIONS) load.max else bar.value ?: 0.0
            add(Overlay(bar.valueLabel, "$tag-value-${bar.x}", maxWidth = { dayLeft(7) - dayLeft(0) }) { w, h ->
                Pair(x(bar.x + 3) - w / 2f, y(at) - h - gap / 2)
            })
        }
    }
    ChartFrame(Modifier.fillMaxWidth().height(170.dp).testTag(tag), days, load.max, overlays, emptyList(), {}, topMargin = top) { p ->
        for (t in load.ticks) drawLine(grid, Offset(p.left, p.y(t.value)), Offset(p.right, p.y(t.value)), 1f)
        drawLine(axis, Offset(p.left, p.bottom), Offset(p.right, p.bottom), 1.5.dp.toPx())
        drawLine(axis, Offset(p.left, p.top), Offset(p.left, p.bottom), 1.5.dp.toPx())
        for (bar in load.bars) {
            val x0 = p.dayLeft(bar.x) + p.width / days * 1.2f
            val x1 = p.dayLeft(minOf(bar.x + 7, days)) - p.width / days * 1.2f
            val value = bar.value ?: continue
            if (load.series == ChartSeries.SESSIONS) {
                // The planned week as an outline, the done part filled.
                drawRect(axis, Offset(x0, p.y(load.max)), Size(x1 - x0, p.bottom - p.y(load.max)), style = Stroke(1.dp.toPx()))
            }
            drawRect(color, Offset(x0, p.y(value)), Size(x1 - x0, p.bottom - p.y(value)))
        }
    }
    LegendEntry(load.legend.style, color, load.legend.label, "legend-${load.legend.series.name}")
}

/** The route wrapper: collects its view model's state and owns the effects after a write. */
@Composable
fun TrendRoute(graph: AppGraph) {
    val state by graph.trend.state.collectAsState()
    TrendScreen(state, onSelect = graph.trend::select) { graph.trend.selectWeeks(it) }
}
