import FirstStepCore
import Foundation
import XCTest

/// One FirstStep object shared by 8 threads writing and reading at once; every write lands.
final class ThreadsTests: XCTestCase {
    func testEightThreadsShareOneJournal() throws {
        let core = try openTempCore()
        _ = try core.submitAssessmentJson(now: morning("2026-03-01"), answersJson: answersJson("2026-03-01"))
        let today = morning("2026-06-30")
        let threads = 8, perThread = 10
        let start = morning("2026-03-01").instantMs
        let lock = NSLock()
        var failures: [String] = []
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            do {
                for i in 0..<perThread {
                    let date = try localDate(moment: Moment(instantMs: start + Int64(t * perThread + i) * 86_400_000, timeZone: "UTC"))
                    _ = try core.logRun(now: today, date: date, distanceKm: 5.0 + Double(t), minutes: 30, painDuring: 1, painAfter: 1, surface: nil, shoes: nil)
                    _ = try core.logSession(now: today, date: date, exerciseId: "plantar_fascia_stretch", sets: 10, reps: nil, holdSeconds: 10, peakPain: 1, completed: true)
                    _ = try core.trend(end: "2026-06-30", weeks: 12)
                    _ = try core.home(now: today)
                }
            } catch {
                lock.lock(); failures.append("thread \(t): \(error)"); lock.unlock()
            }
        }
        XCTAssertEqual(failures, [])
        let runs = try core.runs(from: "2026-03-01", to: "2026-06-30")
        XCTAssertEqual(runs.count, threads * perThread)
        XCTAssertEqual(try core.sessions(from: "2026-03-01", to: "2026-06-30").count, threads * perThread)
        let totalKm: Double = runs.map(\.distanceKm).reduce(0, +)
        var expectedKm = 0.0
        for t in 0..<threads { expectedKm += (5.0 + Double(t)) * Double(perThread) }
        XCTAssertEqual(totalKm, expectedKm, accuracy: 1e-9)
    }
}
