import FirstStepCore
import Foundation

/// "Now" as the core needs it: the wall-clock instant and the runner's IANA time zone. The core
/// derives every local date from it; the shell never computes dates itself.
public protocol MomentClock: Sendable {
    func now() -> Moment
}

/// The device clock and the device's current zone (re-read on every call, so travel is followed).
public struct SystemMomentClock: MomentClock {
    public init() {}
    public func now() -> Moment {
        Moment(instantMs: Int64((Date().timeIntervalSince1970 * 1000).rounded()), timeZone: TimeZone.current.identifier)
    }
}

/// Milliseconds on a clock that never jumps; the guided session is timed on it.
public protocol MonotonicClock: Sendable {
    func nowMs() -> Int64
}

/// Process uptime in ms (the app may pass a clock that survives relaunch, e.g. `clock_gettime(CLOCK_BOOTTIME)`).
public struct UptimeClock: MonotonicClock {
    public init() {}
    public func nowMs() -> Int64 { Int64(DispatchTime.now().uptimeNanoseconds / 1_000_000) }
}

/// Waits for the next tick. The deadline is absolute on `clock`, so a tick is never pushed later by
/// the time it took to get here; tests inject one that follows a manual clock.
public protocol Sleeper: Sendable {
    func sleep(until deadlineMs: Int64, on clock: MonotonicClock) async throws
}

public struct TaskSleeper: Sleeper {
    public init() {}
    public func sleep(until deadlineMs: Int64, on clock: MonotonicClock) async throws {
        let wait = deadlineMs - clock.nowMs()
        if wait > 0 { try await Task.sleep(nanoseconds: UInt64(wait) * 1_000_000) }
    }
}
