import FirstStepCore
import Foundation
import XCTest
@testable import FirstStepKit

/// Notifications, one-tap pain, the Live Activity and storage: what the app's Apple-only adapters
/// copy from, tested over the real core.
@MainActor
final class NotificationPlannerTests: XCTestCase {
    private let today = "2026-06-01"

    func testPlanKeepsTheNearestRequestsWithinTheLimitInTheRunnersZone() async throws {
        let clock = ZonedClock("2026-06-01 06:00", zone: "America/New_York")
        let repo = try await assessedRepository(today, clock: clock)
        let now = repo.now()
        let reminders = try repo.core.reminders(now: now)
        XCTAssertGreaterThan(reminders.count, 5, "the core plans 14 days")

        let requests = try NotificationPlanner.requests(for: reminders, now: now, limit: 5)
        let nearest = reminders.sorted { ($0.fireAtMs, $0.id) < ($1.fireAtMs, $1.id) }.prefix(5)
        XCTAssertEqual(requests.map(\.identifier), nearest.map(\.id), "the nearest five, nearest first")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "America/New_York")!
        for (request, reminder) in zip(requests, nearest) {
            let c = request.dateComponents
            XCTAssertEqual(c.timeZone?.identifier, "America/New_York")
            XCTAssertEqual(String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!), reminder.localDate)
            XCTAssertEqual(String(format: "%02d:%02d", c.hour!, c.minute!), reminder.localTime)
            XCTAssertEqual(Int64(calendar.date(from: c)!.timeIntervalSince1970 * 1000), reminder.fireAtMs,
                           "the wall-clock components fire at the core's instant")
            XCTAssertEqual(request.title, reminder.title)
            XCTAssertEqual(request.body, reminder.body)
            XCTAssertEqual(request.userInfo[NotificationUserInfo.date], reminder.localDate)
            XCTAssertEqual(request.categoryIdentifier, NotificationCategory.of(reminder.kind))
        }
        let morning = try XCTUnwrap(requests.first { $0.identifier.hasPrefix("morning_pain") })
        XCTAssertEqual(morning.categoryIdentifier, NotificationCategory.morningPain, "the category of the 11-value grid")
        XCTAssertEqual(morning.dateComponents.hour, 7)

        // An hour later the first reminder is in the past: it is not scheduled again.
        let later = Moment(instantMs: requests[0].fireAtMs, timeZone: now.timeZone)
        let afterFirst = try NotificationPlanner.requests(for: reminders, now: later, limit: 5)
        XCTAssertFalse(afterFirst.contains { $0.identifier == requests[0].identifier })
        XCTAssertEqual(afterFirst.first?.identifier, requests[1].identifier)
        XCTAssertEqual(try NotificationPlanner.requests(for: reminders, now: now).count, min(reminders.count, 64))
    }

    func testReplanAddsRemovesAndKeepsAndClearsTodaysDeliveredReminder() async throws {
        let clock = ZonedClock("2026-06-01 06:00", zone: "Europe/Berlin")
        // Assessed yesterday: its first-step pain is yesterday's morning (issue 27); today's reminder is due.
        let repo = try await assessedRepository(shift(today, -1), clock: clock)
        let center = FakeNotificationCenter()
        let replanner = ReminderReplanner(repository: repo, center: center, limit: 10)

        let launch = try await replanner.replan(.launch)
        XCTAssertEqual(launch.added.count, 10)
        XCTAssertEqual(center.pending.count, 10, "never more than the limit")
        XCTAssertTrue(center.pending.keys.contains("morning_pain:\(today)"))

        let again = try await replanner.replan(.foreground)
        XCTAssertEqual(again.added, [])
        XCTAssertEqual(again.removed, [])
        XCTAssertEqual(again.kept.count, 10)

        let changes = ChangeRecorder()
        let home = HomeViewModel(repository: repo, onJournalChange: changes.handler)
        await home.logPain(4)
        XCTAssertEqual(changes.changes, [JournalWrite(.painLogged, date: today)])
        for change in changes.changes { _ = try await replanner.replan(.journal(change)) }
        XCTAssertFalse(center.pending.keys.contains("morning_pain:\(today)"), "logged: this morning's reminder goes")
        XCTAssertEqual(center.pending.count, 10, "the next one moves up into the freed slot")
        XCTAssertTrue(center.deliveredRemovals.contains("\(NotificationCategory.morningPain) \(today)"))

        var settings = try await repo.settings()
        settings.morningReminder = "06:45"
        try await repo.saveSettings(settings)
        let moved = try await replanner.replan(.journal(JournalWrite(.settingsSaved)))
        let movedMorning = moved.added.filter { $0.hasPrefix("morning_pain") }
        XCTAssertFalse(movedMorning.isEmpty)
        XCTAssertTrue(movedMorning.allSatisfy(moved.removed.contains), "a changed time replaces the request")
        XCTAssertTrue(center.pending.values.filter { $0.categoryIdentifier == NotificationCategory.morningPain }
            .allSatisfy { $0.dateComponents.hour == 6 && $0.dateComponents.minute == 45 })
        let removeIndex = try XCTUnwrap(center.log.lastIndex { $0.hasPrefix("remove") })
        let addIndex = try XCTUnwrap(center.log.lastIndex { $0.hasPrefix("add") })
        XCTAssertLessThan(center.log.firstIndex { $0.hasPrefix("remove morning_pain:2026-06-02") } ?? removeIndex, addIndex, "removals first, to make room")
    }

    func testZoneChangeReplansInTheNewZone() async throws {
        let berlin = ZonedClock("2026-06-01 06:00", zone: "Europe/Berlin")
        let repo = try await assessedRepository(today, clock: berlin)
        let center = FakeNotificationCenter()
        let replanner = ReminderReplanner(repository: repo, center: center, limit: 64)
        try await replanner.replan(.launch)
        let before = center.pending

        let tokyoRepo = FirstStepRepository(core: repo.core, clock: ZonedClock("2026-06-01 13:00", zone: "Asia/Tokyo"))
        let afterTravel = ReminderReplanner(repository: tokyoRepo, center: center, limit: 64)
        let result = try await afterTravel.replan(.timeZoneChange)
        XCTAssertFalse(result.removed.isEmpty)
        XCTAssertTrue(center.pending.values.allSatisfy { $0.dateComponents.timeZone?.identifier == "Asia/Tokyo" })
        let morning = try XCTUnwrap(center.pending["morning_pain:2026-06-03"])
        XCTAssertEqual(morning.dateComponents.hour, 7, "07:00 stays 07:00 local after travel")
        XCTAssertNotEqual(morning.fireAtMs, before["morning_pain:2026-06-03"]?.fireAtMs)
    }
}

@MainActor
final class QuickLogTests: XCTestCase {
    private let today = "2026-06-02"

    func testTapLogsTheExactScoreForTheRemindersDate() async throws {
        let repo = try await assessedRepository("2026-05-31", clock: FixedClock(today)) // its morning is 05-31 (issue 27)
        let changes = ChangeRecorder()
        let model = QuickLogModel(repository: repo, onJournalChange: changes.handler)
        XCTAssertEqual(QuickLogModel.values, Array(0...10), "eleven values")
        // Yesterday's 07:00 notification tapped after midnight logs yesterday, not today.
        let userInfo: [AnyHashable: Any] = [NotificationUserInfo.date: "2026-06-01"]
        await model.tap(7, reminderDate: QuickLogModel.reminderDate(userInfo))
        XCTAssertEqual(model.state.logged?.date, "2026-06-01")
        XCTAssertEqual(model.state.logged?.score, 7)
        XCTAssertNil(model.state.replaced)
        var stored = try await repo.painEntries(from: "2026-06-01", to: today)
        XCTAssertEqual(stored.map { "\($0.date)=\($0.score)" }, ["2026-06-01=7"])

        await model.tap(4, reminderDate: "2026-06-01")
        XCTAssertEqual(model.state.replaced?.score, 7, "a second tap is an edit; the core keeps the earlier value")
        stored = try await repo.painEntries(from: "2026-06-01", to: today)
        XCTAssertEqual(stored.map(\.score), [4])
        XCTAssertEqual(changes.changes, [JournalWrite(.painLogged, date: "2026-06-01"), JournalWrite(.painLogged, date: "2026-06-01")])
    }

    func testRefusalsAreShownAndNothingIsWritten() async throws {
        let repo = try await assessedRepository("2026-05-31", clock: FixedClock(today)) // its morning is 05-31 (issue 27)
        let changes = ChangeRecorder()
        let model = QuickLogModel(repository: repo, onJournalChange: changes.handler)
        await model.tap(11, reminderDate: today)
        XCTAssertTrue(model.state.message?.contains("Enter 0–10") == true, model.state.message ?? "")
        XCTAssertNil(model.state.logged)
        await model.tap(3, reminderDate: "2026-06-03")
        XCTAssertTrue(model.state.message?.contains("date") == true, "a future morning is refused by the core")
        await model.tap(3, reminderDate: "June 1st")
        XCTAssertTrue(model.state.message?.contains("date") == true)
        let stored = try await repo.painEntries(from: "2026-06-01", to: today)
        XCTAssertTrue(stored.isEmpty)
        XCTAssertTrue(changes.changes.isEmpty)
    }

    func testUndoRemovesTheTapOrRestoresTheEditedValue() async throws {
        let repo = try await assessedRepository("2026-05-31", clock: FixedClock(today)) // its morning is 05-31 (issue 27)
        let changes = ChangeRecorder()
        let model = QuickLogModel(repository: repo, onJournalChange: changes.handler)
        await model.undo()
        XCTAssertTrue(changes.changes.isEmpty, "nothing logged, nothing to undo")

        await model.tap(5, reminderDate: today)
        await model.undo()
        XCTAssertTrue(model.state.undone, model.state.message ?? "")
        XCTAssertNil(model.state.restored)
        var stored = try await repo.painEntries(from: today, to: today)
        XCTAssertTrue(stored.isEmpty, "undone: the morning is empty again")
        XCTAssertEqual(changes.changes.last, JournalWrite(.painUndone, date: today))

        await model.tap(6, reminderDate: today)
        await model.tap(8, reminderDate: today)
        await model.undo()
        XCTAssertEqual(model.state.restored?.score, 6, "undoing an edit restores what it replaced")
        stored = try await repo.painEntries(from: today, to: today)
        XCTAssertEqual(stored.map(\.score), [6])
        await model.tap(2, reminderDate: "2026-06-01")
        let yesterday = model.state.logged
        await model.tap(3, reminderDate: today)
        XCTAssertEqual(yesterday?.date, "2026-06-01")
        await model.undo()
        stored = try await repo.painEntries(from: "2026-06-01", to: today)
        XCTAssertEqual(stored.map { "\($0.date)=\($0.score)" }, ["2026-06-01=2", "2026-06-02=6"], "only the tapped morning is undone")
    }
}

final class SessionActivityTests: XCTestCase {
    private let date = "2026-06-01"

    private func session() throws -> GuidedSession {
        let exercises = try XCTUnwrap(try openTempCore().submitAssessmentJson(now: morning(date), answersJson: answersJson(date)).program).exercises
        return try GuidedSession(date: date, exercises: exercises)
    }

    func testUpdatesOnlyAtStepChangesWithTheStepsEndForTheSelfUpdatingTimer() throws {
        let engine = try session(), feed = SessionActivityFeed()
        let wallStart = Date(timeIntervalSince1970: 1_780_000_000)
        var steps: [String] = []
        var lastContent: SessionActivityContent?
        var ticks = 0
        var state = try engine.handle(event: .start(atMs: 0))
        for ms in stride(from: Int64(0), through: 90_000, by: 100) {
            state = ms == 0 ? state : try engine.stateAt(nowMs: ms)
            if state.phase == .selfPacedRep { state = try engine.handle(event: .repDone(atMs: ms)) }
            ticks += 1
            let key = "\(state.status)|\(state.exerciseIndex)|\(state.set)|\(state.rep)|\(state.side)|\(state.phase)|\(state.phaseLabel)"
            if steps.last != key { steps.append(key) }
            let wallNow = wallStart.addingTimeInterval(Double(ms) / 1000)
            if let content = feed.content(for: state, wallNow: wallNow) {
                lastContent = content
                XCTAssertEqual(content.phaseLabel, state.phaseLabel)
            } else if let ends = lastContent?.stepEndsAt, let left = state.secondsRemaining, state.status == .running {
                // Between updates the countdown needs nothing: the end pushed at the step change
                // is the end the engine reports now.
                XCTAssertEqual(ends.timeIntervalSince1970, wallNow.addingTimeInterval(left).timeIntervalSince1970, accuracy: 0.002)
            }
        }
        XCTAssertEqual(feed.updates, steps.count, "one update per step")
        XCTAssertLessThan(feed.updates * 5, ticks, "far fewer updates than ticks")
    }

    func testPausedContentFreezesTheCountdownAndCuesMapToHapticsAtSetEnds() throws {
        let engine = try session(), feed = SessionActivityFeed()
        _ = try engine.handle(event: .start(atMs: 0))
        let running = try engine.stateAt(nowMs: 2_000)
        let wall = Date(timeIntervalSince1970: 1_780_000_000)
        let live = try XCTUnwrap(feed.content(for: running, wallNow: wall))
        XCTAssertEqual(live.stepEndsAt, running.secondsRemaining.map { wall.addingTimeInterval($0) })
        let paused = try engine.handle(event: .pause(atMs: 2_500))
        let frozen = try XCTUnwrap(feed.content(for: paused, wallNow: wall.addingTimeInterval(0.5)), "pausing is a status change")
        XCTAssertTrue(frozen.paused)
        XCTAssertNil(frozen.stepEndsAt, "no running timer while paused")
        XCTAssertEqual(frozen.secondsRemaining, paused.secondsRemaining)
        XCTAssertNil(feed.content(for: try engine.stateAt(nowMs: 60_000), wallNow: wall.addingTimeInterval(58)), "paused: nothing to push")
        let decoded = try JSONDecoder().decode(SessionActivityContent.self, from: JSONEncoder().encode(frozen))
        XCTAssertEqual(decoded, frozen, "ActivityKit ships the content state as Codable")

        var cues: [Cue] = []
        var state = try engine.handle(event: .resume(atMs: 60_000))
        var ms: Int64 = 60_000
        while state.status == .running, ms < 4_000_000 {
            ms += 250
            state = try engine.stateAt(nowMs: ms)
            cues += state.cues
            if state.phase == .selfPacedRep {
                state = try engine.handle(event: .repDone(atMs: ms))
                cues += state.cues
            }
        }
        let setDone = try XCTUnwrap(cues.first { $0.kind == .setDone })
        XCTAssertEqual(CueAction.of(setDone).haptic, .setDone)
        XCTAssertEqual(CueAction.of(setDone).speak, setDone.text, "the core's words are spoken")
        XCTAssertTrue(cues.filter { $0.kind == .countdown1 }.allSatisfy { CueAction.of($0).tone && CueAction.of($0).haptic == nil })
        XCTAssertEqual(CueAction.of(try XCTUnwrap(cues.last { $0.kind == .sessionDone })).haptic, .sessionDone)
    }

    func testFileSnapshotAndBootClockRestoreASessionAfterTheAppIsKilled() async throws {
        let repo = try await assessedRepository(date)
        let dir = URL(fileURLWithPath: tempDatabasePath()).deletingLastPathComponent()
        let store = FileSnapshotStore(url: dir.appendingPathComponent(JournalLocation.snapshotName))
        let clock = BootClock()
        XCTAssertGreaterThan(clock.nowMs(), 0)
        let first = SessionViewModel(repository: repo, clock: clock, cues: RecordingCuePlayer(), snapshots: store, tickMs: 50)
        await first.open()
        let started = await first.state
        await first.close()
        XCTAssertNotNil(store.load(), "the snapshot is on disk")

        try await Task.sleep(nanoseconds: 300_000_000)
        let second = SessionViewModel(repository: repo, clock: clock, cues: RecordingCuePlayer(), snapshots: store, tickMs: 50)
        await second.open()
        let restored = await second.state
        XCTAssertEqual(restored?.exerciseId, started?.exerciseId)
        XCTAssertGreaterThan(restored?.elapsedActiveMs ?? 0, started?.elapsedActiveMs ?? .max, "the clock kept running while the app was gone")
        await second.close()
        store.clear()
        XCTAssertNil(store.load())
    }

    func testJournalLocationIsCreatedAndTheCoreOpensThere() throws {
        let support = URL(fileURLWithPath: tempDatabasePath()).deletingLastPathComponent().appendingPathComponent("group")
        let appSupport = JournalLocation.applicationSupport(inGroupContainer: support)
        XCTAssertEqual(appSupport.path, support.path + "/Library/Application Support")
        let journal = try JournalLocation.prepare(applicationSupport: appSupport)
        XCTAssertEqual(journal.path, appSupport.path + "/FirstStep/journal.db")
        let core = try FirstStep.open(path: journal.path)
        _ = try core.logPain(now: morning(date), date: nil, score: 2, stiffnessMinutes: nil, note: nil)
        XCTAssertTrue(FileManager.default.fileExists(atPath: journal.path))
        XCTAssertEqual(try FirstStep.open(path: try JournalLocation.prepare(applicationSupport: appSupport).path).painEntries(from: date, to: date).map(\.score), [2],
                       "preparing again keeps the journal")
    }
}
