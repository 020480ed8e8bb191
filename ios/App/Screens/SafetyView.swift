#if canImport(SwiftUI) && canImport(UIKit)
import FirstStepCore
import FirstStepKit
import SwiftUI

@MainActor // init builds a main-actor ScreenStore: the iOS 17 SDK does not isolate View, the iOS 18 SDK does
struct SafetyView: View {
    @State private var store: ScreenStore<SafetyModel>
    var onContinue: ([String]) -> Void
    var onStop: () -> Void

    init(repository: FirstStepRepository, onContinue: @escaping ([String]) -> Void, onStop: @escaping () -> Void) {
        _store = State(initialValue: ScreenStore(SafetyModel(repository: repository, onJournalChange: AppServices.shared.journalChanged)))
        self.onContinue = onContinue
        self.onStop = onStop
    }

    var body: some View {
        ScreenStateView(state: store.state, retry: store.model.load) { state in
            form(state)
        }
        .navigationTitle("Safety questions")
        .task { await store.model.load() }
    }

    private func form(_ state: SafetyContent) -> some View {
        Form {
            Section {
                ForEach(state.questions, id: \.id) { question in
                    Toggle(isOn: Binding(get: { state.yes.contains(question.id) },
                                         set: { store.model.setAnswer(question.id, yes: $0) })) {
                        VStack(alignment: .leading, spacing: 4) {
                            Text(question.prompt)
                            Text(question.help).font(.footnote).foregroundStyle(.secondary)
                        }
                    }
                }
            } header: { Text("Before you start") }
            if let result = state.result, let route = state.route {
                Section {
                    ForEach(result.reasons, id: \.self) { Text($0) }
                    Text(result.advice).font(.headline)
                    switch route {
                    case .urgentStop: Button("I understand", role: .destructive, action: onStop)
                    default: Button("Continue to the assessment") { onContinue(store.model.yesIds) }
                    }
                }
            }
            if let message = state.message { Text(message).foregroundStyle(.red) }
            if state.result == nil {
                Button("Check my answers") { Task { await store.model.submit() } }.disabled(state.submitting)
            }
        }
    }
}

/// R1: seek care today. No program is offered; the screen may be re-taken once a clinician has
/// cleared the runner (recorded in the journal).
@MainActor // init builds a main-actor ScreenStore: the iOS 17 SDK does not isolate View, the iOS 18 SDK does
struct UrgentStopView: View {
    var advice: String
    var retake: () -> Void
    @State private var store: ScreenStore<SafetyModel>
    @State private var clearedOn = Date()
    @State private var refusal: String?

    init(repository: FirstStepRepository, advice: String, retake: @escaping () -> Void) {
        self.advice = advice
        self.retake = retake
        _store = State(initialValue: ScreenStore(SafetyModel(repository: repository, onJournalChange: AppServices.shared.journalChanged)))
    }

    var body: some View {
        ScrollView {
            VStack(alignment: .leading, spacing: 20) {
                Image(systemName: "cross.case.fill").font(.largeTitle).foregroundStyle(.red).accessibilityHidden(true)
                Text("Please seek care today").font(.largeTitle.bold())
                Text(advice).font(.body)
                DatePicker("Seen on", selection: $clearedOn, in: ...Date(), displayedComponents: .date)
                Button("A clinician has cleared me") {
                    Task {
                        refusal = await store.model.recordClearance(date: clearedOn.formatted(.iso8601.year().month().day()))
                        if refusal == nil { retake() }
                    }
                }
                .buttonStyle(.bordered)
                if let refusal { Text(refusal).foregroundStyle(.red) }
            }
            .padding()
        }
    }
}
#endif
