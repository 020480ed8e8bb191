import FirstStepCore

/// The guided session screen's whole state: one value (issue 26), like Kotlin's `SessionUiState`.
/// Built from the engine's state at the ticker's last look, the effort question, whether the records
/// are saved and the last refusal; SwiftUI switches over it.
public enum SessionUiState: Equatable {
    /// No session yet (opening, or refused: `message` says why).
    case loading(message: String?)
    /// Not started, running or paused: the figure, the tempo ring, the counts and the controls.
    case active(SessionState, exercise: ProgramExercise?, message: String?)
    /// Every step done: the peak-pain question (CLINICAL P1).
    case awaitingPain(SessionState, message: String?)
    /// Finished; the core's "how did the load feel?" waits for its answer before saving (rule P5).
    case askingEffort(SessionState, EffortQuestion, message: String?)
    /// Finished; `saved` once the records are in the journal.
    case finished(SessionState, saved: Bool, message: String?)

    public static func of(session: SessionState?, question: EffortQuestion?, saved: Bool, message: String?,
                          exercises: [ProgramExercise]) -> SessionUiState {
        guard let session else { return .loading(message: message) }
        switch session.status {
        case .awaitingPain: return .awaitingPain(session, message: message)
        case .finished:
            if let question, !saved { return .askingEffort(session, question, message: message) }
            return .finished(session, saved: saved, message: message)
        case .notStarted, .running, .paused:
            let exercise = exercises.first { $0.exerciseId == session.exerciseId && $0.level == session.level }
            return .active(session, exercise: exercise, message: message)
        }
    }

    /// Why the last action was refused, in every state.
    public var message: String? {
        switch self {
        case let .loading(message), let .active(_, _, message), let .awaitingPain(_, message),
             let .askingEffort(_, _, message), let .finished(_, _, message):
            return message
        }
    }
}

/// What the one-handed session screen writes, from the engine's state and today's plan entry. The
/// words are the shell's chrome around the core's numbers and labels; nothing is said twice (the
/// phase label is the core's "Up 3 s", the countdown a bare number beside it).
public struct SessionDisplay: Equatable {
    /// "Exercise 2 of 5 · Calf raises on a step".
    public var exerciseLine: String
    /// The core's tempo label: "Up 3 s", "Hold 2 s", "Rest 60 s".
    public var phaseLabel: String
    /// Whole seconds left in a timed step (rounded up, so "1" shows until the step ends); nil when untimed.
    public var countdown: Int?
    /// How full the tempo ring is (the core's step progress, 0…1); nil when the step is not timed.
    public var ring: Double?
    /// "Rep 4 of 15"; nil for a single hold or outside reps.
    public var repLine: String?
    /// "Set 2 of 3 · left"; nil when neither applies.
    public var setLine: String?
    /// "Load: backpack 5 kg" or "Load: body weight"; nil without the plan entry.
    public var loadLine: String?
    /// The plan's how-to steps (one tap away), numbered.
    public var howTo: [String]
    /// The runner taps "Rep done" (a self-paced rep).
    public var offersRepDone: Bool
    /// Pause or resume is the big button.
    public var paused: Bool

    public init(_ session: SessionState, exercise: ProgramExercise?) {
        exerciseLine = "Exercise \(session.exerciseIndex + 1) of \(session.exerciseCount) · \(session.exerciseName)"
        phaseLabel = session.phaseLabel
        countdown = session.secondsRemaining.map { Int($0.rounded(.up)) }
        ring = session.secondsRemaining == nil ? nil : min(max(session.stepProgress, 0), 1)
        repLine = session.rep > 0 && session.repCount > 1 ? "Rep \(session.rep) of \(session.repCount)" : nil
        var set: [String] = []
        if session.set > 0 { set.append("Set \(session.set) of \(session.setCount)") }
        switch session.side {
        case .left: set.append("left")
        case .right: set.append("right")
        case .both, .none: break
        }
        setLine = set.isEmpty ? nil : set.joined(separator: " · ")
        loadLine = exercise.map { "Load: \($0.load ?? "body weight")" }
        howTo = (exercise?.howTo ?? []).enumerated().map { "\($0.offset + 1). \($0.element)" }
        offersRepDone = session.phase == .selfPacedRep
        paused = session.status == .paused
    }

    /// design choice: the share of the screen's height the counts and controls take, at the bottom
    /// (issue 21: every control in the bottom 40 %).
    public static let controlsShare = 0.4
    /// design choice: the pause/resume button's height in points (issue 21: ≥ 64 pt).
    public static let pauseHeight = 64.0
}
