import FirstStepCore

/// One answer to "how did the load feel?" (rule P5), with its chrome label.
public struct EffortChoice: Equatable, Sendable {
    public var effort: Effort
    public var label: String
    public var detail: String
}

/// The question after a guided session (rule P5: Rathleff's stages are loaded by effort, "a load
/// where 12 is the most you can do with good form"). Asked only when an exercise the runner did
/// (at least one set) is one the core marks `asksEffort`; the answer goes on those exercises'
/// records before they are saved. Whether the load changes is the core's decision, the next morning
/// (`add_load` when too easy on a Rathleff stage). Skipping is allowed: the session still counts.
public struct EffortPrompt: Equatable, Sendable {
    /// The answers offered, in order (chrome: the effect of each is the core's rule P5).
    public static let choices: [EffortChoice] = [
        EffortChoice(effort: .tooEasy, label: "Too easy", detail: "I could have done several more with good form"),
        EffortChoice(effort: .right, label: "About right", detail: "The last reps were hard, form still good"),
        EffortChoice(effort: .tooHard, label: "Too hard", detail: "I could not finish them with good form"),
    ]

    /// The program exercises done in this session whose load is set by effort, in session order.
    public var exercises: [ProgramExercise]

    /// The question, naming the exercises: "How did the load feel? Calf and plantar fascia loading".
    public var question: String { "How did the load feel?" }
    public var exerciseNames: String { exercises.map { "\($0.name) (\($0.levelName))" }.joined(separator: ", ") }

    /// The prompt for a finished session's `records`, or nil when no done exercise asks for effort.
    public init?(records: [SessionRecord], program: Program?) {
        guard let program else { return nil }
        let asking = Dictionary(program.exercises.filter(\.asksEffort).map { ($0.exerciseId, $0) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<String>()
        let done = records.filter { $0.setsDone > 0 }.compactMap { record -> ProgramExercise? in
            guard let exercise = asking[record.exerciseId], seen.insert(record.exerciseId).inserted else { return nil }
            return exercise
        }
        if done.isEmpty { return nil }
        exercises = done
    }

    /// The ids the answer applies to.
    public var exerciseIds: Set<String> { Set(exercises.map(\.exerciseId)) }

    /// `records` with the answer on the exercises this prompt asked about (nil: not answered).
    public func apply(_ effort: Effort?, to records: [SessionRecord]) -> [SessionRecord] {
        let ids = exerciseIds
        return records.map { record in
            guard ids.contains(record.exerciseId), record.setsDone > 0 else { return record }
            var answered = record
            answered.effort = effort
            return answered
        }
    }
}
