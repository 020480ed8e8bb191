#if canImport(SwiftUI) && canImport(UIKit)
import FirstStepCore
import FirstStepKit
import SwiftUI

/// Log a run; the core's spike warning appears before saving and the first save only confirms it.
@MainActor // init builds a main-actor ScreenStore: the iOS 17 SDK does not isolate View, the iOS 18 SDK does
struct LogRunView: View {
    @State private var store: ScreenStore<LogRunModel>
    @Environment(\.dismiss) private var dismiss

    init(repository: FirstStepRepository) {
        _store = State(initialValue: ScreenStore(LogRunModel(repository: repository, onJournalChange: AppServices.shared.journalChanged)))
    }

    var body: some View {
        let state = store.state
        Form {
            Section {
                field("Distance (km)", \.distance, "distance_km", .decimalPad)
                    .onSubmit { Task { await store.model.check() } }
                field("Minutes", \.minutes, "minutes", .decimalPad)
                field("Pain during (0–10)", \.painDuring, "pain_during", .numberPad)
                field("Pain after (0–10)", \.painAfter, "pain_after", .numberPad)
                field("Surface", \.surface, "surface", .default)
                field("Shoes", \.shoes, "shoes", .default)
            }
            if let guidance = state.guidance {
                Section {
                    Label { Text(guidance.reason) } icon: { Circle().fill(Chrome.colour(guidance.state)).frame(width: 14) }
                    if let warning = state.spikeWarning { Text(warning).foregroundStyle(.orange).font(.headline) }
                }
            }
            if let message = state.message { Text(message).foregroundStyle(.red) }
            Button(state.needsConfirmation && state.warningAcknowledged == false && state.guidance != nil ? "Log anyway" : "Save") {
                Task {
                    await store.model.save()
                    if store.model.state.saved != nil { dismiss() }
                }
            }
        }
        .navigationTitle("Log a run")
    }

    private func field(_ title: LocalizedStringKey, _ path: WritableKeyPath<LogRunUiState, String>, _ key: String,
                       _ keyboard: UIKeyboardType) -> some View {
        VStack(alignment: .leading) {
            TextField(title, text: Binding(get: { store.state[keyPath: path] },
                                           set: { value in store.model.edit { $0[keyPath: path] = value } }))
                .keyboardType(keyboard)
            FieldErrorText(error: store.state.fieldErrors[key])
        }
    }
}
#endif
