import FirstStepCore

/// The one-line size of a day's work (rule V1: at most 5 exercises, about 20 minutes), from the
/// core's count and minutes: "4 exercises · about 17 min". Only formatting: the minutes are the
/// core's estimate (`DayPlan.minutes`, `Program.minutesPerDay`); 0 means the core gave no estimate
/// (a program stored before V1), and then only the count is shown.
public enum PlanSummary {
    public static func text(exercises: Int, minutes: UInt32) -> String {
        let count = exercises == 1 ? "1 exercise" : "\(exercises) exercises"
        return minutes > 0 ? "\(count) · about \(minutes) min" : count
    }

    /// Today's plan: "N exercises · about M min".
    public static func text(_ plan: DayPlan) -> String { text(exercises: plan.exercises.count, minutes: plan.minutes) }

    /// The whole program on its busier day: "N exercises · about M min a day".
    public static func text(_ program: Program) -> String {
        let base = text(exercises: program.exercises.count, minutes: program.minutesPerDay)
        return program.minutesPerDay > 0 ? "\(base) a day" : base
    }
}
