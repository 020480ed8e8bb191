import FirstStepCore
import XCTest
@testable import FirstStepKit

final class ReminderSyncTests: XCTestCase {
    private func reminder(_ id: String, _ fireAtMs: Int64) -> Reminder {
        Reminder(id: id, kind: .morningPain, localDate: String(id.split(separator: ":")[1]), localTime: "07:00",
                 fireAtMs: fireAtMs, title: "First steps", body: "How were your first steps?")
    }

    func testCancelsRemovedSchedulesNewAndChangedKeepsIdentical() {
        let kept = reminder("morning_pain:2026-06-02", 2_000)
        let moved = reminder("morning_pain:2026-06-03", 3_000)
        let gone = reminder("morning_pain:2026-06-01", 1_000)
        let scheduler = FakeReminderScheduler([kept, moved, gone])
        var movedLater = moved
        movedLater.fireAtMs = 3_600
        movedLater.localTime = "07:10"
        let added = reminder("session:2026-06-02", 2_500)

        let plan = ReminderSync.apply([kept, movedLater, added], to: scheduler)
        XCTAssertEqual(plan.cancel, [gone.id])
        XCTAssertEqual(plan.schedule, [added, movedLater])
        XCTAssertEqual(plan.keep, [kept.id])
        XCTAssertEqual(scheduler.scheduledIds(), [kept.id, moved.id, added.id])
        XCTAssertEqual(scheduler.pending[moved.id], movedLater)
        XCTAssertEqual(scheduler.calls.first, "cancel \(gone.id)", "cancellations first, to make room")
    }

    func testSecondSyncWithNothingChangedDoesNothing() {
        let desired = [reminder("morning_pain:2026-06-02", 2_000), reminder("session:2026-06-02", 2_500)]
        let scheduler = FakeReminderScheduler()
        ReminderSync.apply(desired, to: scheduler)
        scheduler.calls = []
        XCTAssertEqual(ReminderSync.apply(desired, to: scheduler), ReminderPlan(cancel: [], schedule: [], keep: desired.map(\.id).sorted()))
        XCTAssertEqual(scheduler.calls, [])
    }

    func testSyncsTheRealCoresReminders() async throws {
        let repo = FirstStepRepository(core: try openTempCore(), clock: FixedClock("2026-06-01"))
        _ = try await repo.submitAssessmentJson(answersJson("2026-06-01"))
        let scheduler = FakeReminderScheduler()
        let first = try await repo.syncReminders(scheduler)
        XCTAssertFalse(first.schedule.isEmpty)
        var wanted = Set(try await repo.reminders().map(\.id))
        XCTAssertEqual(scheduler.scheduledIds(), wanted)
        _ = try await repo.logPain(3)
        _ = try await repo.syncReminders(scheduler)
        wanted = Set(try await repo.reminders().map(\.id))
        XCTAssertEqual(scheduler.scheduledIds(), wanted)
    }
}

final class TrendChartTests: XCTestCase {
    func testMissingDaysBreakTheLine() {
        let segments = TrendChart.segments([5, 4, nil, nil, 3, nil, 2, 2])
        XCTAssertEqual(segments.map { $0.map(\.x) }, [[0, 1], [4], [6, 7]])
        XCTAssertEqual(segments[0], [ChartPoint(x: 0, y: 5), ChartPoint(x: 1, y: 4)])
        XCTAssertEqual(TrendChart.segments([nil, nil]), [])
    }

    func testMeaningfulTargetIsTwoPointsOrThirtyPercent() {
        XCTAssertEqual(TrendChart.meaningfulTarget(5), 3, accuracy: 1e-9)
        XCTAssertEqual(TrendChart.meaningfulTarget(8), 5.6, accuracy: 1e-9)
        XCTAssertEqual(TrendChart.meaningfulTarget(1), 0, accuracy: 1e-9)
    }

    func testMapsTheCoresTrend() {
        let trend = Trend(
            weeks: 1, startDate: "2026-06-01", endDate: "2026-06-07",
            days: [TrendDay(date: "2026-06-01", pain: 6, rollingMean: nil), TrendDay(date: "2026-06-02", pain: 5, rollingMean: 5.5),
                   TrendDay(date: "2026-06-03", pain: nil, rollingMean: 5.5), TrendDay(date: "2026-06-04", pain: 4, rollingMean: 5),
                   TrendDay(date: "2026-06-05", pain: nil, rollingMean: nil), TrendDay(date: "2026-06-06", pain: nil, rollingMean: nil),
                   TrendDay(date: "2026-06-07", pain: 3, rollingMean: 4.5)],
            weekly: [TrendWeek(weekStart: "2026-06-01", meanPain: 4.5, sessionsDone: 9, sessionsPlanned: 12, runKm: 21, run: "13.0 mi"),
                     TrendWeek(weekStart: "2026-06-08", meanPain: nil, sessionsDone: 0, sessionsPlanned: 0, runKm: 0, run: "0.0 mi")],
            baseline: 6, baselineMornings: 4, current: 4.5, changePoints: -1.5, changePercent: -25, meaningfulImprovement: false,
            levelChanges: [LevelMarker(date: "2026-06-04", exerciseId: "calf_loading", fromLevel: 1, toLevel: 2),
                           LevelMarker(date: "2026-05-20", exerciseId: "calf_loading", fromLevel: 0, toLevel: 1)],
            expectation: Expectation(weeksOnProgram: 2, text: "Most runners notice a difference in 4–6 weeks."))
        let chart = TrendChart.model(trend)
        XCTAssertEqual(chart.painSegments.map { $0.map(\.x) }, [[0, 1], [3], [6]])
        XCTAssertEqual(chart.rollingMeanSegments.map { $0.map(\.x) }, [[1, 2, 3], [6]])
        XCTAssertTrue(chart.baselineProvisional)
        XCTAssertEqual(chart.meaningfulTarget ?? -1, 4, accuracy: 1e-9)
        XCTAssertEqual(chart.weeklyBars[0].fraction ?? -1, 0.75, accuracy: 1e-9)
        XCTAssertNil(chart.weeklyBars[1].fraction, "nothing planned is not 0 %")
        XCTAssertEqual(chart.weeklyBars.map(\.run), ["13.0 mi", "0.0 mi"], "the core's distance in the runner's units")
        XCTAssertEqual(chart.levelMarkers, [LevelChangeMarker(x: 3, date: "2026-06-04", exerciseId: "calf_loading", fromLevel: 1, toLevel: 2)])
    }
}

/// View models over the real core: the happy path a runner takes on day one.
@MainActor
final class ViewModelTests: XCTestCase {
    private let today = "2026-06-01"

    func testHomeAsksForPainLogsItThenPointsToTheSession() async throws {
        let repo = FirstStepRepository(core: try openTempCore(), clock: FixedClock(today))
        // Assessed yesterday: its first-step pain is yesterday's morning (issue 27), so today asks.
        _ = try await repo.submitAssessmentJson(answersJson("2026-05-31"))
        let home = HomeViewModel(repository: repo)
        await home.refresh()
        XCTAssertEqual((try home.state.ready).home.nextStep, .logPain)

        await home.logPain(11)
        XCTAssertTrue((try home.state.ready).message?.contains("Enter 0–10") == true, "refused with the range")

        await home.logPain(4)
        XCTAssertEqual((try home.state.ready).home.lastPain?.score, 4)
        XCTAssertEqual((try home.state.ready).home.nextStep, .doSession)
        XCTAssertFalse(home.state.isLoading)
    }

    func testSessionRunsFinishesAndIsSavedThenTrendSwitchesWindows() async throws {
        let repo = FirstStepRepository(core: try openTempCore(), clock: FixedClock(today))
        _ = try await repo.submitAssessmentJson(answersJson(today))
        let clock = ManualClock(), store = MemorySnapshotStore(), player = RecordingCuePlayer()
        let session = SessionViewModel(repository: repo, clock: clock, sleeper: ManualSleeper(clock: clock), cues: player, snapshots: store)
        let observed = RecordingStates()
        session.onState = { observed.append($0) }
        await session.open()
        XCTAssertNil(session.message)
        var state = await session.state
        XCTAssertEqual(state?.status, .running)
        XCTAssertNotNil(store.snapshot, "a running session is restorable")
        let ticker = try XCTUnwrap(session.ticker)

        // The runner follows the guide: timed steps run on the clock, self-paced reps are tapped.
        var seconds = 0
        while state?.status == .running, seconds < 3 * 3600 {
            if state?.phase == .selfPacedRep { await session.repDone() }
            await advance(clock, ticker, by: 1_000, step: 1_000)
            state = await session.state
            seconds += 1
        }
        XCTAssertEqual(state?.status, .awaitingPain)
        XCTAssertFalse(player.shown.isEmpty)
        XCTAssertEqual(observed.last, state, "the app hears every state through onState")
        await session.finish(peakPain: 3)
        XCTAssertNil(session.message)
        XCTAssertTrue(session.saved)
        XCTAssertNil(store.snapshot, "nothing left to restore")
        let doneToday = try await repo.home().doneToday
        XCTAssertEqual(doneToday.count, 3)

        let trend = TrendViewModel(repository: repo)
        await trend.select(weeks: 8)
        XCTAssertEqual((try trend.state.ready).chart.dates.count, 56)
        await trend.select(weeks: 12)
        XCTAssertEqual((try trend.state.ready).chart.dates.count, 84)
    }

    func testSessionInterruptedByTheOSIsRestoredByANewViewModel() async throws {
        let repo = FirstStepRepository(core: try openTempCore(), clock: FixedClock(today))
        _ = try await repo.submitAssessmentJson(answersJson(today))
        let clock = ManualClock(), store = MemorySnapshotStore()
        let first = SessionViewModel(repository: repo, clock: clock, sleeper: ManualSleeper(clock: clock), cues: RecordingCuePlayer(), snapshots: store)
        await first.open()
        await advance(clock, try XCTUnwrap(first.ticker), by: 5_000)
        let firstState = await first.state
        let before = try XCTUnwrap(firstState)
        await first.close() // the process dies; only the snapshot survives

        clock.advance(2_000)
        let second = SessionViewModel(repository: repo, clock: clock, sleeper: ManualSleeper(clock: clock), cues: RecordingCuePlayer(), snapshots: store)
        await second.open()
        XCTAssertNil(second.message)
        let secondState = await second.state
        let after = try XCTUnwrap(secondState)
        XCTAssertEqual(after.status, .running)
        XCTAssertEqual(after.exerciseId, before.exerciseId)
        XCTAssertGreaterThan(after.sessionProgress, before.sessionProgress, "the session kept its place and its clock")
        await second.close()
    }
}
