import FirstStepCore
import Foundation
import XCTest

// Compiled only with `-Xswiftc -DFIRSTSTEP_BENCH` (tests/bench/run.sh passes it), so the normal test
// run has no benchmark at all rather than a skipped one.
#if FIRSTSTEP_BENCH
/// The Swift side of the cross-language benchmark (tests/bench/run.sh): the 12-week trend over a
/// one-year journal through the generated bindings. Runs when FIRSTSTEP_BENCH=1. FIRSTSTEP_BENCH_DB
/// times a journal the Rust example built (same file in every language); without it the same journal
/// is built here through the API. Prints `swift trend_12w_us_per_call=<µs>`.
final class TrendBenchmarkTests: XCTestCase {
    /// Same recipe as core/examples/ffi_trend_bench.rs.
    static let endDate = "2026-08-31"
    static let dayMs: Int64 = 86_400_000
    static let startMs: Int64 = 1_756_713_600_000 // 2025-09-01T08:00:00Z
    static let answers = """
        {"date": "2025-09-01", "affected_side": "left", "first_step_pain": 6,
          "knee_to_wall_cm": {"left": 7.0, "right": 11.0}, "heel_raise_reps": {"left": 15, "right": 25}}
        """

    func testTwelveWeekTrendOverAOneYearJournal() throws {
        let env = ProcessInfo.processInfo.environment
        try XCTSkipUnless(env["FIRSTSTEP_BENCH"] == "1", "benchmark off (FIRSTSTEP_BENCH=1 turns it on)")
        let calls = Int(env["FIRSTSTEP_BENCH_CALLS"] ?? "") ?? 2000
        let path: String
        if let shared = env["FIRSTSTEP_BENCH_DB"], !shared.isEmpty {
            path = shared
        } else {
            path = tempDatabasePath()
            try Self.buildYear(path)
        }
        let core = try FirstStep.open(path: path)
        for _ in 0..<max(calls / 10, 100) { _ = try core.trend(end: Self.endDate, weeks: 12) } // warm-up
        var days = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<calls { days += try core.trend(end: Self.endDate, weeks: 12).days.count }
        let micros = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000 / Double(calls)
        XCTAssertEqual(days, 84 * calls)
        print(String(format: "swift trend_12w_us_per_call=%.1f", micros))
    }

    static func buildYear(_ path: String) throws {
        let app = try FirstStep.open(path: path)
        func moment(_ day: Int64) -> Moment { Moment(instantMs: startMs + day * dayMs, timeZone: "UTC") }
        _ = try app.submitAssessmentJson(now: moment(0), answersJson: answers)
        for day in Int64(0)..<365 {
            let now = moment(day)
            let pain = min(10, max(0, 6 - day / 90 + (day % 7 == 3 ? 1 : 0)))
            _ = try app.logPain(now: now, date: nil, score: pain, stiffnessMinutes: 10, note: nil)
            _ = try app.logSession(now: now, date: nil, exerciseId: "plantar_fascia_stretch", sets: 1, reps: 10, holdSeconds: nil, peakPain: 1, completed: true)
            if day % 3 == 0 {
                _ = try app.logRun(now: now, date: nil, distanceKm: 5.0 + Double(day % 10), minutes: 35, painDuring: 2, painAfter: 2, surface: nil, shoes: nil)
            }
        }
    }
}
#endif
