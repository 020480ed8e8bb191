import Dispatch
import FirstStepCore

/// The data layer: the core's `FirstStep` object behind async functions. Every call is a blocking
/// FFI call that may touch SQLite, so it runs on a private serial queue (never the UI thread nor the
/// cooperative pool); "now" always comes from `clock` (tests pin it). Errors are the core's typed
/// `FirstStepError`s, passed through unchanged.
public final class FirstStepRepository: @unchecked Sendable {
    public let core: FirstStep
    private let clock: MomentClock
    private let queue = DispatchQueue(label: "app.firststep.repository")

    public init(core: FirstStep, clock: MomentClock = SystemMomentClock()) {
        self.core = core
        self.clock = clock
    }

    /// Opens (or creates) the journal at `path`.
    public static func open(path: String, clock: MomentClock = SystemMomentClock()) throws -> FirstStepRepository {
        FirstStepRepository(core: try FirstStep.open(path: path), clock: clock)
    }

    /// Today's local date (YYYY-MM-DD) as the core sees it.
    public func today() async throws -> String { try await run { try localDate(moment: $1) } }

    public func home() async throws -> HomeScreen { try await run { try $0.home(now: $1) } }

    public func submitAssessmentJson(_ json: String) async throws -> AssessmentResult {
        try await run { try $0.submitAssessmentJson(now: $1, answersJson: json) }
    }

    /// Morning first-step pain (0–10) for `date` (default today).
    public func logPain(_ score: Int, stiffnessMinutes: Int? = nil, note: String? = nil, date: String? = nil) async throws -> MorningLog {
        try await run { try $0.logPain(now: $1, date: date, score: Int64(score), stiffnessMinutes: stiffnessMinutes.map(Int64.init), note: note) }
    }

    /// Today's single-leg hop check (rule P8): heel pain 0–10 during or after 10 hops.
    public func recordHopCheck(_ pain: Int) async throws -> HopCheck {
        try await run { try $0.recordHopCheck(now: $1, pain: Int64(pain)) }
    }

    /// Accepts today's maintenance offer (rule P9); returns today's plan, now the maintenance plan.
    public func acceptMaintenance() async throws -> DayPlan {
        try await run { try $0.acceptMaintenance(now: $1) }
    }

    /// Declines today's maintenance offer (rule P9): the full program continues.
    public func declineMaintenance() async throws -> DayPlan {
        try await run { try $0.declineMaintenance(now: $1) }
    }

    public func logRun(distanceKm: Double, minutes: Double? = nil, painDuring: Int? = nil, painAfter: Int? = nil, date: String? = nil) async throws -> RunLog {
        try await run {
            try $0.logRun(now: $1, date: date, distanceKm: distanceKm, minutes: minutes, painDuring: painDuring.map(Int64.init),
                          painAfter: painAfter.map(Int64.init), surface: nil, shoes: nil)
        }
    }

    /// An exercise done without the guide: give `reps` for rep exercises or `holdSeconds` for holds.
    /// `effort` / `repsInReserve` are the optional answer to "how did the load feel?" (rule P5).
    public func logSession(exerciseId: String, sets: Int, reps: Int? = nil, holdSeconds: Int? = nil, peakPain: Int,
                           completed: Bool = true, date: String? = nil, effort: Effort? = nil,
                           repsInReserve: Int? = nil) async throws -> SessionRecord {
        try await run {
            try $0.logSession(now: $1, date: date, exerciseId: exerciseId, sets: Int64(sets), reps: reps.map(Int64.init),
                              holdSeconds: holdSeconds.map(Int64.init), peakPain: Int64(peakPain), completed: completed,
                              effort: effort, repsInReserve: repsInReserve.map(Int64.init))
        }
    }

    /// The sessions logged from `from` to `to` (inclusive), as stored.
    public func sessions(from: String, to: String) async throws -> [SessionRecord] {
        try await run { core, _ in try core.sessions(from: from, to: to) }
    }

    // Return to run (RR1).

    /// Takes the return-to-run self-test today; the core grades it with the logged mornings.
    public func takeReturnToRunTest(_ answers: ReturnToRunAnswers) async throws -> ReturnToRunCheck {
        try await run { try $0.takeReturnToRunTest(now: $1, answers: answers) }
    }

    /// Every self-test taken, oldest first.
    public func returnToRunChecks() async throws -> [ReturnToRunCheck] { try await run { core, _ in try core.returnToRunChecks() } }

    // PSFS (M2).

    /// Names the 3–5 activities; the core validates them (count, length, repeats).
    public func setPsfsActivities(_ names: [String]) async throws -> [PsfsActivity] {
        try await run { try $0.setPsfsActivities(now: $1, names: names) }
    }

    /// Rates every activity once (0–10) on `date` (default today).
    public func ratePsfs(_ ratings: [PsfsRating], date: String? = nil) async throws -> Psfs {
        try await run { try $0.ratePsfs(now: $1, date: date, ratings: ratings) }
    }

    /// The PSFS screen as of today (empty with an inviting sentence when no activities are named).
    public func psfs() async throws -> Psfs { try await run { try $0.psfs(now: $1) } }

    public func progress(plannedRunKm: Double? = nil) async throws -> ProgressReport {
        try await run { try $0.progress(now: $1, plannedRunKm: plannedRunKm) }
    }

    /// The trend with its chart computed by the core (axes, legend, readouts, load charts; issue 22).
    public func trendChart(weeks: Int) async throws -> TrendChartData {
        try await run { try $0.trendChart(end: try localDate(moment: $1), weeks: UInt32(weeks)) }
    }

    /// The recovery trend over `weeks` (4, 8 or 12) ending today.
    public func trend(weeks: Int) async throws -> Trend {
        try await run { try $0.trend(end: try localDate(moment: $1), weeks: UInt32(weeks)) }
    }

    public func reminders() async throws -> [Reminder] { try await run { try $0.reminders(now: $1) } }

    /// Cancels, schedules and keeps platform reminders so they match the core's plan.
    public func syncReminders(_ scheduler: ReminderScheduler) async throws -> ReminderPlan {
        let desired = try await reminders()
        return ReminderSync.apply(desired, to: scheduler)
    }

    public func startSession() async throws -> GuidedSession { try await run { try $0.startSession(now: $1) } }

    public func saveSession(_ records: [SessionRecord]) async throws {
        try await run { try $0.saveSession(now: $1, records: records) }
    }

    /// The core's effort question for a finished session's records (rule P5), nil when it asks none.
    public func effortQuestion(_ records: [SessionRecord]) async throws -> EffortQuestion? {
        try await run { core, _ in try core.effortQuestion(records: records) }
    }

    /// Saves a finished session with the answer to `effortQuestion` (nil: skipped), all or nothing.
    public func saveSessionWithEffort(_ records: [SessionRecord], effort: Effort?) async throws {
        try await run { try $0.saveSessionWithEffort(now: $1, records: records, effort: effort) }
    }

    public func settings() async throws -> Settings { try await run { core, _ in try core.settings() } }

    public func saveSettings(_ settings: Settings) async throws { try await run { core, _ in try core.saveSettings(settings: settings) } }

    public func exportJson() async throws -> String { try await run { try $0.exportJson(now: $1) } }

    public func importJson(_ json: String) async throws -> ImportReport { try await run { try $0.importJson(now: $1, json: json) } }

    // Screens of the app (issue 14). Pure catalogue calls need no "now" but still leave the caller's thread.

    public func safetyQuestions() async -> [SafetyQuestion] { (try? await run { core, _ in core.safetyQuestions() }) ?? [] }

    public func submitSafetyScreen(yesIds: [String]) async throws -> SafetyResult {
        try await run { try $0.submitSafetyScreen(now: $1, yesIds: yesIds) }
    }

    public func assessmentCatalogue() async -> [AssessmentItem] { (try? await run { core, _ in core.assessmentCatalogue() }) ?? [] }

    public func latestAssessment() async throws -> AssessmentResult? { try await run { core, _ in try core.latestAssessment() } }

    public func exerciseLibrary() async -> [Exercise] { (try? await run { core, _ in core.exerciseLibrary() }) ?? [] }

    public func program() async throws -> Program? { try await run { core, _ in try core.program() } }

    public func painEntries(from: String, to: String) async throws -> [PainEntry] {
        try await run { core, _ in try core.painEntries(from: from, to: to) }
    }

    public func runs(from: String, to: String) async throws -> [RunRecord] { try await run { core, _ in try core.runs(from: from, to: to) } }

    public func painCsv() async throws -> String { try await run { core, _ in try core.painCsv() } }

    /// Removes the pain logged for `date` and what that log changed (the notification's undo).
    public func undoPain(date: String) async throws -> MorningUndo {
        try await run { try CoreSeams.undoPain($0, date: date, now: $1) }
    }

    /// A visit to a clinician (default today); `cleared` lets an urgent screen be re-taken (R1), and
    /// any visit clears the escalation banner (R4).
    public func recordClinicianVisit(date: String? = nil, cleared: Bool) async throws -> ClinicianVisit {
        try await run { try $0.recordClinicianVisit(now: $1, date: date, cleared: cleared) }
    }

    /// "Now" as the repository passes it to the core (the notification planner needs the same zone).
    public func now() -> Moment { clock.now() }

    /// Runs `body` with the core on the repository's queue (for calls without a wrapper here).
    public func withCore<T>(_ body: @escaping (FirstStep, Moment) throws -> T) async throws -> T { try await run(body) }

    private func run<T>(_ body: @escaping (FirstStep, Moment) throws -> T) async throws -> T {
        let core = core, clock = clock
        return try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body(core, clock.now()) }) }
        }
    }
}
