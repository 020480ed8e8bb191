import FirstStepCore
import Foundation
import XCTest

/// Bad input and bad files come back as typed errors naming the problem; nothing crashes.
final class TypedErrorsTests: XCTestCase {
    func testPainElevenIsRefusedWithFieldAndRange() throws {
        let core = try openTempCore()
        XCTAssertThrowsError(try core.logPain(now: morning("2026-06-01"), date: nil, score: 11, stiffnessMinutes: nil, note: nil)) { error in
            guard case let FirstStepError.InvalidInput(field, reason, allowed, _) = error else { return XCTFail("got \(error)") }
            XCTAssertEqual(field, "score")
            XCTAssertEqual(allowed, "0..=10")
            XCTAssertEqual(reason, "Enter 0–10 for first-step pain (you entered 11)")
        }
        XCTAssertTrue(try core.painEntries(from: "2026-05-01", to: "2026-06-01").isEmpty, "nothing was written")
    }

    func testGarbageFileIsNamedAndLeftUntouched() throws {
        let path = tempDatabasePath()
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 * 31 + 7) })
        try garbage.write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try FirstStep.open(path: path)) { error in
            guard case let FirstStepError.Database(errorPath, _) = error else { return XCTFail("got \(error)") }
            XCTAssertTrue(errorPath.contains("journal.db"), errorPath)
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), garbage, "the file is unchanged")
    }

    func testFutureDateIsRefused() throws {
        let core = try openTempCore()
        XCTAssertThrowsError(try core.logPain(now: morning("2026-06-01"), date: "2026-06-02", score: 3, stiffnessMinutes: nil, note: nil)) { error in
            guard case let FirstStepError.InvalidInput(field, _, _, _) = error else { return XCTFail("got \(error)") }
            XCTAssertEqual(field, "date")
        }
    }
}
