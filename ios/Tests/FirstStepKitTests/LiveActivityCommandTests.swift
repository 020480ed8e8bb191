import FirstStepCore
import XCTest
@testable import FirstStepKit

/// The Live Activity's Pause / Resume / Skip when iOS relaunched the app only to run the button's intent:
/// the process that ran the session is gone, only its snapshot is left, and no session screen has opened.
/// `SessionViewModel.perform` restores the session from the snapshot and applies the command to it.
final class LiveActivityCommandTests: XCTestCase {
    private let today = "2026-06-01"

    /// A session that ran for `seconds`, then its process died: the journal and the snapshot are left.
    private func interruptedSession(_ clock: ManualClock, _ store: MemorySnapshotStore,
                                    seconds: Int64 = 5) async throws -> (FirstStepRepository, SessionState) {
        let repo = FirstStepRepository(core: try openTempCore(), clock: FixedClock(today))
        _ = try await repo.submitAssessmentJson(answersJson(today))
        let first = SessionViewModel(repository: repo, clock: clock, sleeper: ManualSleeper(clock: clock),
                                     cues: RecordingCuePlayer(), snapshots: store)
        await first.open()
        await advance(clock, try XCTUnwrap(first.ticker), by: seconds * 1_000)
        let last = await first.state
        await first.close()
        return (repo, try XCTUnwrap(last))
    }

    /// A fresh view model, as the relaunched process makes it (nothing opened).
    private func relaunched(_ repo: FirstStepRepository, _ clock: ManualClock, _ store: MemorySnapshotStore,
                            states: RecordingStates? = nil) -> SessionViewModel {
        let model = SessionViewModel(repository: repo, clock: clock, sleeper: ManualSleeper(clock: clock),
                                     cues: RecordingCuePlayer(), snapshots: store)
        if let states { model.onState = { states.append($0) } }
        return model
    }

    func testPauseAfterARelaunchPausesTheRestoredSessionAndSavesItsSnapshot() async throws {
        let clock = ManualClock(), store = MemorySnapshotStore()
        let (repo, before) = try await interruptedSession(clock, store)
        XCTAssertEqual(before.status, .running)
        clock.advance(3_000) // the runner reaches for the lock screen

        let states = RecordingStates()
        let model = relaunched(repo, clock, store, states: states)
        let savesBefore = store.saves
        let paused = await model.perform(.pause)
        XCTAssertNil(model.message)
        XCTAssertEqual(paused?.status, .paused)
        XCTAssertEqual(paused?.exerciseId, before.exerciseId, "the same session, not a new one")
        XCTAssertGreaterThan(try XCTUnwrap(paused).sessionProgress, before.sessionProgress,
                             "the session kept its clock while the app was gone")
        XCTAssertEqual(states.last, paused, "the app hears the new state (it updates the Live Activity from it)")
        XCTAssertGreaterThan(store.saves, savesBefore, "the pause is in the snapshot")
        let tickingAfterPause = await model.ticker?.isTicking
        XCTAssertEqual(tickingAfterPause, false, "a paused session does not tick")

        // The process is suspended again; the next one (or the session screen) continues paused.
        await model.close()
        clock.advance(60_000)
        let next = relaunched(repo, clock, store)
        await next.open()
        let reopened = await next.state
        XCTAssertEqual(reopened?.status, .paused)
        XCTAssertEqual(reopened?.sessionProgress, paused?.sessionProgress, "no time passed while paused")
        await next.close()
    }

    func testResumeThenSkipAfterRelaunchesContinueTheSameSession() async throws {
        let clock = ManualClock(), store = MemorySnapshotStore()
        let (repo, _) = try await interruptedSession(clock, store)
        let pausing = relaunched(repo, clock, store)
        let pauseResult = await pausing.perform(.pause)
        let paused = try XCTUnwrap(pauseResult)
        await pausing.close()
        clock.advance(30_000)

        let resuming = relaunched(repo, clock, store)
        let resumeResult = await resuming.perform(.resume)
        let resumed = try XCTUnwrap(resumeResult)
        XCTAssertEqual(resumed.status, .running)
        XCTAssertEqual(resumed.sessionProgress, paused.sessionProgress, accuracy: 1e-9,
                       "the 30 s paused did not count")
        await resuming.close()

        let skipping = relaunched(repo, clock, store)
        let skipResult = await skipping.perform(.skip)
        let skipped = try XCTUnwrap(skipResult)
        XCTAssertEqual(skipped.status, .running)
        XCTAssertGreaterThan(skipped.sessionProgress, resumed.sessionProgress, "Skip moved to the next step")
        XCTAssertNil(skipping.message)
        await skipping.close()
    }

    func testACommandWithNoSnapshotStartsNoSession() async throws {
        let repo = FirstStepRepository(core: try openTempCore(), clock: FixedClock(today))
        _ = try await repo.submitAssessmentJson(answersJson(today))
        let clock = ManualClock(), store = MemorySnapshotStore()
        let model = relaunched(repo, clock, store)
        for command in SessionCommand.allCases {
            let state = await model.perform(command)
            XCTAssertNil(state, "\(command): nothing to command")
        }
        XCTAssertNil(model.ticker, "no session was started from a stale button")
        XCTAssertNil(store.snapshot)
        XCTAssertEqual(store.saves, 0)
        XCTAssertNil(model.message)
    }

    func testACommandOnAnOpenSessionUsesItWithoutRestoringAgain() async throws {
        let clock = ManualClock(), store = MemorySnapshotStore()
        let repo = FirstStepRepository(core: try openTempCore(), clock: FixedClock(today))
        _ = try await repo.submitAssessmentJson(answersJson(today))
        let model = relaunched(repo, clock, store)
        await model.open()
        let ticker = try XCTUnwrap(model.ticker)
        await advance(clock, ticker, by: 2_000)
        let paused = await model.perform(.pause)
        XCTAssertEqual(paused?.status, .paused)
        XCTAssertTrue(model.ticker === ticker, "the screen's session, not a second copy from the snapshot")
        // Pausing twice is refused by the core's engine, and the refusal is reported.
        let again = await model.perform(.pause)
        XCTAssertNil(again)
        XCTAssertNotNil(model.message)
        await model.close()
    }
}
