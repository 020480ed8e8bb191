import FirstStepCore
import Foundation

/// Category identifiers the app registers with `UNUserNotificationCenter`. The morning one is the
/// category of the notification content extension (its Info.plist `UNNotificationExtensionCategory`)
/// that shows the 11-value pain grid: a category can show at most 10 actions, one fewer than 0–10.
public enum NotificationCategory {
    public static let morningPain = "FIRSTSTEP_MORNING_PAIN"
    public static let session = "FIRSTSTEP_SESSION"
    public static let reassessment = "FIRSTSTEP_REASSESSMENT"

    public static func of(_ kind: ReminderKind) -> String {
        switch kind {
        case .morningPain: return morningPain
        case .session: return session
        case .reassessment: return reassessment
        }
    }
}

/// Keys of a request's `userInfo`. `date` is the reminder's local date: a tap logs the morning the
/// notification asked about, even after midnight.
public enum NotificationUserInfo {
    public static let date = "date"
    public static let kind = "kind"
    public static let fireAtMs = "fire_at_ms"
}

/// Everything a `UNNotificationRequest` with a `UNCalendarNotificationTrigger` needs, as a value (so
/// the plan is tested on Linux and the app's adapter only copies fields).
public struct NotificationRequestDescription: Equatable {
    /// The core's stable reminder id, e.g. "morning_pain:2026-06-01".
    public var identifier: String
    /// Calendar (Gregorian) wall-clock fields in the runner's zone, with `timeZone` set: the trigger
    /// fires at 07:00 in that zone even before a re-plan after travel.
    public var dateComponents: DateComponents
    public var categoryIdentifier: String
    public var threadIdentifier: String
    public var title: String
    public var body: String
    /// String values only (see `NotificationUserInfo`), so it round-trips through the system.
    public var userInfo: [String: String]
    public var fireAtMs: Int64
}

public enum NotificationPlannerError: Error, Equatable {
    /// The core gave a date or time that does not parse (never expected; reported, not guessed around).
    case malformedReminder(id: String)
    case unknownTimeZone(String)
}

/// Turns the core's reminder plan into notification requests: only those still ahead of `now`,
/// nearest first, at most `limit` (iOS keeps 64 pending requests per app).
public enum NotificationPlanner {
    public static let pendingLimit = 64

    public static func requests(for reminders: [Reminder], now: Moment, limit: Int = pendingLimit) throws -> [NotificationRequestDescription] {
        guard let zone = TimeZone(identifier: now.timeZone) else { throw NotificationPlannerError.unknownTimeZone(now.timeZone) }
        return try reminders
            .filter { $0.fireAtMs > now.instantMs }
            .sorted { ($0.fireAtMs, $0.id) < ($1.fireAtMs, $1.id) }
            .prefix(max(0, limit))
            .map { try request(for: $0, zone: zone) }
    }

    static func request(for reminder: Reminder, zone: TimeZone) throws -> NotificationRequestDescription {
        let day = reminder.localDate.split(separator: "-").compactMap { Int($0) }
        let time = reminder.localTime.split(separator: ":").compactMap { Int($0) }
        guard day.count == 3, time.count == 2 else { throw NotificationPlannerError.malformedReminder(id: reminder.id) }
        // No calendar in the components (the trigger uses the Gregorian one); the zone makes them absolute.
        let components = DateComponents(timeZone: zone, year: day[0], month: day[1], day: day[2], hour: time[0], minute: time[1])
        return NotificationRequestDescription(
            identifier: reminder.id,
            dateComponents: components,
            categoryIdentifier: NotificationCategory.of(reminder.kind),
            threadIdentifier: NotificationCategory.of(reminder.kind),
            title: reminder.title,
            body: reminder.body,
            userInfo: [NotificationUserInfo.date: reminder.localDate, NotificationUserInfo.kind: "\(reminder.kind)",
                       NotificationUserInfo.fireAtMs: String(reminder.fireAtMs)],
            fireAtMs: reminder.fireAtMs)
    }
}

/// The app's side of `UNUserNotificationCenter` (App/Services/UserNotificationCenterPort.swift).
@MainActor
public protocol NotificationCenterPort: AnyObject {
    /// The app's pending requests, described back as values.
    func pendingRequests() async -> [NotificationRequestDescription]
    func add(_ request: NotificationRequestDescription) async throws
    func removePending(identifiers: [String])
    /// Removes shown notifications of `category` whose `userInfo` date is `date` (this morning's
    /// once its pain is logged, wherever it was logged from).
    func removeDelivered(category: String, date: String)
}

/// Why a re-plan ran (PLATFORMS: on launch, after each log, on significant time and zone changes).
public enum ReplanReason: Equatable, Sendable {
    case launch
    case foreground
    /// A write whose stale screens include `.reminders` (the core's `screensToRefresh`).
    case journal(JournalWrite)
    /// `UIApplication.significantTimeChangeNotification` (midnight, clock set, DST).
    case significantTimeChange
    /// `NSSystemTimeZoneDidChange`.
    case timeZoneChange
}

/// What one re-plan did.
public struct ReplanResult: Equatable {
    public var reason: ReplanReason
    public var removed: [String]
    public var added: [String]
    public var kept: [String]
    public var failed: [String: String]
}

/// Keeps the pending notifications equal to the nearest `limit` reminders of the core's plan:
/// removes what is gone or changed first (to make room), then adds what is new.
@MainActor
public final class ReminderReplanner {
    private let repository: FirstStepRepository
    private let center: NotificationCenterPort
    private let limit: Int
    public private(set) var last: ReplanResult?

    public init(repository: FirstStepRepository, center: NotificationCenterPort, limit: Int = NotificationPlanner.pendingLimit) {
        self.repository = repository
        self.center = center
        self.limit = limit
    }

    /// After a journal write: re-plans only when the core lists `.reminders` among the screens the
    /// write makes stale (`screensToRefresh`); nil when it does not (a run logged moves no reminder).
    @discardableResult
    public func replan(after write: JournalWrite) async throws -> ReplanResult? {
        guard write.replansReminders else { return nil }
        return try await replan(.journal(write))
    }

    @discardableResult
    public func replan(_ reason: ReplanReason) async throws -> ReplanResult {
        let (reminders, now) = try await repository.withCore { core, now in (try core.reminders(now: now), now) }
        let wanted = try NotificationPlanner.requests(for: reminders, now: now, limit: limit)
        let pending = await center.pendingRequests()
        let wantedById = Dictionary(wanted.map { ($0.identifier, $0) }, uniquingKeysWith: { first, _ in first })
        let removed = pending.filter { wantedById[$0.identifier] != $0 }.map(\.identifier).sorted()
        let kept = Set(pending.filter { wantedById[$0.identifier] == $0 }.map(\.identifier))
        center.removePending(identifiers: removed)
        var added: [String] = [], failed: [String: String] = [:]
        for request in wanted where !kept.contains(request.identifier) {
            do {
                try await center.add(request)
                added.append(request.identifier)
            } catch {
                failed[request.identifier] = "\(error)"
            }
        }
        if case let .journal(write) = reason, write.change == .painLogged, let date = write.date {
            center.removeDelivered(category: NotificationCategory.morningPain, date: date)
        }
        let result = ReplanResult(reason: reason, removed: removed, added: added, kept: kept.sorted(), failed: failed)
        last = result
        return result
    }
}
