#if canImport(SwiftUI) && canImport(UIKit)
import FirstStepKit
import SwiftUI

/// The way out FirstStepKit's `JournalProblem` names, as a button: export what can be read (the
/// Settings tab's export), keep reading (dismiss), or update the app. No decision here.
struct JournalProblemAction: View {
    let problem: JournalProblem
    /// Read-only journal: the runner keeps reading; the message goes.
    var keepReading: () -> Void
    @Environment(AppServices.self) private var services
    @Environment(\.openURL) private var openURL

    var body: some View {
        if let label = problem.actionLabel {
            Button(label) {
                switch problem.wayOut {
                case .exportReadable?: services.tab = .settings
                case .openForReading?: keepReading()
                // design choice: the App Store's updates page (the app's own id is not known before release).
                case .updateApp?: openURL(URL(string: "itms-apps://apps.apple.com/updates")!)
                case nil: break
                }
            }
        }
    }
}
#endif
