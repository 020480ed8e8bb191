#if canImport(SwiftUI) && canImport(UIKit)
import FirstStepKit
import Foundation
import Observation
import UserNotifications

/// The app's long-lived objects: the repository on the shared journal, the notification re-planner,
/// the guided-session controller. Screen models get `journalChanged`: after each write the screens the
/// core names (`screensToRefresh`) reload, and the reminders are re-planned when it names them.
@MainActor
@Observable
final class AppServices {
    static let shared = AppServices()

    enum Tab: Hashable { case home, trend, progress, lessons, settings }

    let repository: FirstStepRepository?
    /// Why the journal could not be opened (it is never deleted: the core's message names the file).
    let openError: String?
    /// The same, with its way out (damaged, read-only, too new), when the core says which.
    let openProblem: JournalProblem?
    /// Each screen's reload generation; views reload with `.task(id: stale.generation(screen))`.
    private(set) var stale = StaleScreens()
    var tab: Tab = .home
    /// Set when a morning notification was tapped: home offers that date's grid.
    var painDate: String?
    private(set) var lastReplan: ReplanResult?
    private var replanner: ReminderReplanner?
    private(set) var session: SessionController?

    private init() {
        do {
            let repository = try AppGroup.openRepository()
            self.repository = repository
            openError = nil
            openProblem = nil
            replanner = ReminderReplanner(repository: repository, center: UserNotificationCenterPort())
            session = SessionController(repository: repository)
        } catch {
            repository = nil
            openError = "\(error)"
            openProblem = JournalProblem(error)
        }
    }

    /// Given to every screen model that writes: the core's stale screens reload, and the reminders
    /// are re-planned when the core lists them.
    var journalChanged: JournalChangeHandler {
        { [weak self] write in
            guard let self else { return }
            stale.record(write)
            guard let replanner else { return }
            Task { if let result = try? await replanner.replan(after: write) { lastReplan = result } }
        }
    }

    func replan(_ reason: ReplanReason) {
        guard let replanner else { return }
        Task {
            // Asking for permission is done from the onboarding's last page, not at launch.
            lastReplan = try? await replanner.replan(reason)
        }
    }

    func requestNotificationPermission() async {
        _ = try? await UNUserNotificationCenter.current().requestAuthorization(options: [.alert, .sound, .badge])
        replan(.foreground)
    }

    func open(category: String, date: String?) {
        switch category {
        case NotificationCategory.morningPain: tab = .home; painDate = date
        case NotificationCategory.reassessment: tab = .progress
        default: tab = .home
        }
    }
}
#endif
