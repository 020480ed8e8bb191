import FirstStepCore

/// A point of a line: `x` is the day index in the window (0 = first day), `y` the pain 0–10.
public struct ChartPoint: Equatable {
    public var x: Int
    public var y: Double
    public init(x: Int, y: Double) { self.x = x; self.y = y }
}

/// One week's adherence bar: sessions done of planned, and the running distance.
public struct AdherenceBar: Equatable {
    public var weekStart: String
    public var done: Int
    public var planned: Int
    /// done / planned, capped at 1; nil when nothing was planned (draw no bar, not a zero).
    public var fraction: Double?
    public var runKm: Double
    /// The week's running distance as the runner reads it ("12.0 km", "7.5 mi"), from the core.
    public var run: String
}

/// A vertical marker where an exercise changed level.
public struct LevelChangeMarker: Equatable {
    public var x: Int
    public var date: String
    public var exerciseId: String
    public var fromLevel: Int
    public var toLevel: Int
    public var isProgression: Bool { toLevel > fromLevel }
}

/// Everything a trend chart draws, already in chart coordinates.
public struct TrendChartModel: Equatable {
    /// X-axis labels: the window's dates; index = x.
    public var dates: [String]
    /// Morning pain lines; a day without a score breaks the line (a gap is not a zero).
    public var painSegments: [[ChartPoint]]
    /// The core's 7-day rolling mean, split the same way.
    public var rollingMeanSegments: [[ChartPoint]]
    public var baseline: Double?
    /// True while the baseline has fewer than 7 mornings (rule M1): draw it dashed.
    public var baselineProvisional: Bool
    /// The level a meaningful improvement reaches (rule M1); nil without a baseline.
    public var meaningfulTarget: Double?
    public var meaningfulImprovement: Bool
    public var weeklyBars: [AdherenceBar]
    public var levelMarkers: [LevelChangeMarker]
    public var expectation: String
    /// The core's PSFS sentence for the window (rule M2); nil without ratings.
    public var psfsText: String? = nil
}

/// Maps the core's `Trend` (already computed: means, baseline, change) to chart series. Pure.
public enum TrendChart {
    /// Rule M1: mornings in a full baseline.
    static let baselineMornings = 7
    /// Rule M1: meaningful = at least 2 points and at least 30 % below the baseline.
    static let meaningfulPoints = 2.0
    static let meaningfulFraction = 0.30

    public static func model(_ trend: Trend) -> TrendChartModel {
        let dates = trend.days.map(\.date)
        var xOf: [String: Int] = [:]
        for (index, date) in dates.enumerated() { xOf[date] = index }
        return TrendChartModel(
            dates: dates,
            painSegments: segments(trend.days.map { $0.pain.map(Double.init) }),
            rollingMeanSegments: segments(trend.days.map(\.rollingMean)),
            baseline: trend.baseline,
            baselineProvisional: trend.baseline != nil && Int(trend.baselineMornings) < baselineMornings,
            meaningfulTarget: trend.baseline.map(meaningfulTarget),
            meaningfulImprovement: trend.meaningfulImprovement,
            weeklyBars: trend.weekly.map { week in
                let done = Int(week.sessionsDone), planned = Int(week.sessionsPlanned)
                return AdherenceBar(weekStart: week.weekStart, done: done, planned: planned,
                                    fraction: planned > 0 ? min(1, Double(done) / Double(planned)) : nil, runKm: week.runKm, run: week.run)
            },
            // Markers outside the window have no x: they are not drawn.
            levelMarkers: trend.levelChanges.compactMap { marker in
                xOf[marker.date].map {
                    LevelChangeMarker(x: $0, date: marker.date, exerciseId: marker.exerciseId,
                                      fromLevel: Int(marker.fromLevel), toLevel: Int(marker.toLevel))
                }
            },
            expectation: trend.expectation.text,
            psfsText: trend.psfsText)
    }

    /// The pain level that counts as a meaningful improvement from `baseline` (rule M1): lower by at
    /// least 2 points and at least 30 %, i.e. baseline − max(2, 30 % of baseline), never below 0.
    public static func meaningfulTarget(_ baseline: Double) -> Double {
        max(0, baseline - max(meaningfulPoints, meaningfulFraction * baseline))
    }

    /// Splits a daily series into runs of consecutive non-nil values; nils break the line.
    public static func segments(_ values: [Double?]) -> [[ChartPoint]] {
        var result: [[ChartPoint]] = [], current: [ChartPoint] = []
        for (x, value) in values.enumerated() {
            if let y = value {
                current.append(ChartPoint(x: x, y: y))
            } else if !current.isEmpty {
                result.append(current)
                current = []
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
