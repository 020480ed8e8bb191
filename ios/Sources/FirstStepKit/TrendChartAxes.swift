import FirstStepCore
import Foundation

/// The core's trend chart (issue 22) as Swift Charts draws it: dates on the x axis (never a day
/// index), the pain axis 0–10 with its title, and separate axes for weekly distance (km or mi) and
/// weekly sessions (%). Every label and readout is the core's; this only turns ISO dates into `Date`.
public struct TrendChartAxes: Equatable {
    public struct Tick: Equatable { public var value: Double; public var label: String }
    public struct DateTick: Equatable { public var date: Date; public var label: String }
    public struct Marker: Equatable { public var date: Date; public var label: String; public var up: Bool }
    public struct Bar: Equatable { public var weekStart: Date; public var label: String; public var value: Double?; public var valueLabel: String }
    public struct LoadAxis: Equatable {
        public var axisTitle: String
        public var unit: String
        public var ticks: [Tick]
        public var max: Double
        public var bars: [Bar]
    }

    public var yTitle: String
    public var yTicks: [Tick]
    public var xTicks: [DateTick]
    /// The window: its first and last day.
    public var firstDay: Date
    public var lastDay: Date
    /// The legend's words, in drawing order (one per drawn series).
    public var legendLabels: [String]
    public var markers: [Marker]
    /// The core's readout of each day, by date.
    public var readouts: [Date: String]
    public var distance: LoadAxis
    public var sessions: LoadAxis
    public var textAlternative: String

    /// The date of day `x` of the window (the chart model's x), for Swift Charts' date axis.
    public func date(ofDay x: Int) -> Date { firstDay.addingTimeInterval(Double(x) * 86_400) }

    /// The readout of the day containing `date` (what `chartOverlay` / selection shows), nil outside.
    public func readout(at date: Date) -> String? {
        readouts[Self.startOfDay(date)]
    }

    static var calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    static func startOfDay(_ date: Date) -> Date { calendar.startOfDay(for: date) }

    /// "2026-03-02" as midnight UTC.
    public static func day(_ iso: String) -> Date? {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }

    public init?(_ data: TrendChartData) {
        guard let first = Self.day(data.firstDay.date), let last = Self.day(data.lastDay.date) else { return nil }
        func ticks(_ t: [ValueTick]) -> [Tick] { t.map { Tick(value: $0.value, label: $0.label) } }
        func load(_ c: WeeklyBarChart) -> LoadAxis {
            LoadAxis(axisTitle: c.axisTitle, unit: c.unit, ticks: ticks(c.ticks), max: c.max,
                     bars: c.bars.compactMap { b in Self.day(b.weekStart).map { Bar(weekStart: $0, label: b.label, value: b.value, valueLabel: b.valueLabel) } })
        }
        yTitle = data.yTitle
        yTicks = ticks(data.yTicks)
        xTicks = data.xTicks.compactMap { t in Self.day(t.date).map { DateTick(date: $0, label: t.label) } }
        firstDay = first
        lastDay = last
        legendLabels = data.legend.map(\.label)
        markers = data.markers.compactMap { m in Self.day(m.date).map { Marker(date: $0, label: m.label, up: m.up) } }
        var byDay: [Date: String] = [:]
        for r in data.readouts { if let d = Self.day(r.date) { byDay[d] = r.text } }
        readouts = byDay
        distance = load(data.distance)
        sessions = load(data.sessions)
        textAlternative = data.textAlternative
    }
}
