import FirstStepCore
import Foundation

/// The settings form once the core's settings are read.
public struct SettingsContent {
    /// What the form edits; saved only through the core, which validates it.
    public var draft: Settings
    /// The core's error per field ("morning_reminder", "session_days", ...).
    public var fieldErrors: [String: FieldError] = [:]
    public var message: String?
    public var saved = false
}

/// Export and import: offered whatever the form's state (a damaged journal's way out is to export
/// what can still be read, even when the settings cannot be).
public struct DataTransfer {
    /// A file ready for the share sheet (backup JSON or pain CSV), written on the runner's request.
    public var exported: URL?
    /// The core's account of the last import.
    public var importReport: ImportReport?
    /// Why the last export or import was refused (the core's words).
    public var message: String?
}

/// The settings screen: the form (one state value) and the data section beside it.
public struct SettingsUiState {
    public var form: ScreenState<SettingsContent> = .loading
    public var transfer = DataTransfer()
}

/// What an export produces.
public enum ExportKind: Sendable {
    /// The versioned JSON backup of everything.
    case backup
    /// The morning pain log as CSV.
    case painCsv
    /// The core's one-page clinician summary (self-contained HTML, prints on one A4 page).
    case clinicianSummary
}

/// Settings (PRODUCT §2.11) and export/import (§2.10). Export writes a file into `exportDirectory` for
/// the share sheet (only on the runner's tap); import reads the file the runner picked and hands it
/// to the core, which validates everything before writing anything.
@MainActor
public final class SettingsModel: ScreenModel {
    private let repository: FirstStepRepository
    private let exportDirectory: URL
    private let onJournalChange: JournalChangeHandler?
    public private(set) var state = SettingsUiState() { didSet { onChange?() } }
    public var onChange: (() -> Void)?

    public init(repository: FirstStepRepository, exportDirectory: URL, onJournalChange: JournalChangeHandler? = nil) {
        self.repository = repository
        self.exportDirectory = exportDirectory
        self.onJournalChange = onJournalChange
    }

    public func load() async {
        do {
            state.form = .ready(SettingsContent(draft: try await repository.settings()))
        } catch {
            if state.form.content != nil { state.form.update { $0.message = describe(error) } } else { state.form = .failed(ScreenFailure(error)) }
        }
    }

    public func edit(_ update: (inout Settings) -> Void) {
        state.form.update { content in
            update(&content.draft)
            content.fieldErrors = [:]
            content.saved = false
        }
    }

    /// Toggles a session weekday (ISO 1 = Monday … 7 = Sunday), keeping the list ordered.
    public func toggleSessionDay(_ weekday: UInt8) {
        edit { settings in
            if let index = settings.sessionDays.firstIndex(of: weekday) { settings.sessionDays.remove(at: index) } else {
                settings.sessionDays.append(weekday)
                settings.sessionDays.sort()
            }
        }
    }

    /// Saves through the core with the device's current zone (reminders follow a traveller).
    public func save() async {
        guard var draft = state.form.content?.draft else { return }
        draft.timeZone = repository.now().timeZone
        do {
            try await repository.saveSettings(draft)
            state.form.update { $0.draft = draft; $0.saved = true }
            onJournalChange?(JournalWrite(.settingsSaved))
        } catch {
            state.form.update { content in
                if let fieldError = FieldError(error) { content.fieldErrors[fieldError.root] = fieldError } else { content.message = describe(error) }
            }
        }
    }

    /// Writes the export into `exportDirectory` and publishes its URL for the share sheet.
    public func export(_ kind: ExportKind) async {
        do {
            let date = try await repository.today()
            let name: String, text: String
            switch kind {
            case .backup:
                name = "firststep-backup-\(date).json"
                text = try await repository.exportJson()
            case .painCsv:
                name = "firststep-pain-\(date).csv"
                text = try await repository.painCsv()
            case .clinicianSummary:
                let summary = try await repository.withCore { try $0.clinicianSummary(now: $1) }
                name = summary.fileName
                text = summary.html
            }
            try FileManager.default.createDirectory(at: exportDirectory, withIntermediateDirectories: true)
            let url = exportDirectory.appendingPathComponent(name)
            try Data(text.utf8).write(to: url, options: [.atomic])
            state.transfer.exported = url
            state.transfer.message = nil
        } catch {
            state.transfer.message = describe(error)
        }
    }

    /// The share sheet is done with the file: remove it (a backup should not linger in tmp).
    public func exportFinished() {
        if let url = state.transfer.exported { try? FileManager.default.removeItem(at: url) }
        state.transfer.exported = nil
    }

    /// Imports the picked file's contents; the core merges idempotently or writes nothing.
    public func importBackup(_ data: Data) async {
        state.transfer.importReport = nil
        // Bytes that are not UTF-8 become U+FFFD; the core then rejects the document with its own words.
        let json = String(decoding: data, as: UTF8.self)
        do {
            let report = try await repository.importJson(json)
            onJournalChange?(JournalWrite(.imported))
            state.transfer.message = nil
            await load()
            state.transfer.importReport = report
        } catch {
            state.transfer.message = describe(error)
        }
    }
}
