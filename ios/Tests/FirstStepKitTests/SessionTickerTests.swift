import FirstStepCore
import XCTest
@testable import FirstStepKit

/// The ticker on a manual clock (virtual time), driving the real session engine.
final class SessionTickerTests: XCTestCase {
    private let date = "2026-06-01"
    private var exercises: [ProgramExercise] = []

    override func setUpWithError() throws {
        let core = try openTempCore()
        exercises = try XCTUnwrap(core.submitAssessmentJson(now: morning(date), answersJson: answersJson(date)).program).exercises
    }

    private func newSession() throws -> GuidedSession { try GuidedSession(date: date, exercises: exercises) }

    func testEveryCueIsForwardedExactlyOnceOnTime() async throws {
        let clock = ManualClock(), player = RecordingCuePlayer()
        let ticker = SessionTicker(session: try newSession(), clock: clock, sleeper: ManualSleeper(clock: clock), cues: player, snapshots: MemorySnapshotStore())
        try await ticker.start()
        await advance(clock, ticker, by: 45_000)

        // The same session asked once at the end yields every cue due since the start.
        let reference = try newSession()
        let expected = try reference.handle(event: .start(atMs: 0)).cues + reference.stateAt(nowMs: clock.nowMs()).cues
        XCTAssertGreaterThanOrEqual(expected.count, 3)
        XCTAssertEqual(player.shown.map { "\($0.kind)@\($0.atMs)" }, expected.map { "\($0.kind)@\($0.atMs)" })
        XCTAssertEqual(player.played, player.shown, "ticking at 10 Hz, no cue is late")
        let progress = await ticker.state?.sessionProgress
        XCTAssertEqual(progress, try reference.stateAt(nowMs: clock.nowMs()).sessionProgress)
        await ticker.stop()
    }

    func testLateCuesAreShownButNotPlayed() async throws {
        let clock = ManualClock(), player = RecordingCuePlayer()
        let ticker = SessionTicker(session: try newSession(), clock: clock, sleeper: ManualSleeper(clock: clock), cues: player,
                                   snapshots: MemorySnapshotStore(), tickMs: 5_000) // a starved UI thread
        try await ticker.start()
        await advance(clock, ticker, by: 45_000, step: 5_000)
        let silent = player.shown.filter { !player.played.contains($0) }
        XCTAssertFalse(silent.isEmpty, "with 5 s between looks some cues are stale")
        XCTAssertTrue(silent.allSatisfy(\.late))
        XCTAssertFalse(player.played.contains { $0.late })
        await ticker.stop()
    }

    func testPauseFreezesProgressAndTickingResumeContinues() async throws {
        let clock = ManualClock(), player = RecordingCuePlayer()
        let ticker = SessionTicker(session: try newSession(), clock: clock, sleeper: ManualSleeper(clock: clock), cues: player, snapshots: MemorySnapshotStore())
        try await ticker.start()
        await advance(clock, ticker, by: 4_000)
        let paused = try await ticker.pause()
        XCTAssertEqual(paused.status, .paused)
        let ticking = await ticker.isTicking
        XCTAssertFalse(ticking)
        let cuesAtPause = player.shown.count

        await advance(clock, ticker, by: 120_000, step: 10_000)
        let stateAfterWait = await ticker.state
        XCTAssertEqual(stateAfterWait, paused, "no tick while paused")
        let refreshed = try await ticker.refresh()
        XCTAssertEqual(refreshed.sessionProgress, paused.sessionProgress, "paused time does not count")
        XCTAssertEqual(player.shown.count, cuesAtPause)

        try await ticker.resume()
        await advance(clock, ticker, by: 3_000)
        let latest = await ticker.state
        let state = try XCTUnwrap(latest)
        XCTAssertEqual(state.status, .running)
        XCTAssertGreaterThan(state.sessionProgress, paused.sessionProgress)
        await ticker.stop()
    }

    func testSnapshotAfterEachEventRestoresWhereItWas() async throws {
        let clock = ManualClock(), store = MemorySnapshotStore()
        let first = SessionTicker(session: try newSession(), clock: clock, sleeper: ManualSleeper(clock: clock), cues: RecordingCuePlayer(), snapshots: store)
        try await first.start()
        await advance(clock, first, by: 2_000)
        try await first.pause()
        try await first.resume()
        XCTAssertEqual(store.saves, 3, "one snapshot per event")
        await advance(clock, first, by: 5_000)
        await first.stop() // the OS kills the app at 7 s ...

        clock.advance(3_000) // ... and the runner comes back at 10 s
        let restored = try await SessionTicker.restore(snapshot: try XCTUnwrap(store.snapshot), clock: clock, sleeper: ManualSleeper(clock: clock),
                                                       cues: RecordingCuePlayer(), snapshots: store)
        let reference = try newSession()
        _ = try reference.handle(event: .start(atMs: 0))
        _ = try reference.handle(event: .pause(atMs: 2_000))
        _ = try reference.handle(event: .resume(atMs: 2_000))
        var progress = await restored.state?.sessionProgress
        XCTAssertEqual(progress, try reference.stateAt(nowMs: 10_000).sessionProgress)

        await advance(clock, restored, by: 2_000) // and it keeps ticking
        progress = await restored.state?.sessionProgress
        XCTAssertEqual(progress, try reference.stateAt(nowMs: 12_000).sessionProgress)
        await restored.stop()
    }

    func testSkippingToTheEndAndFinishingProducesRecords() async throws {
        let clock = ManualClock()
        let ticker = SessionTicker(session: try newSession(), clock: clock, sleeper: ManualSleeper(clock: clock), cues: RecordingCuePlayer(), snapshots: MemorySnapshotStore())
        var state = try await ticker.start()
        var taps = 0
        while state.status == .running, taps < 2_000 {
            state = try await ticker.skipStep()
            taps += 1
        }
        XCTAssertEqual(state.status, .awaitingPain)
        do {
            try await ticker.finish(peakPain: 11)
            XCTFail("pain 11 must be refused")
        } catch let FirstStepError.InvalidInput(_, reason, allowed, _) {
            XCTAssertEqual(allowed, "0..=10")
            XCTAssertTrue(reason.hasPrefix("Enter 0–10 for "), reason)
        }
        let finished = try await ticker.finish(peakPain: 2)
        XCTAssertEqual(finished.status, .finished)
        let records = try await ticker.records()
        XCTAssertEqual(records.map(\.exerciseId), exercises.map(\.exerciseId))
        XCTAssertTrue(records.allSatisfy { $0.peakPain == 2 && $0.date == date })
    }
}
