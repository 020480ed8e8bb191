#if canImport(SwiftUI) && canImport(UIKit)
import FirstStepKit
import SwiftUI
import UIKit
import UserNotifications

@main
struct FirstStepApp: App {
    @UIApplicationDelegateAdaptor(AppDelegate.self) private var delegate
    @Environment(\.scenePhase) private var scenePhase

    var body: some Scene {
        WindowGroup {
            RootView()
                .environment(AppServices.shared)
        }
        .onChange(of: scenePhase) { _, phase in
            if phase == .active { AppServices.shared.replan(.foreground) }
        }
    }
}

/// Launch-time wiring: notification categories and delegate, re-plan on launch and on significant
/// time and time-zone changes.
final class AppDelegate: NSObject, UIApplicationDelegate, UNUserNotificationCenterDelegate {
    func application(_ application: UIApplication,
                     didFinishLaunchingWithOptions launchOptions: [UIApplication.LaunchOptionsKey: Any]? = nil) -> Bool {
        let center = UNUserNotificationCenter.current()
        center.delegate = self
        UserNotificationCenterPort.registerCategories(center: center)
        let services = AppServices.shared
        services.replan(.launch)
        let notes = NotificationCenter.default
        notes.addObserver(forName: UIApplication.significantTimeChangeNotification, object: nil, queue: .main) { _ in
            MainActor.assumeIsolated { services.replan(.significantTimeChange) }
        }
        notes.addObserver(forName: .NSSystemTimeZoneDidChange, object: nil, queue: .main) { _ in
            MainActor.assumeIsolated { services.replan(.timeZoneChange) }
        }
        return true
    }

    /// Shown while the app is open: keep the banner (the grid is one long-press away).
    func userNotificationCenter(_ center: UNUserNotificationCenter, willPresent notification: UNNotification) async
        -> UNNotificationPresentationOptions { [.banner, .list, .sound] }

    /// A plain tap on a reminder opens the matching screen; the morning one opens home with its date.
    func userNotificationCenter(_ center: UNUserNotificationCenter, didReceive response: UNNotificationResponse) async {
        let content = response.notification.request.content
        await MainActor.run {
            AppServices.shared.open(category: content.categoryIdentifier,
                                    date: content.userInfo[NotificationUserInfo.date] as? String)
        }
    }
}
#endif
