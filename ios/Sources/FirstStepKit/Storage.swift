import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the journal lives: `<Application Support>/FirstStep/journal.db`. On iOS the Application
/// Support directory is the App Group container's (`Library/Application Support`), so the
/// notification content extension writes the same journal; the directory gets the file protection
/// class `completeUntilFirstUserAuthentication` (a 07:00 tap on a locked phone, after the first unlock
/// since boot, can still write; SQLite's -wal/-shm files inherit it) and stays in device backups.
public enum JournalLocation {
    public static let directoryName = "FirstStep"
    public static let fileName = "journal.db"
    public static let snapshotName = "session-snapshot.txt"

    /// `<container>/Library/Application Support`, for an App Group container URL.
    public static func applicationSupport(inGroupContainer container: URL) -> URL {
        container.appendingPathComponent("Library", isDirectory: true).appendingPathComponent("Application Support", isDirectory: true)
    }

    /// Creates the directory (protected, backed up) and returns the journal's URL.
    public static func prepare(applicationSupport: URL) throws -> URL {
        let directory = applicationSupport.appendingPathComponent(directoryName, isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        #if os(iOS) || os(watchOS) || os(visionOS)
        try FileManager.default.setAttributes([.protectionKey: FileProtectionType.completeUntilFirstUserAuthentication],
                                              ofItemAtPath: directory.path)
        #endif
        #if canImport(Darwin)
        // Health history must survive a phone change: never excluded from iCloud / device backups.
        var values = URLResourceValues()
        values.isExcludedFromBackup = false
        var mutable = directory
        try mutable.setResourceValues(values)
        #endif
        return directory.appendingPathComponent(fileName)
    }
}

/// The guided session's snapshot in a small file next to the journal (written atomically after every
/// event), so a session survives the app being killed.
public final class FileSnapshotStore: SnapshotStore, @unchecked Sendable {
    private let url: URL
    public init(url: URL) { self.url = url }
    public func save(_ snapshot: String) { try? Data(snapshot.utf8).write(to: url, options: [.atomic]) }
    public func load() -> String? { (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) } }
    public func clear() { try? FileManager.default.removeItem(at: url) }
}

/// A monotonic clock that keeps counting while the device sleeps and is shared by every process
/// since boot, so a snapshot saved before the app was killed restores on the same time line
/// (Darwin: CLOCK_MONOTONIC_RAW, which includes sleep; Linux: CLOCK_BOOTTIME).
public struct BootClock: MonotonicClock {
    public init() {}
    public func nowMs() -> Int64 {
        var ts = timespec()
        #if os(Linux)
        clock_gettime(CLOCK_BOOTTIME, &ts)
        #else
        clock_gettime(CLOCK_MONOTONIC_RAW, &ts)
        #endif
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
    }
}
