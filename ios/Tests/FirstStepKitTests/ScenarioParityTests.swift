import FirstStepCore
import FirstStepKit
import Foundation
import XCTest

/// Replays every scenario file (tests/scenarios) through the real core, exactly as
/// core/tests/scenarios_api.rs does (semantics: docs/clinical-rules.md), and checks Swift sees what
/// Rust sees: assessment, sessions with their effort answer (P5), runs, return-to-run self-tests
/// (RR1), PSFS activities and ratings (M2), then decisions, running guidance, home and PSFS.
final class ScenarioParityTests: XCTestCase {
    private var scenariosDir: URL {
        if let dir = ProcessInfo.processInfo.environment["FIRSTSTEP_SCENARIOS_DIR"] { return URL(fileURLWithPath: dir) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../tests/scenarios")
    }

    private func scenarioFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: scenariosDir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    func testEveryScenarioMatchesTheRustReplay() throws {
        let files = try scenarioFiles()
        XCTAssertGreaterThanOrEqual(files.count, 5, "expected at least 5 scenario files in \(scenariosDir.path)")
        for file in files {
            let scenario = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
            do {
                try replay(scenario)
            } catch {
                XCTFail("\(file.lastPathComponent): \(error)")
            }
        }
    }

    /// The scenarios of issue #12 are present, so a renamed or deleted file cannot pass silently.
    func testTheRevisedProgramScenariosAreReplayed() throws {
        let names = Set(try scenarioFiles().map { $0.deletingPathExtension().lastPathComponent })
        for wanted in ["good_responder_12_weeks", "every_finding_five_exercises", "effort_based_load_steps",
                       "return_to_run_pass_walk_run", "return_to_run_not_yet", "psfs_change"] {
            XCTAssertTrue(names.contains(wanted), "tests/scenarios/\(wanted).json is missing")
        }
    }

    /// The new fields are read from the files, not ignored: the effort scenario stores efforts and
    /// reps in reserve, the RR1 scenarios store self-tests, the PSFS scenario stores ratings.
    func testNewScenarioFieldsReachTheJournal() throws {
        let effort = try replayFile("effort_based_load_steps")
        let sessions = try effort.sessions(from: "2000-01-01", to: "2100-01-01")
        XCTAssertTrue(sessions.contains { $0.effort != nil }, "effort answers are stored")
        XCTAssertTrue(sessions.contains { $0.repsInReserve != nil }, "reps in reserve are stored")
        XCTAssertTrue(try effort.decisions(from: "2000-01-01", to: "2100-01-01").contains { $0.action == .addLoad })

        let walkRun = try replayFile("return_to_run_pass_walk_run")
        XCTAssertTrue(try walkRun.returnToRunChecks().contains { $0.passed })
        let notYet = try replayFile("return_to_run_not_yet")
        let checks = try notYet.returnToRunChecks()
        XCTAssertFalse(checks.isEmpty)
        XCTAssertFalse(checks.last!.passed)

        let psfs = try replayFile("psfs_change")
        XCTAssertEqual(try psfs.psfs(now: morning("2026-09-29")).activities.count, 3)
    }

    /// Every JournalChange, by the name the shared table uses. Exhaustive on purpose: a change the core
    /// adds stops this compiling until it is in the table's check.
    static func tableName(_ change: JournalChange) -> String {
        switch change {
        case .safetyScreen: return "safety_screen"
        case .assessment: return "assessment"
        case .painLogged: return "pain_logged"
        case .painUndone: return "pain_undone"
        case .sessionSaved: return "session_saved"
        case .runLogged: return "run_logged"
        case .runsImported: return "runs_imported"
        case .clinicianVisit: return "clinician_visit"
        case .hopCheck: return "hop_check"
        case .maintenance: return "maintenance"
        case .returnToRunTest: return "return_to_run_test"
        case .psfs: return "psfs"
        case .settingsSaved: return "settings_saved"
        case .imported: return "imported"
        }
    }

    static let allChanges: [JournalChange] = [.safetyScreen, .assessment, .painLogged, .painUndone, .sessionSaved, .runLogged, .runsImported,
                                              .clinicianVisit, .hopCheck, .maintenance, .returnToRunTest, .psfs, .settingsSaved, .imported]

    /// tests/shell-decisions/screens_to_refresh.json, pinned in Rust, Kotlin and here: what Kit reloads
    /// after each write is the core's `screensToRefresh`, and the table says the same.
    func testScreensToRefreshMatchTheSharedTable() throws {
        let url = scenariosDir.appendingPathComponent("../shell-decisions/screens_to_refresh.json")
        let file = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let table = try XCTUnwrap(file["screens_to_refresh"] as? [String: [String]])
        XCTAssertEqual(table.count, 14, "one row per JournalChange")
        XCTAssertEqual(Set(table.keys), Set(Self.allChanges.map(Self.tableName)))
        for change in Self.allChanges {
            let got = screensToRefresh(change: change).map { snake($0) }
            XCTAssertEqual(got, table[Self.tableName(change)], "\(change)")
            // Kit's write model reports exactly the core's list.
            XCTAssertEqual(JournalWrite(change).staleScreens, screensToRefresh(change: change))
        }
    }

    /// The issue-26 keys are present in the files, so the checks above replay something.
    func testTheShellDecisionKeysAreInTheScenarios() throws {
        var routes = 0, announcements = 0, asked = 0, notAsked = 0
        for file in try scenarioFiles() {
            let scenario = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
            if scenario["expect_home_before_assessment"] is [String: Any] { routes += 1 }
            routes += (scenario["expect_home"] as? [[String: Any]] ?? []).filter { $0["start_route"] is String }.count
            for day in scenario["days"] as? [[String: Any]] ?? [] {
                if let said = day["expect_announcements"] as? [Any], !said.isEmpty { announcements += 1 }
                if day["expect_effort_question"] is [Any] { asked += 1 }
                if day["expect_effort_question"] is NSNull { notAsked += 1 }
            }
        }
        XCTAssertGreaterThanOrEqual(routes, 4)
        XCTAssertGreaterThanOrEqual(announcements, 2)
        XCTAssertGreaterThanOrEqual(asked, 1)
        XCTAssertGreaterThanOrEqual(notAsked, 1)
    }

    private func replayFile(_ name: String) throws -> FirstStep {
        let url = scenariosDir.appendingPathComponent("\(name).json")
        let scenario = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        return try replay(scenario)
    }

    struct ReplayError: Error, CustomStringConvertible {
        var description: String
    }

    @discardableResult
    private func replay(_ scenario: [String: Any]) throws -> FirstStep {
        let name = scenario["name"] as? String ?? "?"
        let core = try openTempCore()
        let answers = scenario["answers"] as! [String: Any]
        let start = answers["date"] as! String
        let answersText = String(decoding: try JSONSerialization.data(withJSONObject: answers), as: UTF8.self)
        // Optional (issue 26): where a fresh journal opens, before the assessment.
        if let before = scenario["expect_home_before_assessment"] as? [String: Any] {
            let screen = try core.home(now: morning(start))
            XCTAssertEqual(Self.routeName(screen.startRoute), before["start_route"] as? String ?? "", "\(name): start route before assessment")
        }
        let result = try core.submitAssessmentJson(now: morning(start), answersJson: answersText)

        let expected = scenario["expect_assessment"] as! [String: Any]
        XCTAssertEqual(snake(result.safety.level), expected["red_flag_level"] as? String, "\(name): red-flag level")
        let wantedFindings = Set((expected["findings"] as! [[String: Any]]).map { "\($0["domain"]!)/\($0["side"]!)/\($0["severity"]!)" })
        XCTAssertEqual(Set(result.findings.map { "\(snake($0.domain))/\(snake($0.side))/\(snake($0.severity))" }), wantedFindings, "\(name): findings")
        if let program = expected["program"] as? [[String: Any]] {
            let wanted = Set(program.map { "\($0["id"]!)@\($0["level"]!)" })
            XCTAssertEqual(result.program.map { Set($0.exercises.map { "\($0.exerciseId)@\($0.level)" }) }, wanted, "\(name): program")
        } else {
            XCTAssertNil(result.program, "\(name): no program expected")
        }

        // PSFS (rule M2): the activities are named on the assessment date, in the file's order.
        let psfsNames = scenario["psfs_activities"] as? [String] ?? []
        let psfsIds = psfsNames.isEmpty ? [] : try core.setPsfsActivities(now: morning(start), names: psfsNames).map(\.id)

        let days = scenario["days"] as? [[String: Any]] ?? []
        for day in days {
            let date = day["date"] as! String
            let moment = morning(date)
            if let pain = int(day["pain"]) {
                let log = try core.logPain(now: moment, date: nil, score: pain, stiffnessMinutes: nil, note: nil)
                // Optional (issue 26): what the confirmation announces (never a hold; load added is).
                if let want = day["expect_announcements"] as? [Any] {
                    let got = log.announcements.map { "\($0.exerciseId) \(snake($0.action)) \($0.fromLevel)->\($0.toLevel)" }
                    XCTAssertEqual(got, want.map { $0 as? String ?? "" }, "\(name) \(date): announcements")
                    let lines = (log.flare.map { [$0.text] } ?? []) + log.announcements.map(\.text)
                    XCTAssertEqual(log.messageLines, lines, "\(name) \(date): message lines")
                }
            }
            // Optional (issue 26): whether the session's effort question is asked (null: not asked), and
            // about what; the records as the guided session would hand them over, before they are logged.
            if day.keys.contains("expect_effort_question") {
                let records = (day["sessions"] as? [[String: Any]] ?? []).map { sessionRecord(date, $0) }
                let got = try core.effortQuestion(records: records)?.exerciseIds
                let want = (day["expect_effort_question"] as? [Any])?.map { $0 as? String ?? "" }
                XCTAssertEqual(got, want, "\(name) \(date): effort question")
            }
            for s in day["sessions"] as? [[String: Any]] ?? [] {
                let effort = try (s["effort"] as? String).map { value -> Effort in
                    guard let effort = Self.effort(value) else { throw ReplayError(description: "\(name) \(date): unknown effort \(value)") }
                    return effort
                }
                _ = try core.logSession(now: moment, date: nil, exerciseId: s["exercise_id"] as? String ?? "", sets: int(s["sets_done"]) ?? 0,
                                        reps: int(s["reps_done"]), holdSeconds: int(s["hold_seconds_done"]),
                                        peakPain: int(s["peak_pain"]) ?? -1, completed: s["completed"] as? Bool ?? false,
                                        effort: effort, repsInReserve: int(s["reps_in_reserve"]))
            }
            if let visit = day["clinician_visit"] as? [String: Any] {
                _ = try core.recordClinicianVisit(now: moment, date: nil, cleared: visit["cleared"] as? Bool ?? false)
            }
            for r in day["runs"] as? [[String: Any]] ?? [] {
                _ = try core.logRun(now: moment, date: nil, distanceKm: double(r["distance_km"]) ?? 0, minutes: double(r["minutes"]),
                                    painDuring: int(r["pain_during"]), painAfter: int(r["pain_after"]), surface: nil, shoes: nil)
            }
            // Return to run (RR1): the self-test, taken after the day's runs.
            if let test = day["return_to_run"] as? [String: Any] {
                let answers = ReturnToRunAnswers(walkPain: UInt8(int(test["walk_pain"])!),
                                                 heelRaisesAffected: UInt32(int(test["heel_raises_affected"])!),
                                                 heelRaisesOther: int(test["heel_raises_other"]).map { UInt32($0) },
                                                 hopPain: UInt8(int(test["hop_pain"])!))
                _ = try core.takeReturnToRunTest(now: moment, answers: answers)
            }
            // PSFS ratings (M2): the scores in the activities' order, rated after the runs.
            if let scores = day["psfs"] as? [Any] {
                let ratings = zip(psfsIds, scores).map { PsfsRating(activityId: $0, score: UInt8(int($1) ?? 99)) }
                _ = try core.ratePsfs(now: moment, date: nil, ratings: ratings)
            }
        }

        // Decisions of the whole replay, in the core's order (holds left out), as the Rust replay.
        let last = days.last?["date"] as? String ?? start
        let actual = try core.decisions(from: start, to: last).filter { $0.action != .hold }
            .map { "\($0.date) \($0.exerciseId) \(snake($0.action)) \($0.fromLevel)->\($0.toLevel) \($0.rule)" }
        let wanted = (scenario["expect_decisions"] as? [[String: Any]] ?? [])
            .map { "\($0["date"]!) \($0["exercise_id"]!) \($0["action"]!) \($0["from_level"]!)->\($0["to_level"]!) \($0["rule"]!)" }
        XCTAssertEqual(actual, wanted, "\(name): decisions")

        if let running = scenario["expect_running"] as? [String: Any] {
            let guidance = try core.progress(now: morning(running["date"] as! String), plannedRunKm: double(running["planned_run_km"])).running
            XCTAssertEqual(snake(guidance.state), running["state"] as? String, "\(name): running state (\(guidance.reason))")
            XCTAssertEqual(guidance.longRunWarning != nil, running["long_run_warning"] as? Bool, "\(name): long-run warning")
            // RR1: the card's state and walk-run step; a missing key means no card / no step.
            let card = guidance.returnToRun
            XCTAssertEqual(card.map { snake($0.state) }, running["return_to_run"] as? String, "\(name): return-to-run card (\(card?.text ?? "none"))")
            XCTAssertEqual(card?.step.map { Int64($0.step) }, int(running["walk_run_step"]), "\(name): walk-run step")
            // X2 / A7: checked when the file gives them.
            if let km = double(running["reduce_to_km"]) {
                XCTAssertEqual(guidance.reduceToKm, km, "\(name): reduce to km")
            }
            if let warned = running["weekly_warning"] as? Bool {
                XCTAssertEqual(guidance.weeklyWarning != nil, warned, "\(name): weekly warning (\(guidance.weeklyWarning ?? "none"))")
            }
        }

        // Home-screen checks (R1 seek care, R2 plan, R4 referral banner), as the Rust replay.
        for home in scenario["expect_home"] as? [[String: Any]] ?? [] {
            let date = home["date"] as! String
            let screen = try core.home(now: morning(date))
            XCTAssertEqual(snake(screen.nextStep), home["next_step"] as? String, "\(name): home \(date) next step")
            if let want = home["start_route"] as? String {
                XCTAssertEqual(Self.routeName(screen.startRoute), want, "\(name): home \(date) start route")
            }
            let wanted = (home["referral"] as? [String: Any]).map { "\($0["rule"]!) \($0["level"]!)" }
            XCTAssertEqual(screen.referral.map { "\($0.rule) \(snake($0.level))" }, wanted, "\(name): home \(date) referral")
            if let plan = home["plan"] as? [String] {
                XCTAssertEqual(screen.plan?.exercises.map { $0.exerciseId } ?? [], plan, "\(name): home \(date) plan")
            }
        }

        // PSFS checks (M2), each as of its date after the whole replay; means rounded to 1 decimal.
        for expect in scenario["expect_psfs"] as? [[String: Any]] ?? [] {
            let date = expect["date"] as! String
            let psfs = try core.psfs(now: morning(date))
            let context = "\(name): psfs \(date) (\(psfs.text))"
            XCTAssertEqual(psfs.due, expect["due"] as? Bool, "\(context) due")
            XCTAssertEqual(psfs.nextDue, expect["next_due"] as? String, "\(context) next due")
            XCTAssertEqual(round1(psfs.meanFirst), double(expect["mean_first"]), "\(context) mean first")
            XCTAssertEqual(round1(psfs.meanLatest), double(expect["mean_latest"]), "\(context) mean latest")
            XCTAssertEqual(round1(psfs.meanChange), double(expect["mean_change"]), "\(context) mean change")
            XCTAssertEqual(psfs.detectableChange, expect["detectable_change"] as? Bool, "\(context) detectable change")
            XCTAssertEqual(psfs.activities.map(\.detectable), (expect["detectable"] as? [Bool]) ?? [], "\(context) detectable per activity")
        }
        return core
    }

    /// The route's name as the scenario files write it.
    static func routeName(_ route: StartRoute) -> String {
        switch route {
        case .welcome: return "welcome"
        case .urgentStop: return "urgent_stop"
        case .home: return "home"
        }
    }

    /// A finished session's record as the guided session would produce it from a scenario session
    /// (as core/tests/scenarios_api.rs builds it: level 0, no effort yet).
    private func sessionRecord(_ date: String, _ s: [String: Any]) -> SessionRecord {
        SessionRecord(date: date, exerciseId: s["exercise_id"] as? String ?? "", level: 0, setsDone: UInt32(int(s["sets_done"]) ?? 0),
                      repsDone: int(s["reps_done"]).map { UInt32($0) }, holdSecondsDone: int(s["hold_seconds_done"]).map { UInt32($0) },
                      peakPain: UInt8(int(s["peak_pain"]) ?? 0), completed: s["completed"] as? Bool ?? false, skippedSteps: 0,
                      effort: nil, repsInReserve: nil)
    }

    /// The scenario files' snake_case effort names.
    private static func effort(_ value: String) -> Effort? {
        switch value {
        case "too_easy": return .tooEasy
        case "right": return .right
        case "too_hard": return .tooHard
        default: return nil
        }
    }

    private func round1(_ value: Double?) -> Double? { value.map { ($0 * 10).rounded() / 10 } }
    private func int(_ value: Any?) -> Int64? { (value as? NSNumber).map { $0.int64Value } }
    private func double(_ value: Any?) -> Double? { (value as? NSNumber).map { $0.doubleValue } }
}
