#if canImport(SwiftUI) && canImport(UIKit)
import FirstStepCore
import FirstStepKit
import SwiftUI

/// "How did the load feel?" after a guided session (rule P5). Thin: the question, the exercises it
/// asks about and the choices are the core's `EffortQuestion`; the load decision is the core's too.
struct EffortQuestionView: View {
    let question: EffortQuestion
    var answer: (Effort?) -> Void

    var body: some View {
        VStack(alignment: .leading, spacing: 12) {
            Text(question.question).font(.title3.bold())
            Text(question.exerciseNames.joined(separator: ", ")).font(.subheadline).foregroundStyle(.secondary)
            ForEach(question.choices, id: \.label) { choice in
                Button {
                    answer(choice.effort)
                } label: {
                    VStack(alignment: .leading, spacing: 2) {
                        Text(choice.label).font(.headline)
                        Text(choice.detail).font(.footnote)
                    }
                    .frame(maxWidth: .infinity, alignment: .leading)
                }
                .buttonStyle(.bordered)
                .accessibilityHint(choice.detail)
            }
            Button("Skip") { answer(nil) }
        }
    }
}

/// The Patient-Specific Functional Scale (rule M2): name 3–5 activities, rate each 0–10, and the
/// core's card (averages, detectable change, when the next rating is due).
@MainActor // init builds a main-actor ScreenStore: the iOS 17 SDK does not isolate View, the iOS 18 SDK does
struct PsfsView: View {
    @Environment(AppServices.self) private var services
    @State private var store: ScreenStore<PsfsModel>
    @State private var editing = false

    init(repository: FirstStepRepository) {
        _store = State(initialValue: ScreenStore(PsfsModel(repository: repository, onJournalChange: AppServices.shared.journalChanged)))
    }

    var body: some View {
        ScreenStateView(state: store.state, retry: store.model.refresh) { state in
        Form {
            if let text = state.cardText {
                Section {
                    Text(text)
                    if let reason = state.dueReason, state.due { Label(reason, systemImage: "bell") }
                    if let next = state.nextDue, !state.due { LabeledContent("Next rating", value: next) }
                }
            }
            if state.needsActivities || editing {
                Section {
                    ForEach(Array(state.names.enumerated()), id: \.offset) { row, name in
                        VStack(alignment: .leading) {
                            TextField("Activity \(row + 1)", text: Binding(get: { name }, set: { store.model.setName(row, $0) }))
                            if state.namesErrorRow == row { FieldErrorText(error: state.namesError) }
                        }
                    }
                    if state.canAddRow { Button("Add an activity") { store.model.addRow() } }
                    if state.namesErrorRow == nil { FieldErrorText(error: state.namesError) }
                    Button("Save activities") {
                        Task { if await store.model.saveActivities() { editing = false } }
                    }
                } header: {
                    Text("Activities your heel limits")
                } footer: {
                    Text("Name 3 to 5, e.g. \"Run 5 km\" or \"Stairs at work\".")
                }
            }
            if !state.activities.isEmpty {
                Section {
                    ForEach(state.activities, id: \.id) { activity in
                        VStack(alignment: .leading, spacing: 6) {
                            HStack {
                                Text(activity.name).font(.headline)
                                Spacer()
                                if let latest = activity.latest { Text(latest.score, format: .number).monospacedDigit() }
                                if activity.detectable { Image(systemName: "arrow.up.circle.fill").accessibilityLabel("Detectable change") }
                            }
                            ScoreRow(selected: state.scores[activity.id]) { store.model.setScore(activityId: activity.id, $0) }
                        }
                    }
                    Button("Save ratings") { Task { await store.model.rate() } }
                        .disabled(!state.ratingComplete)
                    if !editing { Button("Change the activities") { editing = true } }
                } header: {
                    Text("0 = unable, 10 = as before the injury")
                }
            }
            if let message = state.message { Text(message).foregroundStyle(.red) }
        }
        }
        .navigationTitle("Activities")
        .task(id: services.stale.generation(.psfs)) { await store.model.refresh() }
    }
}

/// One 0–10 choice per tap (11 buttons on two rows).
private struct ScoreRow: View {
    var selected: Int?
    var pick: (Int) -> Void

    var body: some View {
        LazyVGrid(columns: Array(repeating: GridItem(.flexible(), spacing: 4), count: 6), spacing: 4) {
            ForEach(PsfsModel.scores, id: \.self) { score in
                Button("\(score)") { pick(score) }
                    .buttonStyle(.bordered)
                    .tint(selected == score ? Color.accentColor : Color.secondary)
                    .accessibilityAddTraits(selected == score ? .isSelected : [])
            }
        }
    }
}

/// Return to running (rule RR1): the card, the walk-run step, the self-test and its criteria.
@MainActor // init builds a main-actor ScreenStore: the iOS 17 SDK does not isolate View, the iOS 18 SDK does
struct ReturnToRunView: View {
    @Environment(AppServices.self) private var services
    @State private var store: ScreenStore<ReturnToRunModel>

    init(repository: FirstStepRepository) {
        _store = State(initialValue: ScreenStore(ReturnToRunModel(repository: repository, onJournalChange: AppServices.shared.journalChanged)))
    }

    var body: some View {
        ScreenStateView(state: store.state, retry: store.model.refresh) { state in
        Form {
            if let card = state.card {
                Section {
                    Text(card.text)
                    if let step = card.stepText { Text(step).font(.headline) }
                    if let progress = card.stepProgress { Text(progress).font(.footnote) }
                    if let advice = state.result?.advice ?? card.advice { Text(advice).font(.footnote) }
                }
            } else {
                Section { Text("No return-to-run card: follow today's running advice.") }
            }
            if !state.criteria.isEmpty {
                Section("Last self-test") {
                    ForEach(state.criteria, id: \.id) { criterion in
                        Label {
                            VStack(alignment: .leading) {
                                Text(criterion.label)
                                Text(criterion.detail).font(.footnote).foregroundStyle(.secondary)
                            }
                        } icon: {
                            Image(systemName: criterion.passed ? "checkmark.circle.fill" : "xmark.circle")
                                .foregroundStyle(criterion.passed ? .green : .orange)
                        }
                        .accessibilityElement(children: .combine)
                    }
                }
            }
            if state.card?.offersTest ?? false {
                Section {
                    field("Heel pain on a 30-minute brisk walk (0–10)", "walk_pain")
                    field("Single-leg heel raises, affected side", "heel_raises_affected")
                    field("Single-leg heel raises, other side (blank if both hurt)", "heel_raises_other")
                    field("Heel pain on 10 single-leg hops (0–10)", "hop_pain")
                    Button("Take the self-test") { Task { await store.model.submit() } }
                } header: {
                    Text("Self-test")
                }
            }
            if let message = state.message { Text(message).foregroundStyle(.red) }
        }
        }
        .navigationTitle("Back to running")
        .task(id: services.stale.generation(.returnToRun)) { await store.model.refresh() }
    }

    private func field(_ title: LocalizedStringKey, _ key: String) -> some View {
        VStack(alignment: .leading) {
            TextField(title, text: Binding(get: { store.state.content?.form.values[key] ?? "" }, set: { store.model.set(key, $0) }))
                .keyboardType(.numberPad)
            FieldErrorText(error: store.state.content?.fieldErrors[key])
        }
    }
}
#endif
