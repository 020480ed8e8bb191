import FirstStepCore
import Foundation
@testable import FirstStepKit

/// `date` at 08:00 UTC in zone "UTC" (the scenario replay's morning).
func morning(_ date: String) -> Moment {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    let instant = formatter.date(from: "\(date) 08:00")!
    return Moment(instantMs: Int64(instant.timeIntervalSince1970 * 1000), timeZone: "UTC")
}

/// A fresh journal path in its own temp directory.
func tempDatabasePath() -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("firststep-swift-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent("journal.db").path
}

func openTempCore() throws -> FirstStep { try FirstStep.open(path: tempDatabasePath()) }

/// A complete assessment: left heel, pain 4, wobbly left balance → stretch, calf ladder L1, balance.
func answersJson(_ date: String, firstStepPain: Int = 4) -> String {
    """
    {"date": "\(date)", "affected_side": "left", "weeks_since_onset": 6, "first_step_pain": \(firstStepPain),
     "red_flags": [], "knee_to_wall_cm": {"left": 12.0, "right": 12.5},
     "heel_raise_reps": {"left": 24, "right": 25}, "toe_grip": {"left": "pass", "right": "pass"},
     "arch_control": {"left": "pass", "right": "pass"}, "single_leg_squat": {"left": "good", "right": "good"},
     "balance_seconds": {"left": 20, "right": 40}}
    """
}

/// The serde name of a generated enum case (ankleMobility → ankle_mobility).
func snake<T>(_ value: T) -> String {
    var out = ""
    for ch in "\(value)" {
        if ch.isUppercase { out += "_" + ch.lowercased() } else { out.append(ch) }
    }
    return out
}

final class FixedClock: MomentClock, @unchecked Sendable {
    private let lock = NSLock()
    private var moment: Moment
    init(_ date: String) { moment = morning(date) }
    func now() -> Moment { lock.lock(); defer { lock.unlock() }; return moment }
}

/// A monotonic clock the test moves by hand.
final class ManualClock: MonotonicClock, @unchecked Sendable {
    private let lock = NSLock()
    private var ms: Int64 = 0
    func nowMs() -> Int64 { lock.lock(); defer { lock.unlock() }; return ms }
    func advance(_ delta: Int64) { lock.lock(); ms += delta; lock.unlock() }
}

/// Sleeps on the manual clock: returns once the test has moved it past the deadline.
struct ManualSleeper: Sleeper {
    let clock: ManualClock
    func sleep(until deadline: Int64, on _: MonotonicClock) async throws {
        while clock.nowMs() < deadline {
            try Task.checkCancellation()
            try await Task.sleep(nanoseconds: 20_000)
        }
    }
}

/// Moves `clock` forward in `step`s, letting the ticker's loop look after each step (virtual time).
func advance(_ clock: ManualClock, _ ticker: SessionTicker, by total: Int64, step: Int64 = 100) async {
    var left = total
    while left > 0 {
        clock.advance(min(step, left))
        left -= step
        while await ticker.isTicking, (await ticker.stateAtMs ?? Int64.min) < clock.nowMs() {
            try? await Task.sleep(nanoseconds: 20_000)
        }
    }
}

final class RecordingCuePlayer: CuePlayer, @unchecked Sendable {
    private let lock = NSLock()
    private var shownCues: [Cue] = [], playedCues: [Cue] = []
    var shown: [Cue] { lock.lock(); defer { lock.unlock() }; return shownCues }
    var played: [Cue] { lock.lock(); defer { lock.unlock() }; return playedCues }
    func show(_ cue: Cue) { lock.lock(); shownCues.append(cue); lock.unlock() }
    func play(_ cue: Cue) { lock.lock(); playedCues.append(cue); lock.unlock() }
}

final class MemorySnapshotStore: SnapshotStore, @unchecked Sendable {
    var snapshot: String?
    var saves = 0
    func save(_ snapshot: String) { self.snapshot = snapshot; saves += 1 }
    func load() -> String? { snapshot }
    func clear() { snapshot = nil }
}

/// An in-memory platform scheduler that remembers what it scheduled.
final class FakeReminderScheduler: ReminderScheduler {
    var pending: [String: Reminder] = [:]
    var calls: [String] = []
    init(_ initial: [Reminder] = []) { for r in initial { pending[r.id] = r } }
    func schedule(_ reminder: Reminder) { pending[reminder.id] = reminder; calls.append("schedule \(reminder.id)") }
    func cancel(id: String) { pending[id] = nil; calls.append("cancel \(id)") }
    func scheduledIds() -> Set<String> { Set(pending.keys) }
    func scheduled(id: String) -> Reminder? { pending[id] }
}

final class RecordingStates: @unchecked Sendable {
    private let lock = NSLock()
    private var states: [SessionState] = []
    var last: SessionState? { lock.lock(); defer { lock.unlock() }; return states.last }
    func append(_ state: SessionState) { lock.lock(); states.append(state); lock.unlock() }
}

/// A screen that was expected to be ready was not.
struct NotReady: Error, CustomStringConvertible { var description: String }

extension ScreenState {
    /// The content of a ready screen; throws (failing the test) in any other state.
    var ready: Content {
        get throws {
            guard case let .ready(content) = self else { throw NotReady(description: "the screen is not ready: \(self)") }
            return content
        }
    }
}
