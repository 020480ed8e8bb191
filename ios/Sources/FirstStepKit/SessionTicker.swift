import FirstStepCore

/// Where cues go: a sound/haptic/voice line, and a visible banner.
public protocol CuePlayer: AnyObject {
    /// Every cue, on time or late: the screen shows it.
    func show(_ cue: Cue)
    /// Only cues that are on time: a stale "up" sound after the app was in the background would mislead.
    func play(_ cue: Cue)
}

/// Persists the session snapshot so a killed app can continue the session (iOS: a small file).
/// Synchronous on purpose: the snapshot is a short string, and saving it inside the event keeps
/// events, ticks and cues strictly ordered.
public protocol SnapshotStore: AnyObject {
    func save(_ snapshot: String)
    func load() -> String?
    func clear()
}

/// Drives a `GuidedSession`: while it runs, asks the core for the state every `tickMs` on the
/// clock's time line and publishes it; maps the runner's taps to events. The core owns timing (the
/// state at an instant is derived from the start and the pauses), so a late or dropped tick never
/// makes the timer drift; the ticker only decides how often to look.
///
/// After every event the snapshot is saved, before the new state is published.
public actor SessionTicker {
    /// Design choice: 10 Hz is smooth for a progress ring and far below the 1 s "late" threshold.
    public static let defaultTickMs: Int64 = 100

    private let session: GuidedSession
    private let clock: MonotonicClock
    private let sleeper: Sleeper
    private let cues: CuePlayer
    private let snapshots: SnapshotStore
    private let tickMs: Int64
    private var ticking: Task<Void, Never>?
    /// Identifies the current tick loop, so a cancelled loop waking late cannot tick.
    private var loopId = 0
    private var observers: [(SessionState) -> Void] = []

    /// The latest state; nil until the first event or tick.
    public private(set) var state: SessionState?
    /// When `state` was computed, on the monotonic clock.
    public private(set) var stateAtMs: Int64?
    /// Whether the tick loop is running (only while the session runs).
    public var isTicking: Bool { ticking != nil }

    public init(session: GuidedSession, clock: MonotonicClock, sleeper: Sleeper = TaskSleeper(), cues: CuePlayer,
                snapshots: SnapshotStore, tickMs: Int64 = SessionTicker.defaultTickMs) {
        precondition(tickMs > 0, "tickMs must be positive")
        self.session = session
        self.clock = clock
        self.sleeper = sleeper
        self.cues = cues
        self.snapshots = snapshots
        self.tickMs = tickMs
    }

    /// Re-creates a ticker from a saved snapshot (after the OS killed the app) and resumes ticking
    /// if the session was running. The clock must be the same time line as before.
    public static func restore(snapshot: String, clock: MonotonicClock, sleeper: Sleeper = TaskSleeper(), cues: CuePlayer,
                               snapshots: SnapshotStore, tickMs: Int64 = SessionTicker.defaultTickMs) async throws -> SessionTicker {
        let ticker = SessionTicker(session: try GuidedSession.restore(snapshot: snapshot), clock: clock, sleeper: sleeper,
                                   cues: cues, snapshots: snapshots, tickMs: tickMs)
        try await ticker.refresh()
        return ticker
    }

    /// Calls `observer` with every new state (the view model's hook).
    public func observe(_ observer: @escaping (SessionState) -> Void) { observers.append(observer) }

    @discardableResult public func start() throws -> SessionState { try send(.start(atMs: clock.nowMs())) }
    @discardableResult public func pause() throws -> SessionState { try send(.pause(atMs: clock.nowMs())) }
    @discardableResult public func resume() throws -> SessionState { try send(.resume(atMs: clock.nowMs())) }
    @discardableResult public func skipStep() throws -> SessionState { try send(.skipStep(atMs: clock.nowMs())) }
    @discardableResult public func repeatStep() throws -> SessionState { try send(.repeatStep(atMs: clock.nowMs())) }
    @discardableResult public func repDone() throws -> SessionState { try send(.repDone(atMs: clock.nowMs())) }

    /// Ends the session with the peak pain felt during it (0–10, CLINICAL P1).
    @discardableResult public func finish(peakPain: Int) throws -> SessionState {
        // Out-of-range pain must reach the core as an InvalidInput, not wrap around in the UInt8.
        try send(.finish(atMs: clock.nowMs(), peakPain: UInt8(exactly: peakPain) ?? UInt8.max))
    }

    /// One journal record per exercise; valid once finished.
    public func records() throws -> [SessionRecord] { try session.records() }

    /// Asks for the current state now (e.g. when the app returns to the foreground).
    @discardableResult public func refresh() throws -> SessionState {
        let state = try tick()
        updateTicking(state.status)
        return state
    }

    /// One look at the clock; the tick loop calls it every `tickMs`.
    @discardableResult public func tick() throws -> SessionState {
        let now = clock.nowMs()
        return try publish(session.stateAt(nowMs: now), at: now)
    }

    /// Stops ticking; the session stays valid (its snapshot is saved).
    public func stop() {
        ticking?.cancel()
        ticking = nil
    }

    private func send(_ event: SessionEvent) throws -> SessionState {
        let state = try session.handle(event: event)
        snapshots.save(session.snapshot())
        publish(state, at: event.atMs)
        updateTicking(state.status)
        return state
    }

    @discardableResult
    private func publish(_ state: SessionState, at ms: Int64) -> SessionState {
        for cue in state.cues {
            cues.show(cue)
            if !cue.late { cues.play(cue) }
        }
        self.state = state
        stateAtMs = ms
        observers.forEach { $0(state) }
        return state
    }

    private func updateTicking(_ status: SessionStatus) {
        guard status == .running else { return stop() }
        guard ticking == nil else { return }
        loopId += 1
        let sleeper = sleeper, clock = clock, id = loopId
        let first = clock.nowMs() + tickMs
        ticking = Task { [weak self] in
            var next: Int64? = first
            while let deadline = next, !Task.isCancelled {
                do { try await sleeper.sleep(until: deadline, on: clock) } catch { return }
                next = await self?.tickFromLoop(id, scheduledAt: deadline)
            }
        }
    }

    /// A tick from loop `id`; returns when to look next, or nil to end that loop (replaced, session
    /// no longer running, or refused).
    private func tickFromLoop(_ id: Int, scheduledAt deadline: Int64) -> Int64? {
        guard id == loopId, ticking != nil else { return nil }
        let now = clock.nowMs()
        guard let state = try? publish(session.stateAt(nowMs: now), at: now), state.status == .running else {
            ticking = nil
            return nil
        }
        // After a stall (app suspended), skip the missed looks instead of bursting them.
        let next = deadline + tickMs
        return next > now ? next : now + tickMs
    }
}

extension SessionEvent {
    /// The event's timestamp.
    var atMs: Int64 {
        switch self {
        case let .start(atMs), let .pause(atMs), let .resume(atMs), let .skipStep(atMs), let .repeatStep(atMs), let .repDone(atMs):
            return atMs
        case let .finish(atMs, _):
            return atMs
        }
    }
}
