import FirstStepCore

/// Why the journal could not be opened or written, with the way out a screen offers (issue 26). The
/// core tells the kinds apart (`DatabaseDamaged`, `DatabaseReadOnly`, `DatabaseTooNew`); this only
/// pairs each with its action, so SwiftUI renders the button and decides nothing. The file is never
/// deleted or changed by any of them.
public struct JournalProblem: Equatable, Sendable {
    public enum WayOut: Equatable, Sendable {
        /// Damaged: reads still work, so the readable part can be exported (Settings → Export).
        case exportReadable
        /// Read-only: the journal stays open for reading (home, trend, export); writes are refused.
        case openForReading
        /// Written by a newer FirstStep: update the app (the file is left as it is).
        case updateApp
    }

    /// The journal file the core names.
    public var path: String
    /// The core's sentence (what happened and that the file was left untouched).
    public var message: String
    /// The action offered; nil when there is none but to read the message (any other database error).
    public var wayOut: WayOut?

    /// The button's words for `wayOut`.
    public var actionLabel: String? {
        switch wayOut {
        case .exportReadable?: return "Export what can be read"
        case .openForReading?: return "Open for reading"
        case .updateApp?: return "Update FirstStep"
        case nil: return nil
        }
    }

    public init(path: String, message: String, wayOut: WayOut?) {
        self.path = path; self.message = message; self.wayOut = wayOut
    }

    /// The journal problem inside `error`, or nil when `error` is not about the journal file.
    public init?(_ error: Error) {
        switch error {
        case let FirstStepError.DatabaseDamaged(path, _, reason): self.init(path: path, message: reason, wayOut: .exportReadable)
        case let FirstStepError.DatabaseReadOnly(path, reason): self.init(path: path, message: reason, wayOut: .openForReading)
        case let FirstStepError.DatabaseTooNew(path, _, _, reason): self.init(path: path, message: reason, wayOut: .updateApp)
        case let FirstStepError.Database(path, reason): self.init(path: path, message: reason, wayOut: nil)
        default: return nil
        }
    }
}
