#if canImport(UserNotificationsUI) && canImport(SwiftUI)
import FirstStepKit
import Observation
import SwiftUI
import UIKit
import UserNotifications
import UserNotificationsUI

/// The morning reminder's content extension: the 11-value pain grid logs the exact score into the
/// shared journal without opening the app (a category could show only 10 actions), then "Logged N"
/// with an undo. The tap carries the reminder's date from `userInfo`, so a tap after midnight logs the
/// morning it asked about, or shows the core's refusal.
final class NotificationViewController: UIViewController, UNNotificationContentExtension {
    private var host: UIHostingController<QuickLogView>?

    func didReceive(_ notification: UNNotification) {
        let date = QuickLogModel.reminderDate(notification.request.content.userInfo)
        let root = QuickLogView(body: notification.request.content.body, date: date)
        let host = UIHostingController(rootView: root)
        addChild(host)
        host.view.translatesAutoresizingMaskIntoConstraints = false
        view.addSubview(host.view)
        NSLayoutConstraint.activate([
            host.view.leadingAnchor.constraint(equalTo: view.leadingAnchor),
            host.view.trailingAnchor.constraint(equalTo: view.trailingAnchor),
            host.view.topAnchor.constraint(equalTo: view.topAnchor),
            host.view.bottomAnchor.constraint(equalTo: view.bottomAnchor),
        ])
        host.didMove(toParent: self)
        self.host = host
    }
}

@MainActor
@Observable
private final class QuickLogStore {
    var state = QuickLogUiState()
    let model: QuickLogModel?
    let openError: String?

    init() {
        do {
            let repository = try AppGroup.openRepository()
            let replanner = ReminderReplanner(repository: repository, center: UserNotificationCenterPort())
            let model = QuickLogModel(repository: repository) { change in
                Task { try? await replanner.replan(.journal(change)) }
            }
            self.model = model
            openError = nil
            model.onChange = { [weak self, weak model] in if let model { self?.state = model.state } }
        } catch {
            model = nil
            openError = "\(error)"
        }
    }
}

private struct QuickLogView: View {
    let body_: String
    let date: String?
    @State private var store = QuickLogStore()

    init(body: String, date: String?) {
        self.body_ = body
        self.date = date
    }

    var body: some View {
        let state = store.state
        VStack(alignment: .leading, spacing: 12) {
            Text(body_).font(.headline)
            if let logged = state.logged {
                HStack {
                    Label("Logged \(logged.score)", systemImage: "checkmark.circle.fill").foregroundStyle(.green)
                    Spacer()
                    Button("Undo") { Task { await store.model?.undo() } }.disabled(state.busy)
                }
            } else if state.undone {
                Text("Undone")
            }
            if state.logged == nil {
                PainGrid(selected: state.tapped, disabled: state.busy || store.model == nil) { value in
                    Task { await store.model?.tap(value, reminderDate: date) }
                }
            }
            if let message = state.message ?? store.openError { Text(message).foregroundStyle(.red).font(.footnote) }
        }
        .padding()
    }
}
#endif
