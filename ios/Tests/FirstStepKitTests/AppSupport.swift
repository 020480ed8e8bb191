import FirstStepCore
import Foundation
@testable import FirstStepKit

/// A clock pinned to an instant in a named zone (the runner's zone matters to the notification plan).
final class ZonedClock: MomentClock, @unchecked Sendable {
    private let lock = NSLock()
    private var moment: Moment
    init(_ isoLocal: String, zone: String) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: zone)
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        moment = Moment(instantMs: Int64(formatter.date(from: isoLocal)!.timeIntervalSince1970 * 1000), timeZone: zone)
    }
    func now() -> Moment { lock.lock(); defer { lock.unlock() }; return moment }
    func advance(ms: Int64) { lock.lock(); moment.instantMs += ms; lock.unlock() }
}

/// Records the journal writes a model reports.
@MainActor
final class ChangeRecorder {
    var changes: [JournalWrite] = []
    lazy var handler: JournalChangeHandler = { [unowned self] in self.changes.append($0) }
}

/// `UNUserNotificationCenter` as the planner sees it, in memory.
@MainActor
final class FakeNotificationCenter: NotificationCenterPort {
    var pending: [String: NotificationRequestDescription] = [:]
    var log: [String] = []
    var deliveredRemovals: [String] = []
    func pendingRequests() async -> [NotificationRequestDescription] { pending.values.sorted { $0.fireAtMs < $1.fireAtMs } }
    func add(_ request: NotificationRequestDescription) async throws {
        pending[request.identifier] = request
        log.append("add \(request.identifier)")
    }
    func removePending(identifiers: [String]) {
        for id in identifiers { pending[id] = nil; log.append("remove \(id)") }
    }
    func removeDelivered(category: String, date: String) { deliveredRemovals.append("\(category) \(date)") }
}

/// A lesson source over fixed records (the model's list/reader logic without the core's schedule).
final class StubLessonSource: LessonSource {
    let lessons: [Lesson]
    init(_ lessons: [Lesson]) { self.lessons = lessons }
    func lessons(repository: FirstStepRepository) async throws -> [Lesson] { lessons }
    func lesson(repository: FirstStepRepository, id: String) async throws -> Lesson {
        guard let lesson = lessons.first(where: { $0.id == id }) else { throw FirstStepError.NotFound(reason: "unknown lesson \(id)") }
        return lesson
    }
}

/// A repository on a fresh journal with a program assessed on `date` (answers as in TestSupport).
func assessedRepository(_ date: String, clock: MomentClock? = nil, answers: String? = nil) async throws -> FirstStepRepository {
    let repo = FirstStepRepository(core: try openTempCore(), clock: clock ?? FixedClock(date))
    _ = try await repo.submitAssessmentJson(answers ?? answersJson(date))
    return repo
}

/// `date` moved by `days` (UTC calendar arithmetic, test data only).
func shift(_ date: String, _ days: Int) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter.string(from: formatter.date(from: date)!.addingTimeInterval(Double(days) * 86_400))
}
