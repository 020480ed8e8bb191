import FirstStepCore
import Foundation

/// The trend chart in words, for VoiceOver (`.accessibilityLabel` on the chart) and as the text under
/// it. It restates the core's numbers — nothing is computed here but counts of what is drawn — and
/// ends with the core's expectation text (M4).
public struct TrendSummary: Equatable {
    public var weeks: Int
    /// Days in the window, and days with a morning score (the rest are gaps, not zeros).
    public var days: Int
    public var daysLogged: Int
    /// The most recent morning score in the window.
    public var latestDate: String?
    public var latestPain: Int?
    /// The core's 7-day mean now, baseline and change (M1).
    public var current: Double?
    public var baseline: Double?
    public var baselineProvisional: Bool
    public var changePoints: Double?
    public var changePercent: Double?
    public var meaningfulImprovement: Bool
    /// Level changes drawn as markers.
    public var levelChanges: Int
    /// The latest week's adherence and running distance, as the core counted them.
    public var lastWeek: TrendWeek?
    public var expectation: String

    public init(_ trend: Trend) {
        weeks = Int(trend.weeks)
        days = trend.days.count
        daysLogged = trend.days.filter { $0.pain != nil }.count
        let latest = trend.days.last { $0.pain != nil }
        latestDate = latest?.date
        latestPain = latest?.pain.map(Int.init)
        current = trend.current
        baseline = trend.baseline
        baselineProvisional = trend.baseline != nil && Int(trend.baselineMornings) < TrendChart.baselineMornings
        changePoints = trend.changePoints
        changePercent = trend.changePercent
        meaningfulImprovement = trend.meaningfulImprovement
        levelChanges = trend.levelChanges.filter { $0.date >= trend.startDate && $0.date <= trend.endDate }.count
        lastWeek = trend.weekly.last
        expectation = trend.expectation.text
    }

    /// One paragraph, English chrome around the core's values.
    public var text: String {
        var parts = ["Morning pain over \(weeks) weeks: \(daysLogged) of \(days) days logged."]
        if let latestPain, let latestDate { parts.append("Latest \(latestPain) of 10 on \(latestDate).") }
        if let current { parts.append("7-day average \(Self.one(current)).") }
        if let baseline {
            parts.append("Baseline \(Self.one(baseline))\(baselineProvisional ? ", provisional" : "").")
        }
        if let changePoints, let changePercent {
            parts.append("Change \(Self.signed(changePoints)) points (\(Self.signed(changePercent, digits: 0)) %).")
        }
        parts.append(meaningfulImprovement ? "Meaningful improvement reached." : "Meaningful improvement not reached yet.")
        if levelChanges > 0 { parts.append("\(levelChanges) exercise level change\(levelChanges == 1 ? "" : "s").") }
        if let week = lastWeek {
            if week.sessionsPlanned > 0 { parts.append("This week \(week.sessionsDone) of \(week.sessionsPlanned) sessions done.") }
            if week.runKm > 0 { parts.append("Ran \(Self.one(week.runKm)) km this week.") }
        }
        parts.append(expectation)
        return parts.joined(separator: " ")
    }

    static func one(_ value: Double) -> String { String(format: "%.1f", value) }

    static func signed(_ value: Double, digits: Int = 1) -> String {
        let text = String(format: "%.\(digits)f", abs(value))
        return value < 0 ? "−\(text)" : (value > 0 ? "+\(text)" : text)
    }
}
