import FirstStepKit
import Foundation

/// The App Group the app, the widget extension and the notification content extension share, so all
/// three open the same journal (a tap in the notification writes without opening the app).
enum AppGroup {
    static let identifier = "group.app.firststep"

    /// `<group container>/Library/Application Support` (falls back to the app's own when the
    /// entitlement is missing, e.g. in a unit-test host).
    static var applicationSupport: URL {
        if let container = FileManager.default.containerURL(forSecurityApplicationGroupIdentifier: identifier) {
            return JournalLocation.applicationSupport(inGroupContainer: container)
        }
        return FileManager.default.urls(for: .applicationSupportDirectory, in: .userDomainMask)[0]
    }

    /// Opens the shared journal (protected until first unlock, included in backups).
    static func openRepository() throws -> FirstStepRepository {
        let url = try JournalLocation.prepare(applicationSupport: applicationSupport)
        return try FirstStepRepository.open(path: url.path)
    }

    static var snapshotURL: URL {
        applicationSupport.appendingPathComponent(JournalLocation.directoryName, isDirectory: true)
            .appendingPathComponent(JournalLocation.snapshotName)
    }
}
