import FirstStepCore

// View models: plain classes (no Combine/Observation, so they build and test on Linux). The iOS app
// observes them through `onChange` (or wraps them in an @Observable model) and calls them from the
// main actor; they are not meant to be shared across threads.

/// What the home screen shows once loaded.
public struct HomeContent {
    public var home: HomeScreen
    /// A message for the runner (e.g. why a value was refused); nil when there is nothing to say.
    public var message: String?
    /// What the core announced after a log: level changes (P4, P7, P8) and load added (P5).
    public var announcements: [Announcement] = []
    /// The journal refused a write (damaged, read-only, too new): its way out, shown with `message`.
    public var problem: JournalProblem?

    public init(home: HomeScreen, message: String? = nil, announcements: [Announcement] = [], problem: JournalProblem? = nil) {
        self.home = home; self.message = message; self.announcements = announcements; self.problem = problem
    }

    /// The referral / caution banner shown above everything (the core's text).
    public var banner: HomeBanner? { CoreSeams.banner(home) }
    /// Whether the one-tap 0–10 row is offered (today not logged yet); after logging it is an edit.
    public var painLoggedToday: Bool { home.lastPain?.date == home.date }
    /// Today's plan in one line (rule V1): "N exercises · about M min"; nil without a plan.
    public var planSummary: String? { home.plan.map(PlanSummary.text) }
    /// A PSFS rating is due (rule M2): the home screen offers it.
    public var psfsDue: Bool { home.psfsDue }
    /// rule P7: a flare this morning — the core's sentence and rule; nil on other mornings.
    public var flare: RuleNote? { home.plan?.flare }
    /// rule P8: hopping levels held by the impact gate (what is missing), nil when none is held.
    public var impactHold: RuleNote? { home.plan?.impactHold }
    /// rule P8: the hop-check question when it is due (answer with `answerHopCheck`).
    public var hopCheckQuestion: String? { home.plan?.hopCheckQuestion }
    /// rule P9: the maintenance offer (answer with `answerMaintenance`), maintenance itself, or the
    /// full program's return and why — the core's sentence, state and rule.
    public var maintenance: MaintenanceNote? { home.plan?.maintenance }
    /// Today's exercises with their done state, in plan order.
    public var exercises: [(exercise: ProgramExercise, done: Bool)] {
        guard let plan = home.plan else { return [] }
        return plan.exercises.map { ($0, home.doneToday.contains($0.exerciseId)) }
    }
}

/// The home screen's state: loading, the home screen, or why it could not be read.
public typealias HomeUiState = ScreenState<HomeContent>

/// Home screen: today's plan, last pain, streak and next step, the running card, any referral
/// banner, plus the one-tap morning pain.
@MainActor
public final class HomeViewModel: ScreenModel {
    private let repository: FirstStepRepository
    private let onJournalChange: JournalChangeHandler?
    public private(set) var state = HomeUiState.loading { didSet { onChange?() } }
    public var onChange: (() -> Void)?

    public init(repository: FirstStepRepository, onJournalChange: JournalChangeHandler? = nil) {
        self.repository = repository
        self.onJournalChange = onJournalChange
    }

    public func refresh() async { await load(message: nil, announcements: []) }

    /// Logs first-step pain (this morning unless `date` names a missed day), then reloads the screen
    /// (the next step changes) and re-plans reminders (today's morning reminder is now obsolete).
    public func logPain(_ score: Int, stiffnessMinutes: Int? = nil, note: String? = nil, date: String? = nil) async {
        do {
            let log = try await repository.logPain(score, stiffnessMinutes: stiffnessMinutes, note: note, date: date)
            onJournalChange?(JournalWrite(.painLogged, date: log.entry.date))
            // The core's confirmation, as it orders it (flare sentence first, then each announcement).
            await load(message: log.messageLines.isEmpty ? nil : log.messageLines.joined(separator: "\n"), announcements: log.announcements)
        } catch {
            fail(error)
        }
    }

    /// Answers today's hop check (rule P8): heel pain 0–10 during or after 10 single-leg hops.
    public func answerHopCheck(_ pain: Int) async {
        do {
            _ = try await repository.recordHopCheck(pain)
            onJournalChange?(JournalWrite(.hopCheck))
            await load(message: nil, announcements: [])
        } catch {
            fail(error)
        }
    }

    /// Answers the maintenance offer (rule P9): accept, or "not now" (the full program continues).
    public func answerMaintenance(accept: Bool) async {
        do {
            _ = try await (accept ? repository.acceptMaintenance() : repository.declineMaintenance())
            onJournalChange?(JournalWrite(.maintenance))
            await load(message: nil, announcements: [])
        } catch {
            fail(error)
        }
    }

    /// The runner saw a clinician (R4's banner asks them to): recorded, which clears the banner.
    public func recordClinicianVisit(date: String? = nil) async {
        do {
            _ = try await repository.recordClinicianVisit(date: date, cleared: false)
            onJournalChange?(JournalWrite(.clinicianVisit))
            await load(message: nil, announcements: [])
        } catch {
            fail(error)
        }
    }

    public func dismissMessage() { state.update { $0.message = nil; $0.problem = nil } }

    /// A refused write: shown on the home screen it was made from (a screen that failed to load shows the newer reason).
    private func fail(_ error: Error) {
        if state.content == nil { state = .failed(ScreenFailure(error)); return }
        state.update { $0.message = describe(error); $0.problem = JournalProblem(error) }
    }

    /// Reads the home screen. A failed re-read keeps what was shown, with the reason (as before the
    /// state became one value); a first read that fails is `.failed`.
    private func load(message: String?, announcements: [Announcement]) async {
        do {
            state = .ready(HomeContent(home: try await repository.home(), message: message, announcements: announcements))
        } catch {
            if let shown = state.content {
                state = .ready(HomeContent(home: shown.home, message: describe(error), problem: JournalProblem(error)))
            } else {
                state = .failed(ScreenFailure(error))
            }
        }
    }
}

/// What the trend screen shows once loaded.
public struct TrendContent {
    /// The window selected (a newer selection shows here at once, its chart when loaded).
    public var weeks: Int
    public var chart: TrendChartModel
    /// The chart in words for VoiceOver (the core's numbers and expectation text).
    public var summary: TrendSummary
    /// The core's axes, legend, readouts and load axes on dates (issue 22); nil only if the core's
    /// dates could not be read as days.
    public var axes: TrendChartAxes?
}

/// The trend screen's state.
public typealias TrendUiState = ScreenState<TrendContent>

/// Trend screen with the 4 / 8 / 12-week switch (PRODUCT §2.8).
@MainActor
public final class TrendViewModel: ScreenModel {
    nonisolated public static let windows = [4, 8, 12]
    nonisolated public static let defaultWeeks = 4
    private let repository: FirstStepRepository
    public private(set) var state = TrendUiState.loading { didSet { onChange?() } }
    public var onChange: (() -> Void)?
    /// The window selected last (also while loading or failed).
    public private(set) var weeks = TrendViewModel.defaultWeeks

    public init(repository: FirstStepRepository) { self.repository = repository }

    /// Switches the window; only 4, 8 and 12 weeks are offered.
    public func select(weeks: Int) async {
        precondition(Self.windows.contains(weeks), "weeks must be one of \(Self.windows)")
        self.weeks = weeks
        state.update { $0.weeks = weeks }
        do {
            let data = try await repository.trendChart(weeks: weeks)
            let trend = data.trend
            // A newer selection made while this one loaded wins.
            if self.weeks == weeks {
                state = .ready(TrendContent(weeks: weeks, chart: TrendChart.model(trend), summary: TrendSummary(trend), axes: TrendChartAxes(data)))
            }
        } catch {
            // As before: the chart of another window is not left standing under this one.
            if self.weeks == weeks { state = .failed(ScreenFailure(error)) }
        }
    }

    public func refresh() async { await select(weeks: weeks) }
}

/// The Live Activity's buttons (ios/Shared/SessionIntents.swift), as `SessionViewModel.perform` runs them.
public enum SessionCommand: String, Sendable, CaseIterable { case pause, resume, skip }

/// The guided session screen: starts (or restores) a session, forwards taps to the `SessionTicker`
/// and saves the records when the runner finishes with their peak pain.
public final class SessionViewModel {
    private let repository: FirstStepRepository
    private let clock: MonotonicClock
    private let sleeper: Sleeper
    private let cues: CuePlayer
    private let snapshots: SnapshotStore
    private let tickMs: Int64
    public private(set) var ticker: SessionTicker?
    /// Why the last action was refused (e.g. no program yet).
    public private(set) var message: String? { didSet { onChange?() } }
    /// True once the finished session's records are in the journal.
    public private(set) var saved = false { didSet { onChange?() } }
    /// The core's "how did the load feel?" (rule P5), set after `finish` when the core asks it: the
    /// records wait for `answerEffort` (or `skipEffort`) before they are saved.
    public private(set) var effortQuestion: EffortQuestion? { didSet { onChange?() } }
    private var pendingRecords: [SessionRecord]?
    /// Today's plan entries (load, how-to), read when the session opens.
    public private(set) var exercises: [ProgramExercise] = []
    public var onChange: (() -> Void)?
    /// Every new session state (ticks and events). Called on the ticker's executor: hop to the main
    /// actor before touching UI.
    public var onState: ((SessionState) -> Void)?

    public init(repository: FirstStepRepository, clock: MonotonicClock, sleeper: Sleeper = TaskSleeper(), cues: CuePlayer,
                snapshots: SnapshotStore, tickMs: Int64 = SessionTicker.defaultTickMs) {
        self.repository = repository
        self.clock = clock
        self.sleeper = sleeper
        self.cues = cues
        self.snapshots = snapshots
        self.tickMs = tickMs
    }

    /// The session's live state; nil before a session exists.
    public var state: SessionState? { get async { await ticker?.state } }

    /// The screen's one state for `session` (the ticker's last state) with this model's question,
    /// saved flag and refusal.
    public func uiState(_ session: SessionState?) -> SessionUiState {
        SessionUiState.of(session: session, question: effortQuestion, saved: saved, message: message, exercises: exercises)
    }

    /// Continues a session the OS interrupted, or starts today's session.
    public func open() async {
        exercises = (try? await repository.home().plan?.exercises) ?? []
        await catching {
            if let snapshot = snapshots.load() {
                let ticker = try await restoreTicker(from: snapshot)
                // Killed while the effort question was open: the session is finished, ask again.
                if await ticker.state?.status == .finished { try await afterFinish(ticker) }
            } else {
                let ticker = SessionTicker(session: try await repository.startSession(), clock: clock, sleeper: sleeper,
                                           cues: cues, snapshots: snapshots, tickMs: tickMs)
                await ticker.observe(forwardState)
                try await ticker.start()
                self.ticker = ticker
            }
        }
    }

    /// A Live Activity button (Pause, Resume, Skip). When iOS launched the app only to run the button's
    /// intent, no screen has opened the session: it is restored from its snapshot first (never a new
    /// session: with no snapshot there is nothing to command, and nothing happens). The command's event
    /// saves the snapshot, so the session screen and the next relaunch continue from it. Returns the state
    /// after the command; nil when there is no session or the core refused the command (`message` says why).
    @discardableResult
    public func perform(_ command: SessionCommand) async -> SessionState? {
        var snapshot: String?
        if ticker == nil {
            snapshot = snapshots.load()
            if snapshot == nil { return nil }
        }
        var after: SessionState?
        await catching {
            let ticker: SessionTicker
            if let open = self.ticker { ticker = open } else { ticker = try await restoreTicker(from: snapshot ?? "") }
            switch command {
            case .pause: after = try await ticker.pause()
            case .resume: after = try await ticker.resume()
            case .skip: after = try await ticker.skipStep()
            }
        }
        return after
    }

    private func restoreTicker(from snapshot: String) async throws -> SessionTicker {
        let ticker = try await SessionTicker.restore(snapshot: snapshot, clock: clock, sleeper: sleeper, cues: cues,
                                                     snapshots: snapshots, tickMs: tickMs)
        await ticker.observe(forwardState)
        self.ticker = ticker
        return ticker
    }

    private var forwardState: (SessionState) -> Void { { [weak self] state in self?.onState?(state) } }

    public func pause() async { await catching { try await current().pause() } }
    public func resume() async { await catching { try await current().resume() } }
    public func skipStep() async { await catching { try await current().skipStep() } }
    public func repeatStep() async { await catching { try await current().repeatStep() } }
    public func repDone() async { await catching { try await current().repDone() } }

    /// Finishes with the peak pain (0–10) and saves the records; the snapshot is dropped only after
    /// saving. When the core asks how the load felt (rule P5), `effortQuestion` is set instead
    /// and the records are saved by `answerEffort` / `skipEffort`.
    public func finish(peakPain: Int) async {
        await catching {
            let ticker = try current()
            try await ticker.finish(peakPain: peakPain)
            try await afterFinish(ticker)
        }
    }

    /// The runner's answer to the effort question (nil: skipped): the core puts it on the exercises
    /// it asked about and saves the session.
    public func answerEffort(_ effort: Effort?) async {
        await catching {
            guard effortQuestion != nil, let records = pendingRecords else {
                throw FirstStepError.InvalidState(reason: "no effort question is open")
            }
            try await repository.saveSessionWithEffort(records, effort: effort)
            didSave()
        }
    }

    /// Saves without an effort answer (the session still counts; the load stays).
    public func skipEffort() async { await answerEffort(nil) }

    private func afterFinish(_ ticker: SessionTicker) async throws {
        let records = try await ticker.records()
        if let question = try await repository.effortQuestion(records) {
            pendingRecords = records
            effortQuestion = question
        } else {
            try await repository.saveSession(records)
            didSave()
        }
    }

    /// The records are in the journal: the snapshot goes, and the question closes.
    private func didSave() {
        snapshots.clear()
        pendingRecords = nil
        effortQuestion = nil
        saved = true
    }

    /// The screen went away: stop ticking (the snapshot keeps the session).
    public func close() async { await ticker?.stop() }

    private func current() throws -> SessionTicker {
        guard let ticker else { throw FirstStepError.InvalidState(reason: "open() the session first") }
        return ticker
    }

    private func catching(_ body: () async throws -> Void) async {
        message = nil
        do { try await body() } catch { message = describe(error) }
    }
}

/// The runner-facing text of an error (the core's messages name the field and the allowed range).
func describe(_ error: Error) -> String {
    switch error {
    case let FirstStepError.InvalidInput(_, reason, _, _), let FirstStepError.NotFound(reason),
         let FirstStepError.InvalidState(reason), let FirstStepError.Database(_, reason), let FirstStepError.Import(reason),
         let FirstStepError.DatabaseDamaged(_, _, reason), let FirstStepError.DatabaseReadOnly(_, reason),
         let FirstStepError.DatabaseTooNew(_, _, _, reason), let FirstStepError.Io(_, reason):
        return reason
    default:
        return "\(error)"
    }
}
