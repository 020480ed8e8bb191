import FirstStepCore
import Foundation
import XCTest
@testable import FirstStepKit

/// Issue 26 in Kit: the route, the reloads and the re-plan follow the core; each journal trouble the
/// core tells apart gets its way out, on real files.
@MainActor
final class ShellDecisionTests: XCTestCase {
    private let today = "2026-06-01"

    func testAnUrgentFlagAfterAProgramOpensTheStopScreen() async throws {
        let repo = try await assessedRepository(shift(today, -3), clock: FixedClock(today))
        let before = try await repo.home()
        XCTAssertEqual(AppRoute.of(before), .main)
        let questions = await repo.safetyQuestions()
        let urgent = try XCTUnwrap(questions.first { $0.level == .urgent })
        _ = try await repo.submitSafetyScreen(yesIds: [urgent.id])
        let home = try await repo.home()
        guard case let .urgentStop(advice) = home.startRoute else { return XCTFail("core route \(home.startRoute)") }
        XCTAssertEqual(AppRoute.of(home), .urgentStop(advice: advice))
        XCTAssertFalse(advice.isEmpty)
    }

    func testStaleScreensMoveOnlyTheScreensTheCoreNames() async {
        var stale = StaleScreens()
        let screens = stale.record(JournalWrite(.runLogged))
        XCTAssertEqual(screens, screensToRefresh(change: .runLogged))
        XCTAssertEqual(stale.generation(.runs), 1)
        XCTAssertEqual(stale.generation(.lessons), 0, "a run changes no lesson")
        stale.record(JournalWrite(.painLogged, date: today))
        XCTAssertEqual(stale.generation(.home), 2)
        XCTAssertEqual(stale.generation(.runs), 1)
        XCTAssertEqual(stale.generation(.program), 1)
    }

    func testTheReminderReplanFollowsTheCoresList() async throws {
        let clock = ZonedClock("2026-06-01 06:00", zone: "Europe/Berlin")
        let repo = try await assessedRepository(shift(today, -1), clock: clock)
        let center = FakeNotificationCenter()
        let replanner = ReminderReplanner(repository: repo, center: center, limit: 10)
        let run = try await replanner.replan(after: JournalWrite(.runLogged))
        XCTAssertNil(run, "the core does not list the reminders after a run")
        XCTAssertTrue(center.pending.isEmpty)
        let pain = try await replanner.replan(after: JournalWrite(.painLogged, date: today))
        XCTAssertEqual(pain?.added.count, 10)
        XCTAssertTrue(center.deliveredRemovals.contains("\(NotificationCategory.morningPain) \(today)"))
    }

    func testHopCheckAndMaintenanceReportTheirWrites() async throws {
        let changes = ChangeRecorder()
        let repo = try await assessedRepository(shift(today, -1), clock: FixedClock(today))
        let home = HomeViewModel(repository: repo, onJournalChange: changes.handler)
        await home.answerHopCheck(2)
        // Whether a hop check is accepted today is the core's; a write is reported only when it was.
        if (try home.state.ready).message == nil { XCTAssertEqual(changes.changes, [JournalWrite(.hopCheck)]) } else { XCTAssertEqual(changes.changes, []) }
    }

    // MARK: journal trouble

    /// A journal with a program and a few mornings, closed (the WAL checkpointed into the file).
    private func closedJournal() throws -> String {
        let path = tempDatabasePath()
        do {
            let core = try FirstStep.open(path: path)
            _ = try core.submitAssessmentJson(now: morning("2026-05-01"), answersJson: answersJson("2026-05-01"))
            for day in 1...20 {
                _ = try core.logPain(now: morning(shift("2026-05-01", day)), date: nil, score: 4, stiffnessMinutes: 5,
                                     note: String(repeating: "a note long enough to fill pages ", count: 20))
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-wal"), "closed: the WAL is gone")
        return path
    }

    func testATooNewJournalOffersTheUpdateAndIsLeftAlone() async throws {
        let path = try closedJournal()
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes.replaceSubrange(60..<64, with: [0, 0, 0, 99]) // SQLite header: user_version, big-endian
        try bytes.write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try FirstStep.open(path: path)) { error in
            let problem = JournalProblem(error)
            XCTAssertEqual(problem?.wayOut, .updateApp, "\(error)")
            XCTAssertEqual(problem?.actionLabel, "Update FirstStep")
            XCTAssertEqual(problem?.path, path)
            XCTAssertEqual(problem?.message, describe(error))
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), bytes, "the newer file is unchanged")
    }

    func testAReadOnlyJournalKeepsReadingAndOffersToOpenForReading() async throws {
        let path = try closedJournal()
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir)
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir)
            try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        }
        let repo = try FirstStepRepository.open(path: path, clock: FixedClock("2026-05-22"))
        let home = HomeViewModel(repository: repo)
        await home.refresh()
        XCTAssertNotNil((try home.state.ready).home, "reads work")
        XCTAssertNil((try home.state.ready).problem)
        await home.logPain(3)
        XCTAssertEqual((try home.state.ready).problem?.wayOut, .openForReading, home.state.content?.message ?? "")
        XCTAssertEqual((try home.state.ready).problem?.actionLabel, "Open for reading")
        XCTAssertNotNil((try home.state.ready).home, "the screen keeps what it read")
        home.dismissMessage()
        XCTAssertNil((try home.state.ready).problem)
        XCTAssertNil((try home.state.ready).message)
    }

    func testADamagedJournalOffersToExportWhatCanBeRead() async throws {
        let path = try closedJournal()
        let url = URL(fileURLWithPath: path)
        let healthy = try Data(contentsOf: url)
        let rawSize = Int(healthy[16]) << 8 | Int(healthy[17])
        let pageSize = rawSize == 1 ? 65_536 : rawSize
        let pages = healthy.count / pageSize
        XCTAssertGreaterThan(pages, 3)
        var found: JournalProblem?
        // Scrambles one page after the header page at a time, until a write meets SQLite's own check
        // (a free page would not count); the file is rewritten from the healthy copy each time.
        for page in stride(from: pages - 1, through: 1, by: -1) where found == nil {
            var bytes = healthy
            for i in 0..<pageSize { bytes[page * pageSize + i] = UInt8(truncatingIfNeeded: i &* 151 &+ page) ^ 0x5a }
            try bytes.write(to: url)
            try? FileManager.default.removeItem(atPath: path + "-wal")
            try? FileManager.default.removeItem(atPath: path + "-shm")
            guard let core = try? FirstStep.open(path: path) else { continue }
            do {
                try core.saveSettings(settings: try core.settings())
            } catch let error as FirstStepError {
                if case .DatabaseDamaged = error { found = JournalProblem(error) }
            }
        }
        let problem = try XCTUnwrap(found, "no scrambled page was reported damaged")
        XCTAssertEqual(problem.wayOut, .exportReadable)
        XCTAssertEqual(problem.actionLabel, "Export what can be read")
        XCTAssertEqual(problem.path, path)
    }

    func testOtherErrorsAreNoJournalProblem() async {
        XCTAssertNil(JournalProblem(FirstStepError.InvalidInput(field: "score", reason: "score must be 0..=10", allowed: "0..=10", got: "11")))
        XCTAssertNil(JournalProblem(FirstStepError.Io(path: "/tmp/x.json", reason: "cannot write")))
        XCTAssertEqual(JournalProblem(FirstStepError.Database(path: "/j.db", reason: "cannot open"))?.wayOut, .some(nil))
        let field = FieldError(FirstStepError.InvalidInput(field: "score", reason: "r", allowed: "0..=10", got: "11"))
        XCTAssertEqual(field, FieldError(field: "score", message: "r", allowed: "0..=10", got: "11"))
    }
}
