import FirstStepCore
import Foundation
import XCTest
@testable import FirstStepKit

/// The speech engine and the tone/haptic outputs as the player drives them, in order.
final class RecordingCueOutputs: SpeechPort, CueSoundPort {
    var log: [String] = []
    func speak(_ text: String, interrupt: Bool) { log.append(interrupt ? "say! \(text)" : "say \(text)") }
    func stopSpeaking() { log.append("stop") }
    func tone() { log.append("tone") }
    func haptic(_ haptic: CueAction.Haptic) { log.append("haptic \(haptic.rawValue)") }
}

/// What the session's cues sound like (issue 21): decided in the kit, heard through ports.
final class SpokenCueTests: XCTestCase {
    private func cue(_ kind: CueKind, _ text: String, at ms: Int64 = 1_000, late: Bool = false) -> Cue {
        Cue(kind: kind, atMs: ms, late: late, text: text)
    }

    func testVoiceSpeaksTheCoresTextCutsOffOldWordsAndBeepsTheCountdown() {
        let out = RecordingCueOutputs()
        let player = SpokenCuePlayer(speech: out, sounds: out)
        XCTAssertEqual(player.sound, .voice, "speech by default")
        player.play(cue(.up, "Up", at: 1_000))
        player.play(cue(.countdown3, "3", at: 2_000))
        player.play(cue(.setDone, "Set done", at: 3_000))
        XCTAssertEqual(out.log, ["say! Up", "tone", "say! Set done", "haptic setDone"])
    }

    func testLateCuesAndRepeatsAreNeverHeard() {
        let out = RecordingCueOutputs()
        let player = SpokenCuePlayer(speech: out, sounds: out)
        player.play(cue(.down, "Down", at: 5_000, late: true))
        XCTAssertEqual(out.log, [], "a stale cue after the app was suspended would mislead")
        player.play(cue(.down, "Down", at: 6_000))
        player.play(cue(.down, "Down", at: 6_000))
        XCTAssertEqual(out.log, ["say! Down"], "the same cue at the same instant is said once")
        player.play(cue(.down, "Down", at: 9_000))
        XCTAssertEqual(out.log, ["say! Down", "say! Down"], "the next rep's cue is said again")
        player.stop()
        XCTAssertEqual(out.log.last, "stop")
    }

    func testTonesAndSilentModes() {
        let out = RecordingCueOutputs()
        let player = SpokenCuePlayer(speech: out, sounds: out, sound: .tones)
        player.play(cue(.hold, "Hold", at: 1_000))
        player.play(cue(.exerciseDone, "Exercise done", at: 2_000))
        XCTAssertEqual(out.log, ["tone", "tone", "haptic exerciseDone"], "a tone for every cue, no words")
        player.sound = .silent
        player.play(cue(.rest, "Rest", at: 3_000))
        player.play(cue(.sessionDone, "Session done", at: 4_000))
        XCTAssertEqual(out.log.suffix(1), ["haptic sessionDone"], "silent: only the haptic")
        XCTAssertEqual(CueSound(stored: "tones"), .tones)
        XCTAssertEqual(CueSound(stored: "loud"), .voice, "an unknown stored value is the default")
        XCTAssertEqual(CueSound(stored: nil), .voice)
    }

    func testARealSessionsCuesAreSpokenOnceEachInTheirOrder() async throws {
        let repo = try await assessedRepository("2026-06-01")
        let clock = ManualClock(), store = MemorySnapshotStore(), out = RecordingCueOutputs()
        let player = SpokenCuePlayer(speech: out, sounds: out)
        let ticker = SessionTicker(session: try await repo.startSession(), clock: clock, sleeper: ManualSleeper(clock: clock),
                                   cues: player, snapshots: store)
        try await ticker.start()
        await advance(clock, ticker, by: 20_000, step: 250)
        let said = out.log.filter { $0.hasPrefix("say! ") }
        XCTAssertFalse(said.isEmpty, "the first 20 s of a session say something")
        XCTAssertTrue(said.allSatisfy { $0.count > 5 }, "only the core's words, never an empty line: \(said)")
        // Every spoken line is a cue text of the core's, in the core's order.
        let replay = try await repo.startSession()
        let spoken = { (cues: [Cue]) in cues.filter { !CueAction.of($0).speak.isEmpty }.map(\.text) }
        var texts = spoken(try replay.handle(event: .start(atMs: 0)).cues)
        for ms in stride(from: Int64(0), through: 20_000, by: 250) {
            texts += spoken(try replay.stateAt(nowMs: ms).cues)
        }
        XCTAssertEqual(said.map { String($0.dropFirst(5)) }, Array(texts.prefix(said.count)))
        await ticker.stop()
    }
}
