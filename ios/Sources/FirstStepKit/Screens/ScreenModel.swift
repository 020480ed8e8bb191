import FirstStepCore

/// A screen model: plain state plus an `onChange` hook, so it builds and tests on Linux (no
/// Combine/Observation). The SwiftUI app wraps each one in an `@Observable` store that copies
/// `state` on every change (App/Support/ScreenStore.swift). Every screen model is `@MainActor`: the
/// views call it from the main actor and the repository does the blocking work on its own queue.
@MainActor
public protocol ScreenModel: AnyObject {
    associatedtype State
    var state: State { get }
    var onChange: (() -> Void)? { get set }
}

/// An error the core attached to one input (`FirstStepError.InvalidInput(field:reason:)`); a screen
/// shows `message` next to the control that edits `field`.
public struct FieldError: Equatable, Sendable {
    /// The core's field name, e.g. "heel_raise_reps.left" or "distance_km".
    public var field: String
    public var message: String
    public init(field: String, message: String) { self.field = field; self.message = message }

    /// The top-level answer the field belongs to ("heel_raise_reps.left" → "heel_raise_reps").
    public var root: String { String(field.split(separator: ".", maxSplits: 1).first ?? Substring(field)) }

    /// The core's field error inside `error`, if it is one.
    public init?(_ error: Error) {
        guard case let FirstStepError.InvalidInput(field, reason) = error else { return nil }
        self.init(field: field, message: reason)
    }
}

/// Something the journal changed, so reminders must be re-planned (a log makes a morning reminder
/// obsolete, a settings change moves them). The app routes it to `NotificationService.replan`.
public enum JournalChange: Equatable, Sendable {
    case painLogged(date: String)
    case painUndone(date: String)
    case sessionSaved
    case runLogged
    case assessed
    case settingsSaved
    case imported
    case safetyScreen
    case clinicianVisit
    /// PSFS activities named or rated (M2): the home screen's "rating due" changes.
    case psfs
    /// A return-to-run self-test was taken (RR1).
    case returnToRunTest
}

/// Receives journal changes (the notification re-planner in the app; a recorder in tests).
public typealias JournalChangeHandler = @MainActor (JournalChange) -> Void
