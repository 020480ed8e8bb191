#if canImport(SwiftUI) && canImport(Charts)
import Charts
import FirstStepKit
import SwiftUI

/// The recovery trend with Swift Charts, drawn from FirstStepKit's `TrendChartModel` (the core's
/// numbers in chart coordinates): daily points with gaps, the 7-day mean, baseline and the
/// meaningful-improvement line, level markers, weekly run km and adherence; the summary in words.
@MainActor // init builds a main-actor ScreenStore: the iOS 17 SDK does not isolate View, the iOS 18 SDK does
struct TrendView: View {
    @Environment(AppServices.self) private var services
    @State private var store: ScreenStore<TrendViewModel>
    /// The day whose readout is open (press and drag, or VoiceOver on a week).
    @State private var selected: Date?

    init(repository: FirstStepRepository) {
        _store = State(initialValue: ScreenStore(TrendViewModel(repository: repository)))
    }

    var body: some View {
        List {
            Picker("Window", selection: Binding(get: { store.state.content?.weeks ?? store.model.weeks }, set: { weeks in Task { await store.model.select(weeks: weeks) } })) {
                ForEach(TrendViewModel.windows, id: \.self) { Text("\($0) weeks").tag($0) }
            }
            .pickerStyle(.segmented)
            switch store.state {
            case .loading:
                ProgressView()
            case let .failed(failure):
                Section {
                    Text(failure.message).foregroundStyle(.red)
                    if let problem = failure.problem { JournalProblemAction(problem: problem) {} }
                }
            case let .ready(state):
                if let axes = state.axes { charts(state.chart, axes) }
            }
        }
        .navigationTitle("Trend")
        .task(id: services.stale.generation(.trend)) { await store.model.refresh() }
    }

    @ViewBuilder private func charts(_ chart: TrendChartModel, _ axes: TrendChartAxes) -> some View {
        Section {
            Text(selected.flatMap(axes.readout(at:)) ?? "Press and drag along the chart to read a day.")
                .font(.callout)
                .accessibilityAddTraits(.updatesFrequently)
            Text(axes.yTitle).font(.caption)
            PainChart(chart: chart, axes: axes, selected: $selected)
                .frame(minHeight: 260)
                .accessibilityLabel(Text(axes.yTitle))
                .accessibilityValue(Text(axes.textAlternative))
            ForEach(Array(axes.markers.enumerated()), id: \.offset) { index, marker in
                Text("\(marker.up ? "▲" : "▼")\(index + 1) \(marker.label)").font(.caption)
            }
            Text(axes.textAlternative).font(.footnote)
            if let psfs = chart.psfsText { Text(psfs).font(.footnote) }
        }
        Section(axes.distance.axisTitle) {
            LoadChart(axis: axes.distance, tint: .indigo).frame(minHeight: 160)
        }
        Section(axes.sessions.axisTitle) {
            LoadChart(axis: axes.sessions, tint: .brown).frame(minHeight: 160)
        }
    }
}

/// The pain chart on dates: points (gaps stay gaps), the 7-day mean above them, the labelled baseline
/// and meaningful-improvement lines, named level changes, the core's week ticks; the readout through
/// `chartOverlay` (drag) — every label and readout is the core's, via FirstStepKit.
private struct PainChart: View {
    let chart: TrendChartModel
    let axes: TrendChartAxes
    @Binding var selected: Date?

    var body: some View {
        Chart {
            ForEach(Array(chart.painSegments.enumerated()), id: \.offset) { _, segment in
                ForEach(segment, id: \.x) { point in
                    PointMark(x: .value("Day", axes.date(ofDay: point.x), unit: .day), y: .value("Pain", point.y))
                        .symbol(.circle).foregroundStyle(.teal)
                }
            }
            ForEach(Array(chart.rollingMeanSegments.enumerated()), id: \.offset) { index, segment in
                ForEach(segment, id: \.x) { point in
                    LineMark(x: .value("Day", axes.date(ofDay: point.x), unit: .day), y: .value("7-day mean", point.y), series: .value("Segment", "mean\(index)"))
                        .foregroundStyle(.purple).lineStyle(StrokeStyle(lineWidth: 3))
                }
            }
            if let baseline = chart.baseline {
                RuleMark(y: .value("Baseline", baseline))
                    .lineStyle(StrokeStyle(lineWidth: 1.5, dash: [8, 5]))
                    .annotation(position: .top, alignment: .trailing) { Text(String(format: "Baseline %.1f", baseline)).font(.caption2) }
            }
            if let target = chart.meaningfulTarget {
                RuleMark(y: .value("Meaningful improvement", target)).foregroundStyle(.green)
                    .lineStyle(StrokeStyle(lineWidth: 1.5, lineCap: .round, dash: [1, 4]))
                    .annotation(position: .bottom, alignment: .trailing) { Text(String(format: "Meaningful improvement ≤ %.1f", target)).font(.caption2) }
            }
            ForEach(Array(axes.markers.enumerated()), id: \.offset) { index, marker in
                RuleMark(x: .value("Level change", marker.date, unit: .day)).foregroundStyle(.orange)
                    .lineStyle(StrokeStyle(lineWidth: 1, dash: [3, 3]))
                    .annotation(position: .top) { Text("\(marker.up ? "▲" : "▼")\(index + 1)").font(.caption2) }
                    .accessibilityLabel(Text(marker.label))
            }
            if let selected {
                RuleMark(x: .value("Selected", selected, unit: .day)).foregroundStyle(.primary)
            }
        }
        .chartYScale(domain: 0...10)
        .chartYAxis { AxisMarks(values: axes.yTicks.map(\.value)) { value in
            AxisGridLine()
            AxisValueLabel { if let v = value.as(Double.self) { Text(axes.yTicks.first { $0.value == v }?.label ?? "") } }
        } }
        .chartXScale(domain: axes.firstDay...axes.lastDay.addingTimeInterval(86_400))
        .chartXAxis { AxisMarks(values: axes.xTicks.map(\.date)) { value in
            AxisGridLine()
            AxisTick()
            AxisValueLabel { if let d = value.as(Date.self) { Text(axes.xTicks.first { $0.date == d }?.label ?? "") } }
        } }
        .chartOverlay { proxy in
            GeometryReader { geometry in
                Rectangle().fill(.clear).contentShape(Rectangle())
                    .gesture(DragGesture(minimumDistance: 0).onChanged { drag in
                        guard let plot = proxy.plotFrame else { return }
                        let x = drag.location.x - geometry[plot].origin.x
                        if let date: Date = proxy.value(atX: x) { selected = date }
                    })
            }
        }
    }
}

/// A weekly load chart on its own axis (distance in km or mi, or sessions in %), the core's values on the bars.
private struct LoadChart: View {
    let axis: TrendChartAxes.LoadAxis
    let tint: Color

    var body: some View {
        Chart {
            ForEach(axis.bars, id: \.weekStart) { bar in
                if let value = bar.value {
                    BarMark(x: .value("Week", bar.weekStart, unit: .weekOfYear), y: .value(axis.unit, value))
                        .foregroundStyle(tint)
                        .annotation(position: .top) { Text(bar.valueLabel).font(.caption2) }
                        .accessibilityLabel(Text(bar.label))
                        .accessibilityValue(Text(bar.valueLabel))
                }
            }
        }
        .chartYScale(domain: 0...axis.max)
        .chartYAxis { AxisMarks(values: axis.ticks.map(\.value)) { value in
            AxisGridLine()
            AxisValueLabel { if let v = value.as(Double.self) { Text(axis.ticks.first { $0.value == v }?.label ?? "") } }
        } }
        .chartXAxis { AxisMarks(values: axis.bars.map(\.weekStart)) { value in
            AxisValueLabel { if let d = value.as(Date.self) { Text(axis.bars.first { $0.weekStart == d }?.label ?? "") } }
        } }
    }
}
#endif
