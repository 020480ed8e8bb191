package app.firststep.kit

import app.firststep.core.Trend
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
) {
    val isProgression: Boolean get() = toLevel > fromLevel
}

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
)

/** Maps the core's [Trend] (already computed: means, baseline, change) to chart series. Pure. */
object TrendChart {
    /** Rule M1: mornings in a full baseline. */
    private const val BASELINE_MORNINGS = 7
    /** Rule M1: meaningful = at least 2 points and at least 30 % below the baseline. */
    private const val MEANINGFUL_POINTS = 2.0
    private const val MEANINGFUL_FRACTION = 0.30

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
