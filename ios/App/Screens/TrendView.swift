#if canImport(SwiftUI) && canImport(Charts)
import Charts
import FirstStepKit
import SwiftUI

/// The recovery trend with Swift Charts, drawn from FirstStepKit's `TrendChartModel` (the core's
/// numbers in chart coordinates): daily points with gaps, the 7-day mean, baseline and the
/// meaningful-improvement line, level markers, weekly run km and adherence; the summary in words.
@MainActor // init builds a main-actor ScreenStore: the iOS 17 SDK does not isolate View, the iOS 18 SDK does
struct TrendView: View {
    @State private var store: ScreenStore<TrendViewModel>

    init(repository: FirstStepRepository) {
        _store = State(initialValue: ScreenStore(TrendViewModel(repository: repository)))
    }

    var body: some View {
        let state = store.state
        List {
            Picker("Window", selection: Binding(get: { state.weeks }, set: { weeks in Task { await store.model.select(weeks: weeks) } })) {
                ForEach(TrendViewModel.windows, id: \.self) { Text("\($0) weeks").tag($0) }
            }
            .pickerStyle(.segmented)
            if let chart = state.chart {
                Section {
                    PainChart(chart: chart)
                        .frame(minHeight: 240)
                        .accessibilityElement(children: .ignore)
                        .accessibilityLabel(Text("Morning pain chart"))
                        .accessibilityValue(Text(state.summary?.text ?? ""))
                    if let summary = state.summary { Text(summary.text).font(.footnote) }
                    if let psfs = chart.psfsText { Text(psfs).font(.footnote) }
                }
                Section("Weekly") {
                    WeeklyChart(bars: chart.weeklyBars).frame(minHeight: 160)
                        .accessibilityElement(children: .ignore)
                        .accessibilityLabel(Text(chart.weeklyBars.map { "\($0.weekStart): \($0.done) of \($0.planned) sessions, \($0.run)" }
                            .joined(separator: "; ")))
                }
            }
            if let message = state.message { Text(message).foregroundStyle(.red) }
        }
        .navigationTitle("Trend")
        .task { await store.model.refresh() }
    }
}

private struct PainChart: View {
    let chart: TrendChartModel

    var body: some View {
        Chart {
            ForEach(Array(chart.painSegments.enumerated()), id: \.offset) { index, segment in
                ForEach(segment, id: \.x) { point in
                    LineMark(x: .value("Day", point.x), y: .value("Pain", point.y), series: .value("Segment", "pain\(index)"))
                        .foregroundStyle(.blue.opacity(0.5))
                    PointMark(x: .value("Day", point.x), y: .value("Pain", point.y)).foregroundStyle(.blue)
                }
            }
            ForEach(Array(chart.rollingMeanSegments.enumerated()), id: \.offset) { index, segment in
                ForEach(segment, id: \.x) { point in
                    LineMark(x: .value("Day", point.x), y: .value("7-day mean", point.y), series: .value("Segment", "mean\(index)"))
                        .foregroundStyle(.purple).lineStyle(StrokeStyle(lineWidth: 3))
                }
            }
            if let baseline = chart.baseline {
                RuleMark(y: .value("Baseline", baseline))
                    .lineStyle(StrokeStyle(lineWidth: 1, dash: chart.baselineProvisional ? [4, 4] : []))
                    .annotation(position: .top, alignment: .leading) { Text("Baseline").font(.caption2) }
            }
            if let target = chart.meaningfulTarget {
                RuleMark(y: .value("Meaningful improvement", target)).foregroundStyle(.green)
                    .annotation(position: .bottom, alignment: .leading) { Text("Meaningful").font(.caption2) }
            }
            ForEach(chart.levelMarkers, id: \.x) { marker in
                RuleMark(x: .value("Level change", marker.x)).foregroundStyle(marker.isProgression ? .green : .orange)
                    .annotation(position: .top) { Text("L\(marker.toLevel)").font(.caption2) }
            }
        }
        .chartYScale(domain: 0...10)
        .chartXScale(domain: 0...max(chart.dates.count - 1, 1))
    }
}

private struct WeeklyChart: View {
    let bars: [AdherenceBar]

    var body: some View {
        Chart {
            ForEach(bars, id: \.weekStart) { bar in
                if let fraction = bar.fraction {
                    BarMark(x: .value("Week", bar.weekStart), y: .value("Adherence", fraction * 100))
                        .foregroundStyle(.teal)
                }
                PointMark(x: .value("Week", bar.weekStart), y: .value("Run km", bar.runKm)).foregroundStyle(.orange)
            }
        }
    }
}
#endif
