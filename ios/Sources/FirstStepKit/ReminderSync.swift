import FirstStepCore

/// The port the iOS app implements with `UNUserNotificationCenter` (Android: AlarmManager).
/// Ids are the core's stable reminder ids, e.g. "morning_pain:2026-11-24".
public protocol ReminderScheduler: AnyObject {
    /// Schedules `reminder`, replacing a pending one with the same id.
    func schedule(_ reminder: Reminder)
    func cancel(id: String)
    /// Ids of the reminders currently pending.
    func scheduledIds() -> Set<String>
    /// The reminder as it was scheduled, if the platform kept it; nil means "reschedule to be safe".
    func scheduled(id: String) -> Reminder?
}

extension ReminderScheduler {
    public func scheduled(id: String) -> Reminder? { nil }
}

/// What a sync did: ids cancelled, reminders (re)scheduled, ids left as they were.
public struct ReminderPlan: Equatable {
    public var cancel: [String]
    public var schedule: [Reminder]
    public var keep: [String]
}

/// Diffs the core's reminders against what the platform has pending. The core is the source of
/// truth: cancel what disappeared, schedule what is new or changed, keep what is identical.
public enum ReminderSync {
    /// The diff alone (pure).
    public static func plan(desired: [Reminder], scheduledIds: Set<String>, scheduled: (String) -> Reminder? = { _ in nil }) -> ReminderPlan {
        var wanted: [String: Reminder] = [:]
        for reminder in desired { wanted[reminder.id] = reminder }
        var keep: [String] = [], schedule: [Reminder] = []
        for reminder in wanted.values {
            if scheduledIds.contains(reminder.id), scheduled(reminder.id) == reminder { keep.append(reminder.id) } else { schedule.append(reminder) }
        }
        return ReminderPlan(
            cancel: scheduledIds.filter { wanted[$0] == nil }.sorted(),
            schedule: schedule.sorted { ($0.fireAtMs, $0.id) < ($1.fireAtMs, $1.id) },
            keep: keep.sorted())
    }

    /// Applies the diff to `scheduler`: cancellations first, so a full platform queue has room.
    @discardableResult
    public static func apply(_ desired: [Reminder], to scheduler: ReminderScheduler) -> ReminderPlan {
        let plan = plan(desired: desired, scheduledIds: scheduler.scheduledIds(), scheduled: { scheduler.scheduled(id: $0) })
        plan.cancel.forEach { scheduler.cancel(id: $0) }
        plan.schedule.forEach { scheduler.schedule($0) }
        return plan
    }
}
