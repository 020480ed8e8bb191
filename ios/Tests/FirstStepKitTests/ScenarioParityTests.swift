import FirstStepCore
import Foundation
import XCTest

/// Replays every scenario file (tests/scenarios) through the real core, exactly as
/// docs/clinical-rules.md describes, and checks Swift sees what Rust sees.
final class ScenarioParityTests: XCTestCase {
    private var scenariosDir: URL {
        if let dir = ProcessInfo.processInfo.environment["FIRSTSTEP_SCENARIOS_DIR"] { return URL(fileURLWithPath: dir) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../tests/scenarios")
    }

    func testEveryScenarioMatchesTheRustReplay() throws {
        let files = try FileManager.default.contentsOfDirectory(at: scenariosDir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        XCTAssertFalse(files.isEmpty, "no scenario files in \(scenariosDir.path)")
        for file in files {
            let scenario = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
            try replay(scenario)
        }
    }

    private func replay(_ scenario: [String: Any]) throws {
        let name = scenario["name"] as! String
        let core = try openTempCore()
        let answers = scenario["answers"] as! [String: Any]
        let answersText = String(decoding: try JSONSerialization.data(withJSONObject: answers), as: UTF8.self)
        let result = try core.submitAssessmentJson(now: morning(answers["date"] as! String), answersJson: answersText)

        let expected = scenario["expect_assessment"] as! [String: Any]
        XCTAssertEqual(snake(result.safety.level), expected["red_flag_level"] as? String, "\(name): red-flag level")
        let wantedFindings = Set((expected["findings"] as! [[String: Any]]).map { "\($0["domain"]!)/\($0["side"]!)/\($0["severity"]!)" })
        XCTAssertEqual(Set(result.findings.map { "\(snake($0.domain))/\(snake($0.side))/\(snake($0.severity))" }), wantedFindings, "\(name): findings")
        if let program = expected["program"] as? [[String: Any]] {
            let wanted = Set(program.map { "\($0["id"]!)@\($0["level"]!)" })
            XCTAssertEqual(Set(result.program?.exercises.map { "\($0.exerciseId)@\($0.level)" } ?? []), wanted, "\(name): program")
        } else {
            XCTAssertNil(result.program, "\(name): no program expected")
        }

        let days = scenario["days"] as! [[String: Any]]
        for day in days {
            let moment = morning(day["date"] as! String)
            if let pain = int(day["pain"]) { _ = try core.logPain(now: moment, date: nil, score: pain, stiffnessMinutes: nil, note: nil) }
            for s in day["sessions"] as! [[String: Any]] {
                _ = try core.logSession(now: moment, date: nil, exerciseId: s["exercise_id"] as! String, sets: int(s["sets_done"])!,
                                        reps: int(s["reps_done"]), holdSeconds: int(s["hold_seconds_done"]),
                                        peakPain: int(s["peak_pain"])!, completed: s["completed"] as! Bool)
            }
            if let visit = day["clinician_visit"] as? [String: Any] {
                _ = try core.recordClinicianVisit(now: moment, date: nil, cleared: visit["cleared"] as? Bool ?? false)
            }
            for r in day["runs"] as! [[String: Any]] {
                _ = try core.logRun(now: moment, date: nil, distanceKm: double(r["distance_km"])!, minutes: double(r["minutes"]),
                                    painDuring: int(r["pain_during"]), painAfter: int(r["pain_after"]), surface: nil, shoes: nil)
            }
        }

        if let first = days.first?["date"] as? String, let last = days.last?["date"] as? String {
            let actual = try core.decisions(from: first, to: last).filter { $0.action != .hold }
                .sorted { ($0.date, $0.exerciseId) < ($1.date, $1.exerciseId) }
                .map { "\($0.date) \($0.exerciseId) \(snake($0.action)) \($0.fromLevel)->\($0.toLevel) \($0.rule)" }
            let wanted = (scenario["expect_decisions"] as! [[String: Any]])
                .map { "\($0["date"]!) \($0["exercise_id"]!) \($0["action"]!) \($0["from_level"]!)->\($0["to_level"]!) \($0["rule"]!)" }
            XCTAssertEqual(actual, wanted, "\(name): decisions")
        }

        if let running = scenario["expect_running"] as? [String: Any] {
            let guidance = try core.progress(now: morning(running["date"] as! String), plannedRunKm: double(running["planned_run_km"])).running
            XCTAssertEqual(snake(guidance.state), running["state"] as? String, "\(name): running state")
            XCTAssertEqual(guidance.longRunWarning != nil, running["long_run_warning"] as? Bool, "\(name): long-run warning")
        }

        // Home-screen checks (R1 seek care, R2 plan, R4 referral banner), as the Rust replay.
        for home in scenario["expect_home"] as? [[String: Any]] ?? [] {
            let date = home["date"] as! String
            let screen = try core.home(now: morning(date))
            XCTAssertEqual(snake(screen.nextStep), home["next_step"] as? String, "\(name): home \(date) next step")
            let wanted = (home["referral"] as? [String: Any]).map { "\($0["rule"]!) \($0["level"]!)" }
            XCTAssertEqual(screen.referral.map { "\($0.rule) \(snake($0.level))" }, wanted, "\(name): home \(date) referral")
            if let plan = home["plan"] as? [String] {
                XCTAssertEqual(screen.plan?.exercises.map { $0.exerciseId }, plan, "\(name): home \(date) plan")
            }
        }
    }

    private func int(_ value: Any?) -> Int64? { (value as? NSNumber).map { $0.int64Value } }
    private func double(_ value: Any?) -> Double? { (value as? NSNumber).map { $0.doubleValue } }
}
