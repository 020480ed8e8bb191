import FirstStepCore
import Foundation

public struct LogRunUiState {
    public var distance = ""
    public var minutes = ""
    public var painDuring = ""
    public var painAfter = ""
    public var surface = ""
    public var shoes = ""
    /// A missed day (YYYY-MM-DD); empty for today.
    public var date = ""
    /// Today's running advice for the distance typed (X2), with the core's long-run spike warning (A7).
    public var guidance: RunningGuidance?
    /// The distance `guidance` was computed for.
    public var checkedKm: Double?
    /// The spike warning was shown and the runner chose to log anyway.
    public var warningAcknowledged = false
    /// Errors by input: "distance_km", "minutes", "pain_during", "pain_after", "date".
    public var fieldErrors: [String: FieldError] = [:]
    public var message: String?
    /// The run as stored, once saved.
    public var saved: RunRecord?
    /// The core's warning for the run as it was logged (A7 single run, RR2 walk-run step), if any.
    public var savedWarning: String?

    /// The core's warning for the typed distance; shown before saving.
    public var spikeWarning: String? { guidance?.longRunWarning }
    /// Saving now would log a run the core warned about without the runner having confirmed.
    public var needsConfirmation: Bool { spikeWarning != nil && !warningAcknowledged }
}

/// Log a run (PRODUCT §2.6) with the core's guidance before saving: the planned distance goes to
/// `progress(planned_run_km)` and its A7 long-run warning is shown; the first save with a warning
/// only asks to confirm, the second logs it.
@MainActor
public final class LogRunModel: ScreenModel {
    private let repository: FirstStepRepository
    private let onJournalChange: JournalChangeHandler?
    public private(set) var state = LogRunUiState() { didSet { onChange?() } }
    public var onChange: (() -> Void)?

    public init(repository: FirstStepRepository, onJournalChange: JournalChangeHandler? = nil) {
        self.repository = repository
        self.onJournalChange = onJournalChange
    }

    public func edit(_ update: (inout LogRunUiState) -> Void) {
        let before = state.distance
        var next = state
        update(&next)
        next.fieldErrors = [:]
        next.message = nil
        if next.distance != before {
            next.guidance = nil
            next.checkedKm = nil
            next.warningAcknowledged = false
        }
        state = next
    }

    /// Asks the core for today's advice with the typed distance as the planned run.
    public func check() async {
        guard let km = number(state.distance, field: "distance_km") else { return }
        do {
            let report = try await repository.progress(plannedRunKm: km)
            state.guidance = report.running
            state.checkedKm = km
        } catch {
            showError(error, renaming: ["planned_run_km": "distance_km"])
        }
    }

    /// Logs the run; with an unconfirmed spike warning it only asks for confirmation.
    public func save() async {
        guard let km = number(state.distance, field: "distance_km") else { return }
        if state.checkedKm != km { await check() }
        guard state.fieldErrors.isEmpty, state.checkedKm == km else { return }
        if state.needsConfirmation {
            state.warningAcknowledged = true
            return
        }
        let minutes = optionalNumber(state.minutes, field: "minutes")
        let during = optionalInt(state.painDuring, field: "pain_during")
        let after = optionalInt(state.painAfter, field: "pain_after")
        guard state.fieldErrors.isEmpty else { return }
        let date = state.date.isEmpty ? nil : state.date
        let surface = state.surface, shoes = state.shoes
        do {
            let log = try await repository.withCore { core, now in
                try core.logRun(now: now, date: date, distanceKm: km, minutes: minutes, painDuring: during.map(Int64.init),
                                painAfter: after.map(Int64.init), surface: surface, shoes: shoes)
            }
            state.saved = log.run
            state.savedWarning = log.warning
            onJournalChange?(JournalWrite(.runLogged))
        } catch {
            showError(error, renaming: [:])
        }
    }

    private func showError(_ error: Error, renaming: [String: String]) {
        if var fieldError = FieldError(error) {
            fieldError.field = renaming[fieldError.field] ?? fieldError.field
            state.fieldErrors[fieldError.field] = fieldError
        } else {
            state.message = describe(error)
        }
    }

    private func number(_ text: String, field: String) -> Double? {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")) else {
            state.fieldErrors[field] = FieldError(field: field, message: AssessmentInputProblem.notANumber.rawValue)
            return nil
        }
        return value
    }

    private func optionalNumber(_ text: String, field: String) -> Double? {
        text.trimmingCharacters(in: .whitespaces).isEmpty ? nil : number(text, field: field)
    }

    private func optionalInt(_ text: String, field: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return nil }
        guard let value = Int(trimmed) else {
            state.fieldErrors[field] = FieldError(field: field, message: AssessmentInputProblem.notAWholeNumber.rawValue)
            return nil
        }
        return value
    }
}
