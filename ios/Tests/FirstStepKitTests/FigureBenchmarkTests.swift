import FirstStepCore
import Foundation
import XCTest
@testable import FirstStepKit

// Compiled only with `-Xswiftc -DFIRSTSTEP_BENCH` (as TrendBenchmarkTests), so the normal test run has
// no benchmark at all rather than a skipped one.
#if FIRSTSTEP_BENCH
/// One figure frame through the FFI from Swift and mapped onto a canvas (issue 21: a frame must fit a
/// 60 fps budget with room to spare). Runs when FIRSTSTEP_BENCH=1; prints
/// `swift figure_frame_us_per_call=<µs>` (core frame + FigureMapper.map, calf raise mid-"up").
final class FigureBenchmarkTests: XCTestCase {
    func testOneFigureFrameThroughTheFfiAndMapped() throws {
        let env = ProcessInfo.processInfo.environment
        try XCTSkipUnless(env["FIRSTSTEP_BENCH"] == "1", "benchmark off (FIRSTSTEP_BENCH=1 turns it on)")
        let calls = Int(env["FIRSTSTEP_BENCH_CALLS"] ?? "") ?? 2000
        func frame(_ i: Int) throws -> Int {
            let f = try exerciseFigure(exerciseId: "calf_loading", level: 2, side: .left, phase: .up, progress: Double(i % 100) / 100)
            return FigureMapper.map(f, width: 390, height: 390).commands.count
        }
        for i in 0..<max(calls / 10, 50) { _ = try frame(i) } // warm-up
        var commands = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for i in 0..<calls { commands += try frame(i) }
        let micros = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000 / Double(calls)
        XCTAssertGreaterThan(commands, calls)
        print(String(format: "swift figure_frame_us_per_call=%.1f", micros))
    }
}
#endif
