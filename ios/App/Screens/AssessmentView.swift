#if canImport(SwiftUI) && canImport(UIKit)
import FirstStepCore
import FirstStepKit
import SwiftUI

/// One core catalogue item per page, how-to steps from the core, the core's error on its page.
@MainActor // init builds a main-actor ScreenStore: the iOS 17 SDK does not isolate View, the iOS 18 SDK does
struct AssessmentView: View {
    @State private var store: ScreenStore<AssessmentModel>
    var onResult: (AssessmentResult) -> Void

    init(repository: FirstStepRepository, redFlags: [String], onResult: @escaping (AssessmentResult) -> Void) {
        _store = State(initialValue: ScreenStore(AssessmentModel(repository: repository, redFlags: redFlags,
                                                                 onJournalChange: AppServices.shared.journalChanged)))
        self.onResult = onResult
    }

    var body: some View {
        ScreenStateView(state: store.state) { state in
            wizard(state)
                .navigationTitle("Assessment \(state.page + 1)/\(max(state.pages.count, 1))")
        }
        .task { await store.model.load() }
    }

    private func wizard(_ state: AssessmentContent) -> some View {
        Form {
            if let page = state.current {
                Section {
                    Text(page.item.prompt).font(.headline)
                    // Issue 21: the test's figure (the knee-to-wall distance marked; the squat in line and drifting in).
                    let figures = FigureStill.test(page.item.id)
                    if !figures.isEmpty {
                        HStack {
                            ForEach(Array(figures.enumerated()), id: \.offset) { _, frame in
                                ExerciseFigureView(frame: frame, label: page.item.prompt).frame(height: 180)
                            }
                        }
                    }
                    ForEach(Array(page.item.howTo.enumerated()), id: \.offset) { index, step in
                        Label(step, systemImage: "\(index + 1).circle")
                    }
                }
                Section {
                    if page.item.perSide {
                        AnswerInput(page: page, inputKey: "\(page.key).left", label: Chrome.side("left"), store: store)
                        AnswerInput(page: page, inputKey: "\(page.key).right", label: Chrome.side("right"), store: store)
                    } else {
                        AnswerInput(page: page, inputKey: page.key, label: "", store: store)
                    }
                    FieldErrorText(error: state.fieldErrors[page.key])
                } footer: {
                    if !page.item.required { Text("Optional") }
                }
            }
            if let message = state.message { Text(message).foregroundStyle(.red) }
            Section {
                HStack {
                    Button("Back") { store.model.back() }.disabled(state.page == 0)
                    Spacer()
                    if state.isLastPage {
                        Button("See my results") {
                            Task {
                                await store.model.submit()
                                if let result = store.model.state.content?.result { onResult(result) }
                            }
                        }.disabled(state.submitting)
                    } else {
                        Button("Next") { store.model.next() }
                    }
                }
            }
        }
    }
}

/// The input a core `AnswerKind` asks for.
private struct AnswerInput: View {
    let page: AssessmentPage
    let inputKey: String
    let label: String
    let store: ScreenStore<AssessmentModel>

    var body: some View {
        let value = Binding(get: { store.state.content?.inputs[inputKey] ?? "" }, set: { store.model.set(inputKey, $0) })
        switch page.item.kind {
        case .number, .count, .pain:
            LabeledContent(label) {
                HStack {
                    TextField(page.unit, text: value).keyboardType(page.item.kind == .number ? .decimalPad : .numberPad)
                        .multilineTextAlignment(.trailing)
                    Text(page.unit).foregroundStyle(.secondary)
                }
            }
        case .grade: choices(value, ["pass", "partial", "fail"])
        case .squatQuality: choices(value, ["good", "fair", "poor"])
        case .side: choices(value, ["left", "right", "both"])
        case .yesNo: choices(value, ["true", "false"])
        }
    }

    private func choices(_ value: Binding<String>, _ options: [String]) -> some View {
        Picker(label, selection: value) {
            ForEach(options, id: \.self) { option in
                Text(option == "true" ? "Yes" : option == "false" ? "No" : option.capitalized).tag(option)
            }
        }
        .pickerStyle(.segmented)
    }
}

/// Things to work on (with the measurement), each with its exercises, then the program.
struct FindingsView: View {
    let findings: FindingsModel
    /// "Start" after an assessment; nil when the screen only shows the current program.
    var done: (() -> Void)?

    var body: some View {
        List {
            if let caution = findings.caution { Section { Text(caution).foregroundStyle(.orange) } }
            if let advice = findings.safetyAdvice { Section { Text(advice).font(.headline) } }
            ForEach(Array(findings.rows.enumerated()), id: \.offset) { _, row in
                Section {
                    Text(row.finding.measurement).font(.subheadline)
                    Text(row.finding.explanation)
                    ForEach(row.exercises, id: \.exerciseId) { ExerciseRow(exercise: $0) }
                }
            }
            if let summary = findings.programSummary { Section { Text(summary).font(.headline) } }
            if !findings.setAside.isEmpty {
                Section("Set aside for now") { ForEach(findings.setAside, id: \.self) { Text($0) } }
            }
            if !findings.baseExercises.isEmpty {
                Section("Every day") { ForEach(findings.baseExercises, id: \.exerciseId) { ExerciseRow(exercise: $0) } }
            }
            if let cue = findings.cadenceCue { Section("Running") { Text(cue) } }
            ForEach(findings.changes, id: \.description) { change in Text(change.description) }
            if let done { Button("Start", action: done) }
        }
        .navigationTitle("Your results")
    }
}

struct ExerciseRow: View {
    let exercise: ProgramExercise
    var body: some View {
        HStack(spacing: 12) {
            // Issue 21: a still of the exercise in its key pose (the affected side works).
            if let frame = FigureStill.exercise(exercise.exerciseId, level: exercise.level, side: exercise.sides) {
                ExerciseFigureView(frame: frame, label: exercise.name).frame(width: 64, height: 64)
            }
            VStack(alignment: .leading, spacing: 2) {
                Text(exercise.name).font(.headline)
                Text(exercise.levelLabel).font(.subheadline).foregroundStyle(.secondary)
                Text(dosage).font(.footnote)
            }
        }
        .accessibilityElement(children: .combine)
    }

    private var dosage: String {
        let amount = exercise.reps.map { "\(exercise.sets) × \($0)" } ?? exercise.holdSeconds.map { "\(exercise.sets) × \($0) s" } ?? "\(exercise.sets)"
        return [amount, exercise.load].compactMap { $0 }.joined(separator: " · ")
    }
}
#endif
