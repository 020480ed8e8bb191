import FirstStepCore
import Foundation

/// The Live Activity's `ContentState` (ActivityKit requires Codable & Hashable): the current step of
/// the guided session as the core's engine reports it. The countdown is not updated every second:
/// `stepEndsAt` feeds `Text(timerInterval:)`, which counts by itself.
public struct SessionActivityContent: Codable, Hashable, Sendable {
    public var exerciseName: String
    public var exerciseIndex: Int
    public var exerciseCount: Int
    public var set: Int
    public var setCount: Int
    public var rep: Int
    public var repCount: Int
    /// "left", "right", "both" or "none" (both feet together).
    public var side: String
    /// The core's label, e.g. "Down 3 s".
    public var phaseLabel: String
    public var paused: Bool
    /// Wall-clock end of the current step while running; nil when paused, self-paced or done.
    public var stepEndsAt: Date?
    /// Seconds left, frozen while paused (shown as a static value).
    public var secondsRemaining: Double?
    public var sessionProgress: Double
    /// All steps are done: the activity asks for the end-of-session pain in the app.
    public var awaitingPain: Bool

    public init(_ state: SessionState, wallNow: Date) {
        exerciseName = state.exerciseName
        exerciseIndex = Int(state.exerciseIndex)
        exerciseCount = Int(state.exerciseCount)
        set = Int(state.set)
        setCount = Int(state.setCount)
        rep = Int(state.rep)
        repCount = Int(state.repCount)
        side = "\(state.side)"
        phaseLabel = state.phaseLabel
        paused = state.status == .paused
        secondsRemaining = state.secondsRemaining
        stepEndsAt = state.status == .running ? state.secondsRemaining.map { wallNow.addingTimeInterval($0) } : nil
        sessionProgress = state.sessionProgress
        awaitingPain = state.status == .awaitingPain
    }
}

/// Decides when the Live Activity is updated: at step changes and status changes only (ActivityKit
/// budgets updates; the countdown runs by itself between them). Feed it every state the ticker
/// publishes; it returns the content to push, or nil.
public final class SessionActivityFeed {
    private struct StepKey: Equatable {
        var status: SessionStatus
        var exerciseIndex: UInt32
        var set: UInt32
        var rep: UInt32
        var side: Side
        var phase: Phase
        var label: String
    }

    private var last: StepKey?
    public private(set) var updates = 0

    public init() {}

    public func content(for state: SessionState, wallNow: Date) -> SessionActivityContent? {
        let key = StepKey(status: state.status, exerciseIndex: state.exerciseIndex, set: state.set, rep: state.rep,
                          side: state.side, phase: state.phase, label: state.phaseLabel)
        guard key != last else { return nil }
        last = key
        updates += 1
        return SessionActivityContent(state, wallNow: wallNow)
    }

    /// Forget the last step (a restored session pushes its state again).
    public func reset() { last = nil }
}

/// What a cue does besides being shown: speech (the core's text), a tone, a haptic at set ends.
public struct CueAction: Equatable, Sendable {
    public enum Haptic: String, Equatable, Sendable { case setDone, exerciseDone, sessionDone }
    public var speak: String
    /// Countdown beeps are tones, not words.
    public var tone: Bool
    public var haptic: Haptic?

    public static func of(_ cue: Cue) -> CueAction {
        switch cue.kind {
        case .countdown3, .countdown2, .countdown1: return CueAction(speak: "", tone: true, haptic: nil)
        case .setDone: return CueAction(speak: cue.text, tone: false, haptic: .setDone)
        case .exerciseDone: return CueAction(speak: cue.text, tone: false, haptic: .exerciseDone)
        case .sessionDone: return CueAction(speak: cue.text, tone: false, haptic: .sessionDone)
        case .getReady, .up, .hold, .down, .rest, .switchSides: return CueAction(speak: cue.text, tone: false, haptic: nil)
        }
    }
}
