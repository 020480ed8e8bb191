import FirstStepCore
import Foundation
import XCTest
@testable import FirstStepKit

/// Issue 26 item 2: each screen model's state is one value — loading, ready with its content, or
/// failed with the reason — fed by a real journal file, a damaged one included.
@MainActor
final class ScreenStateTests: XCTestCase {
    private let today = "2026-06-01"

    private func isFailed<C>(_ state: ScreenState<C>) -> ScreenFailure? {
        if case let .failed(failure) = state { return failure }
        return nil
    }

    func testEveryScreenStartsLoadingAndIsReadyWithTheCoresContentOnAHealthyJournal() async throws {
        let repo = try await assessedRepository(today)
        _ = try await repo.logPain(4)

        let home = HomeViewModel(repository: repo)
        XCTAssertTrue(home.state.isLoading)
        await home.refresh()
        let shown = try home.state.ready
        let expected = try await repo.home()
        XCTAssertEqual(shown.home, expected)
        XCTAssertTrue(shown.painLoggedToday)
        XCTAssertFalse(shown.exercises.isEmpty)

        let trend = TrendViewModel(repository: repo)
        XCTAssertTrue(trend.state.isLoading)
        await trend.refresh()
        XCTAssertEqual(try trend.state.ready.weeks, TrendViewModel.defaultWeeks)
        XCTAssertEqual(try trend.state.ready.chart.dates.count, 28)

        let progress = ProgressModel(repository: repo)
        XCTAssertTrue(progress.state.isLoading)
        await progress.refresh()
        let running = try await repo.progress().running
        XCTAssertEqual(try progress.state.ready.running, running)

        let psfs = PsfsModel(repository: repo)
        XCTAssertTrue(psfs.state.isLoading)
        await psfs.refresh()
        XCTAssertTrue(try psfs.state.ready.needsActivities, "no activities named yet: the form")

        let back = ReturnToRunModel(repository: repo)
        XCTAssertTrue(back.state.isLoading)
        await back.refresh()
        XCTAssertEqual(try back.state.ready.history, [])

        let lessons = LessonsModel(repository: repo)
        XCTAssertTrue(lessons.state.isLoading)
        await lessons.refresh()
        XCTAssertFalse(try lessons.state.ready.lessons.isEmpty)

        let settings = SettingsModel(repository: repo, exportDirectory: FileManager.default.temporaryDirectory)
        XCTAssertTrue(settings.state.form.isLoading)
        await settings.load()
        let stored = try await repo.settings()
        XCTAssertEqual(try settings.state.form.ready.draft, stored)

        let safety = SafetyModel(repository: repo)
        XCTAssertTrue(safety.state.isLoading)
        XCTAssertEqual(safety.yesIds, [], "nothing to answer before the questions are read")
        await safety.load()
        let questions = await repo.safetyQuestions()
        XCTAssertEqual(try safety.state.ready.questions, questions)

        let wizard = AssessmentModel(repository: repo, redFlags: [])
        XCTAssertTrue(wizard.state.isLoading)
        wizard.set("first_step_pain", "4")
        await wizard.load()
        XCTAssertEqual(try wizard.state.ready.inputs, [:], "an edit before the pages exist is dropped, not kept in a half state")
        let catalogue = await repo.assessmentCatalogue()
        XCTAssertEqual(try wizard.state.ready.pages.count, catalogue.count)
    }

    func testAWizardThatIsNotReadySendsNothing() async throws {
        let repo = FirstStepRepository(core: try openTempCore(), clock: FixedClock(today))
        let wizard = AssessmentModel(repository: repo, redFlags: [])
        await wizard.submit()
        XCTAssertTrue(wizard.state.isLoading)
        let stored = try await repo.latestAssessment()
        XCTAssertNil(stored, "no assessment is stored from a wizard whose pages were never read")
    }

    func testARefusedWriteKeepsTheReadyScreenWithTheCoresReason() async throws {
        let repo = try await assessedRepository(today)
        let home = HomeViewModel(repository: repo)
        await home.refresh()
        let before = try home.state.ready.home
        await home.logPain(11)
        let after = try home.state.ready
        XCTAssertEqual(after.home, before, "still the screen that was shown")
        XCTAssertTrue(after.message?.contains("Enter 0–10") == true, after.message ?? "")
        XCTAssertNil(after.problem, "a bad score is no journal problem")
        home.dismissMessage()
        XCTAssertNil(try home.state.ready.message)
    }

    func testADamagedJournalFailsTheScreensThatCannotReadItWithTheExportWayOut() async throws {
        // A journal with a program and many mornings, closed, then one page at a time scrambled until
        // the home screen's read meets SQLite's own check.
        let path = tempDatabasePath()
        do {
            let core = try FirstStep.open(path: path)
            _ = try core.submitAssessmentJson(now: morning("2026-05-01"), answersJson: answersJson("2026-05-01"))
            for day in 1...30 {
                _ = try core.logPain(now: morning(shift("2026-05-01", day)), date: nil, score: 4, stiffnessMinutes: 5,
                                     note: String(repeating: "a note long enough to fill pages ", count: 20))
            }
        }
        let url = URL(fileURLWithPath: path)
        let healthy = try Data(contentsOf: url)
        let rawSize = Int(healthy[16]) << 8 | Int(healthy[17])
        let pageSize = rawSize == 1 ? 65_536 : rawSize
        var failed: (HomeViewModel, ScreenFailure)?
        for page in stride(from: healthy.count / pageSize - 1, through: 1, by: -1) where failed == nil {
            var bytes = healthy
            for i in 0..<pageSize { bytes[page * pageSize + i] = UInt8(truncatingIfNeeded: i &* 151 &+ page) ^ 0x5a }
            try bytes.write(to: url)
            try? FileManager.default.removeItem(atPath: path + "-wal")
            try? FileManager.default.removeItem(atPath: path + "-shm")
            guard let repo = try? FirstStepRepository.open(path: path, clock: FixedClock("2026-06-01")) else { continue }
            let home = HomeViewModel(repository: repo)
            await home.refresh()
            XCTAssertFalse(home.state.isLoading, "a read always ends loading")
            if let failure = isFailed(home.state), failure.problem?.wayOut == .exportReadable { failed = (home, failure) }
        }
        let (home, failure) = try XCTUnwrap(failed, "no scrambled page made the home screen's read fail as damaged")
        XCTAssertEqual(failure.problem?.path, path)
        XCTAssertEqual(failure.problem?.actionLabel, "Export what can be read")
        XCTAssertFalse(failure.message.isEmpty)
        XCTAssertNil(home.state.content, "a failed screen has no half content")
        // A write on the failed screen reports the newer reason, still as failed (never ready without a home).
        await home.logPain(3)
        XCTAssertNotNil(isFailed(home.state))
    }

    func testTheSessionScreenIsOneValueThroughTheWholeSession() async throws {
        let repo = try await assessedRepository(today)
        let start = try await repo.home()
        let plan = try XCTUnwrap(start.plan)
        let clock = ManualClock(), store = MemorySnapshotStore()
        let session = SessionViewModel(repository: repo, clock: clock, sleeper: ManualSleeper(clock: clock),
                                       cues: RecordingCuePlayer(), snapshots: store)
        guard case .loading(nil) = session.uiState(nil) else { return XCTFail("no session yet: loading") }
        await session.open()
        let ticker = try XCTUnwrap(session.ticker)
        var state = await session.state
        guard case let .active(first, exercise, nil) = session.uiState(state) else { return XCTFail("\(session.uiState(state))") }
        XCTAssertEqual(first, state)
        XCTAssertEqual(exercise, plan.exercises.first { $0.exerciseId == first.exerciseId && $0.level == first.level },
                       "the plan entry of the exercise under way (load, how-to)")
        var seconds = 0
        while state?.status == .running, seconds < 3 * 3600 {
            if state?.phase == .selfPacedRep { await session.repDone() }
            await advance(clock, ticker, by: 1_000, step: 1_000)
            state = await session.state
            seconds += 1
        }
        guard case .awaitingPain = session.uiState(state) else { return XCTFail("\(session.uiState(state))") }
        await session.finish(peakPain: 2)
        state = await session.state
        switch session.uiState(state) {
        case let .askingEffort(_, question, _):
            XCTAssertFalse(question.choices.isEmpty)
            await session.skipEffort()
            let after = await session.state
            guard case .finished(_, saved: true, _) = session.uiState(after) else { return XCTFail("saved after the answer") }
        case .finished(_, saved: true, nil): break
        case let other: XCTFail("after the peak pain: \(other)")
        }
        // A refusal shows in whatever state the screen is in.
        await session.repDone()
        let last = await session.state
        XCTAssertNotNil(session.uiState(last).message)
    }
}
