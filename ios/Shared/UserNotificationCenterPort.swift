#if canImport(UserNotifications)
import FirstStepKit
import Foundation
import UserNotifications

/// `UNUserNotificationCenter` behind FirstStepKit's `NotificationCenterPort`: copies the planner's
/// request descriptions into calendar-trigger requests and describes pending ones back.
@MainActor
final class UserNotificationCenterPort: NotificationCenterPort {
    private let center: UNUserNotificationCenter

    init(center: UNUserNotificationCenter = .current()) { self.center = center }

    func pendingRequests() async -> [NotificationRequestDescription] {
        await center.pendingNotificationRequests().compactMap { request in
            guard let trigger = request.trigger as? UNCalendarNotificationTrigger else { return nil }
            let info = request.content.userInfo.reduce(into: [String: String]()) { result, pair in
                if let key = pair.key as? String, let value = pair.value as? String { result[key] = value }
            }
            return NotificationRequestDescription(
                identifier: request.identifier, dateComponents: trigger.dateComponents,
                categoryIdentifier: request.content.categoryIdentifier, threadIdentifier: request.content.threadIdentifier,
                title: request.content.title, body: request.content.body, userInfo: info,
                fireAtMs: Int64(info[NotificationUserInfo.fireAtMs] ?? "") ?? 0)
        }
    }

    func add(_ request: NotificationRequestDescription) async throws {
        let content = UNMutableNotificationContent()
        content.title = request.title
        content.body = request.body
        content.categoryIdentifier = request.categoryIdentifier
        content.threadIdentifier = request.threadIdentifier
        content.userInfo = request.userInfo
        content.sound = .default
        content.interruptionLevel = request.categoryIdentifier == NotificationCategory.morningPain ? .timeSensitive : .active
        let trigger = UNCalendarNotificationTrigger(dateMatching: request.dateComponents, repeats: false)
        try await center.add(UNNotificationRequest(identifier: request.identifier, content: content, trigger: trigger))
    }

    func removePending(identifiers: [String]) {
        center.removePendingNotificationRequests(withIdentifiers: identifiers)
    }

    func removeDelivered(category: String, date: String) {
        center.getDeliveredNotifications { [center] delivered in
            let ids = delivered.filter {
                $0.request.content.categoryIdentifier == category
                    && $0.request.content.userInfo[NotificationUserInfo.date] as? String == date
            }.map(\.request.identifier)
            center.removeDeliveredNotifications(withIdentifiers: ids)
        }
    }

    /// The categories: morning pain opens the content extension's grid (its actions are the grid's
    /// buttons, not category actions: a category shows at most 10).
    static func registerCategories(center: UNUserNotificationCenter = .current()) {
        center.setNotificationCategories([
            UNNotificationCategory(identifier: NotificationCategory.morningPain, actions: [], intentIdentifiers: [],
                                   options: [.customDismissAction]),
            UNNotificationCategory(identifier: NotificationCategory.session, actions: [], intentIdentifiers: []),
            UNNotificationCategory(identifier: NotificationCategory.reassessment, actions: [], intentIdentifiers: []),
        ])
    }
}
#endif
