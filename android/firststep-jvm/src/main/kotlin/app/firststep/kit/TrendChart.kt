package app.firststep.kit

import app.firststep.core.ChartSeries
import app.firststep.core.MarkStyle
import app.firststep.core.Trend
import app.firststep.core.TrendChartData
import app.firststep.core.WeeklyBarChart
import kotlin.math.max

/** A point of a line: [x] is the day index in the window (0 = first day), [y] the pain 0–10. */
data class ChartPoint(val x: Int, val y: Double)

/** One week's adherence bar: sessions done of planned, and the running distance. */
data class AdherenceBar(
    val weekStart: String,
    val done: Int,
    val planned: Int,
    /** done / planned, capped at 1; null when nothing was planned (draw no bar, not a zero). */
    val fraction: Double?,
    val runKm: Double,
    /** The week's running distance as the runner reads it ("12.0 km", "7.5 mi"), from the core. */
    val run: String,
)

/** A vertical marker where an exercise changed level. */
data class LevelChangeMarker(
    val x: Int,
    val date: String,
    val exerciseId: String,
    val fromLevel: Int,
    val toLevel: Int,
    /** The core's words for the change ("Calf and plantar fascia loading → level 3 of 5"); empty from a bare trend. */
    val label: String = "",
    /** The core's date words for it ("16 Mar"). */
    val dateLabel: String = "",
) {
    val isProgression: Boolean get() = toLevel > fromLevel
}

/** A tick of a value axis: where (in the axis' unit) and what it reads. */
data class AxisTick(val value: Double, val label: String)

/** A tick of the date axis: [x] is the day index in the window. */
data class DateAxisTick(val x: Int, val date: String, val label: String)

/** One legend entry: which series, its words, and how it is drawn (shape or dash, not only colour). */
data class LegendItem(val series: ChartSeries, val label: String, val style: MarkStyle)

/** A horizontal line labelled on the chart (baseline, meaningful improvement). */
data class ChartLine(val series: ChartSeries, val value: Double, val label: String, val style: MarkStyle)

/** A shaded span of days, [fromX]..[toX] inclusive. */
data class ChartBand(val fromX: Int, val toX: Int, val label: String)

/** What a week reads to a screen reader; [x] is its first day. */
data class WeekText(val x: Int, val label: String, val text: String)

/** One week's bar of a load chart; [x] is the week's first day, [value] null when nothing is drawn. */
data class LoadBar(val x: Int, val label: String, val value: Double?, val valueLabel: String)

/** A weekly load chart under the pain chart (distance in km or mi, sessions in %), sharing its days. */
data class LoadChart(
    val series: ChartSeries,
    val title: String,
    val axisTitle: String,
    val unit: String,
    val ticks: List<AxisTick>,
    val max: Double,
    val bars: List<LoadBar>,
    val legend: LegendItem,
)

/** Everything a trend chart draws, already in chart coordinates. */
data class TrendChartModel(
    /** X-axis labels: the window's dates; index = x. */
    val dates: List<String>,
    /** Morning pain lines; a day without a score breaks the line (a gap is not a zero). */
    val painSegments: List<List<ChartPoint>>,
    /** The core's 7-day rolling mean, split the same way. */
    val rollingMeanSegments: List<List<ChartPoint>>,
    val baseline: Double?,
    /** True while the baseline has fewer than 7 mornings (rule M1): draw it dashed. */
    val baselineProvisional: Boolean,
    /** The level a meaningful improvement reaches (rule M1); null without a baseline. */
    val meaningfulTarget: Double?,
    val meaningfulImprovement: Boolean,
    val weeklyBars: List<AdherenceBar>,
    val levelMarkers: List<LevelChangeMarker>,
    val expectation: String,
    /** The core's current level (mean of the last 7 mornings), change from baseline in points and %. */
    val current: Double? = null,
    val changePoints: Double? = null,
    val changePercent: Double? = null,
    /** The core's weekly mean morning pain, one per week (null: no score that week). */
    val weeklyMeans: List<Double?> = emptyList(),
    /** Days with a morning score (x indices): where the chart draws a point. */
    val painDays: List<Int> = emptyList(),
    /** The core's PSFS sentence for the window (rule M2); null without ratings. */
    val psfsText: String? = null,
    /** The core's axes (issue 22): pain 0–10 with its title, dated week ticks, the first and last day. */
    val yTitle: String = "",
    val yTicks: List<AxisTick> = emptyList(),
    val yMax: Double = 10.0,
    val xTicks: List<DateAxisTick> = emptyList(),
    val firstDay: DateAxisTick? = null,
    val lastDay: DateAxisTick? = null,
    /** One entry per drawn series, in the core's order. */
    val legend: List<LegendItem> = emptyList(),
    val lines: List<ChartLine> = emptyList(),
    val band: ChartBand? = null,
    /** The core's readout of each day (index = x). */
    val readouts: List<String> = emptyList(),
    val weekTexts: List<WeekText> = emptyList(),
    val distance: LoadChart? = null,
    val sessions: LoadChart? = null,
    /** The core's text alternative for the whole chart. */
    val textAlternative: String = "",
    val title: String = "",
) {
    /** The readout of day [x], or null outside the window. */
    fun readoutAt(x: Int): String? = readouts.getOrNull(x)

    /** The day under [fraction] (0 = left edge of the plot, 1 = right edge), clamped to the window. */
    fun dayAt(fraction: Float): Int = (fraction * dates.size).toInt().coerceIn(0, (dates.size - 1).coerceAtLeast(0))
}

/** Maps the core's [Trend] (already computed: means, baseline, change) to chart series. Pure. */
object TrendChart {
    /** Rule M1: mornings in a full baseline. */
    private const val BASELINE_MORNINGS = 7
    /** Rule M1: meaningful = at least 2 points and at least 30 % below the baseline. */
    private const val MEANINGFUL_POINTS = 2.0
    private const val MEANINGFUL_FRACTION = 0.30

    /** Maps the core's chart (axes, legend, named markers, readouts, load charts) onto the trend's series. */
    fun from(data: TrendChartData): TrendChartModel {
        val base = from(data.trend)
        val named = data.markers.associateBy { it.date to it.exerciseId }
        return base.copy(
            levelMarkers = base.levelMarkers.map { m ->
                named[m.date to m.exerciseId]?.let { m.copy(label = it.label, dateLabel = it.dateLabel) } ?: m
            },
            // The core's M1 line, when it draws one (a full baseline).
            meaningfulTarget = data.referenceLines.firstOrNull { it.series == ChartSeries.TARGET }?.value,
            yTitle = data.yTitle,
            yTicks = data.yTicks.map { AxisTick(it.value, it.label) },
            yMax = data.yMax,
            xTicks = data.xTicks.map { DateAxisTick(it.index.toInt(), it.date, it.label) },
            firstDay = DateAxisTick(data.firstDay.index.toInt(), data.firstDay.date, data.firstDay.label),
            lastDay = DateAxisTick(data.lastDay.index.toInt(), data.lastDay.date, data.lastDay.label),
            legend = data.legend.map { LegendItem(it.series, it.label, it.style) },
            lines = data.referenceLines.map { ChartLine(it.series, it.value, it.label, it.style) },
            band = data.expectationBand?.let { ChartBand(it.fromIndex.toInt(), it.toIndex.toInt(), it.label) },
            readouts = data.readouts.sortedBy { it.index }.map { it.text },
            weekTexts = data.weekReadouts.map { WeekText(it.index.toInt(), it.label, it.text) },
            distance = load(data.distance),
            sessions = load(data.sessions),
            textAlternative = data.textAlternative,
            title = data.title,
        )
    }

    private fun load(chart: WeeklyBarChart) = LoadChart(
        series = chart.series,
        title = chart.title,
        axisTitle = chart.axisTitle,
        unit = chart.unit,
        ticks = chart.ticks.map { AxisTick(it.value, it.label) },
        max = chart.max,
        bars = chart.bars.mapIndexed { w, b -> LoadBar(w * 7, b.label, b.value, b.valueLabel) },
        legend = LegendItem(chart.legend.series, chart.legend.label, chart.legend.style),
    )

    fun from(trend: Trend): TrendChartModel {
        val dates = trend.days.map { it.date }
        val xOf = dates.withIndex().associate { (i, d) -> d to i }
        return TrendChartModel(
            dates = dates,
            painSegments = segments(trend.days.map { it.pain?.toDouble() }),
            rollingMeanSegments = segments(trend.days.map { it.rollingMean }),
            baseline = trend.baseline,
            baselineProvisional = trend.baseline != null && trend.baselineMornings.toInt() < BASELINE_MORNINGS,
            meaningfulTarget = trend.baseline?.let(::meaningfulTarget),
            meaningfulImprovement = trend.meaningfulImprovement,
            weeklyBars = trend.weekly.map {
                val done = it.sessionsDone.toInt()
                val planned = it.sessionsPlanned.toInt()
                AdherenceBar(it.weekStart, done, planned, if (planned > 0) minOf(1.0, done.toDouble() / planned) else null, it.runKm, it.run)
            },
            // Markers outside the window have no x: they are not drawn.
            levelMarkers = trend.levelChanges.mapNotNull { m ->
                xOf[m.date]?.let { LevelChangeMarker(it, m.date, m.exerciseId, m.fromLevel.toInt(), m.toLevel.toInt()) }
            },
            expectation = trend.expectation.text,
            current = trend.current,
            changePoints = trend.changePoints,
            changePercent = trend.changePercent,
            weeklyMeans = trend.weekly.map { it.meanPain },
            painDays = trend.days.withIndex().filter { it.value.pain != null }.map { it.index },
            psfsText = trend.psfsText,
        )
    }

    /**
     * The pain level that counts as a meaningful improvement from [baseline] (rule M1): lower by
     * at least 2 points and at least 30 %, i.e. baseline − max(2, 30 % of baseline), never below 0.
     */
    fun meaningfulTarget(baseline: Double): Double =
        max(0.0, baseline - max(MEANINGFUL_POINTS, MEANINGFUL_FRACTION * baseline))

    /** Splits a daily series into runs of consecutive non-null values; nulls break the line. */
    fun segments(values: List<Double?>): List<List<ChartPoint>> {
        val result = mutableListOf<List<ChartPoint>>()
        var current = mutableListOf<ChartPoint>()
        values.forEachIndexed { x, y ->
            if (y == null) {
                if (current.isNotEmpty()) result += current
                current = mutableListOf()
            } else {
                current += ChartPoint(x, y)
            }
        }
        if (current.isNotEmpty()) result += current
        return result
    }
}
