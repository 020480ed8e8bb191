#if canImport(SwiftUI) && canImport(UIKit)
import FirstStepCore
import FirstStepKit
import SwiftUI
import UniformTypeIdentifiers

/// Settings, with export through the share sheet and import through the file importer.
@MainActor // init builds a main-actor ScreenStore: the iOS 17 SDK does not isolate View, the iOS 18 SDK does
struct SettingsView: View {
    @State private var store: ScreenStore<SettingsModel>
    @State private var importing = false
    @AppStorage(CueSound.storageKey) private var cueSound = CueSound.standard.rawValue

    init(repository: FirstStepRepository) {
        _store = State(initialValue: ScreenStore(SettingsModel(repository: repository, exportDirectory: FileManager.default.temporaryDirectory,
                                                               onJournalChange: AppServices.shared.journalChanged)))
    }

    var body: some View {
        let state = store.state
        Form {
            switch state.form {
            case .loading:
                ProgressView()
            case let .failed(failure):
                // The data section below still works: a damaged journal's way out is its export.
                Section { Text(failure.message).foregroundStyle(.red) }
            case let .ready(form):
                let settings = form.draft
                Section("Units and side") {
                    Picker("Units", selection: bind(\.units, settings)) {
                        Text("Kilometres, cm").tag(Units.metric)
                        Text("Miles, inches").tag(Units.imperial)
                    }
                    Picker("Affected side", selection: bind(\.affectedSide, settings)) {
                        Text("Left").tag(Side.left)
                        Text("Right").tag(Side.right)
                        Text("Both").tag(Side.both)
                    }
                }
                Section("Reminders") {
                    Toggle("Reminders", isOn: bind(\.remindersEnabled, settings))
                    TextField("Morning pain (HH:MM)", text: bind(\.morningReminder, settings))
                    FieldErrorText(error: form.fieldErrors["morning_reminder"])
                    TextField("Session (HH:MM)", text: bind(\.sessionReminder, settings))
                    FieldErrorText(error: form.fieldErrors["session_reminder"])
                    WeekdayPicker(days: Array(settings.sessionDays)) { store.model.toggleSessionDay($0) }
                    FieldErrorText(error: form.fieldErrors["session_days"])
                }
                Section("Session cues") {
                    // Issue 21: voice / tones / silent, kept on the device (the core has no such setting).
                    Picker("Cues", selection: $cueSound) {
                        Text("Voice").tag(CueSound.voice.rawValue)
                        Text("Tones").tag(CueSound.tones.rawValue)
                        Text("Silent").tag(CueSound.silent.rawValue)
                    }
                }
                Button("Save") { Task { await store.model.save() } }
                if let message = form.message { Text(message).foregroundStyle(.red) }
            }
            Section("Your data") {
                Button("Export backup") { Task { await store.model.export(.backup) } }
                Button("Export pain log (CSV)") { Task { await store.model.export(.painCsv) } }
                Button("Summary for your clinician") { Task { await store.model.export(.clinicianSummary) } }
                Button("Import backup") { importing = true }
                if let report = state.transfer.importReport {
                    Text("Imported: \(report.painAdded) pain scores, \(report.sessionsAdded) sessions, \(report.runsAdded) runs added")
                }
            }
            if let message = state.transfer.message { Text(message).foregroundStyle(.red) }
        }
        .navigationTitle("Settings")
        .task { await store.model.load() }
        .sheet(isPresented: Binding(get: { state.transfer.exported != nil }, set: { if !$0 { store.model.exportFinished() } })) {
            if let url = state.transfer.exported { ShareSheet(url: url) }
        }
        .fileImporter(isPresented: $importing, allowedContentTypes: [.json]) { result in
            guard case let .success(url) = result else { return }
            let access = url.startAccessingSecurityScopedResource()
            defer { if access { url.stopAccessingSecurityScopedResource() } }
            guard let data = try? Data(contentsOf: url) else { return }
            Task { await store.model.importBackup(data) }
        }
    }

    private func bind<T>(_ path: WritableKeyPath<Settings, T>, _ settings: Settings) -> Binding<T> {
        Binding(get: { store.state.form.content?.draft[keyPath: path] ?? settings[keyPath: path] },
                set: { value in store.model.edit { $0[keyPath: path] = value } })
    }
}

private struct WeekdayPicker: View {
    var days: [UInt8]
    var toggle: (UInt8) -> Void
    private let symbols = Calendar(identifier: .iso8601).veryShortWeekdaySymbols // Sunday first

    var body: some View {
        HStack {
            ForEach(1...7, id: \.self) { iso in
                let on = days.contains(UInt8(iso))
                Button(symbols[iso % 7]) { toggle(UInt8(iso)) }
                    .buttonStyle(.bordered).tint(on ? .accentColor : .secondary)
                    .accessibilityAddTraits(on ? .isSelected : [])
            }
        }
    }
}

private struct ShareSheet: UIViewControllerRepresentable {
    let url: URL
    func makeUIViewController(context: Context) -> UIActivityViewController {
        UIActivityViewController(activityItems: [url], applicationActivities: nil)
    }
    func updateUIViewController(_ controller: UIActivityViewController, context: Context) {}
}
#endif
