import FirstStepCore

public struct QuickLogUiState {
    /// The value tapped last (highlighted in the grid while it is written).
    public var tapped: Int?
    /// The score as the core stored it.
    public var logged: PainEntry?
    /// The value this log replaced, if the morning was already logged.
    public var replaced: PainEntry?
    /// The core's refusal (pain 11, a future date, ...) or a failed undo: always shown, never dropped.
    public var message: String?
    public var undone = false
    /// After an undo of an edit: the earlier value the core restored for that morning.
    public var restored: PainEntry?
    public var busy = false
}

/// One-tap morning pain from the notification (content extension, 11 values 0–10). The tap carries
/// the reminder's local date (`userInfo["date"]`), so a tap after midnight logs the morning the
/// notification asked about — or shows the core's refusal. Then "Logged 4" with an undo.
@MainActor
public final class QuickLogModel: ScreenModel {
    /// The grid's values, in order.
    public static let values = Array(0...10)

    private let repository: FirstStepRepository
    private let onJournalChange: JournalChangeHandler?
    public private(set) var state = QuickLogUiState() { didSet { onChange?() } }
    public var onChange: (() -> Void)?

    public init(repository: FirstStepRepository, onJournalChange: JournalChangeHandler? = nil) {
        self.repository = repository
        self.onJournalChange = onJournalChange
    }

    /// The date a notification's `userInfo` carries (nil: today, for a tap without one).
    public static func reminderDate(_ userInfo: [AnyHashable: Any]) -> String? {
        userInfo[NotificationUserInfo.date] as? String
    }

    /// Logs `score` for the reminder's `date`.
    public func tap(_ score: Int, reminderDate date: String?) async {
        state = QuickLogUiState(tapped: score, busy: true)
        do {
            let log = try await repository.logPain(score, date: date)
            state = QuickLogUiState(tapped: score, logged: log.entry, replaced: log.replaced)
            onJournalChange?(JournalWrite(.painLogged, date: log.entry.date))
        } catch {
            state = QuickLogUiState(tapped: score, message: describe(error))
        }
    }

    /// Takes back the score just logged: the core restores what it replaced and reverts the
    /// decisions that log triggered.
    public func undo() async {
        guard let entry = state.logged else { return }
        state.busy = true
        do {
            let undo = try await repository.undoPain(date: entry.date)
            state = QuickLogUiState(undone: true, restored: undo.restored)
            onJournalChange?(JournalWrite(.painUndone, date: entry.date))
        } catch {
            state.busy = false
            state.message = describe(error)
        }
    }
}
