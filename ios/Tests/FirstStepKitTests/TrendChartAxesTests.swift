import FirstStepCore
import FirstStepKit
import Foundation
import XCTest

/// Issue 22: the Kit maps the core's chart to dates on the x axis and separate load axes.
final class TrendChartAxesTests: XCTestCase {
    static let dayMs: Int64 = 86_400_000
    static let startMs: Int64 = 1_756_713_600_000 // 2025-09-01T08:00:00Z
    static let answers = """
        {"date": "2025-09-01", "affected_side": "left", "first_step_pain": 6,
          "knee_to_wall_cm": {"left": 7.0, "right": 11.0}, "heel_raise_reps": {"left": 15, "right": 25}}
        """

    func testTheCoresAxesAndReadoutsMapToDatesAndSeparateLoadAxes() throws {
        let core = try FirstStep.open(path: tempDatabasePath())
        func moment(_ day: Int64) -> Moment { Moment(instantMs: Self.startMs + day * Self.dayMs, timeZone: "UTC") }
        _ = try core.submitAssessmentJson(now: moment(0), answersJson: Self.answers)
        for day in Int64(0)..<28 {
            if day != 9 { _ = try core.logPain(now: moment(day), date: nil, score: 7 - day / 7, stiffnessMinutes: 10, note: nil) }
            if day % 4 == 0 {
                _ = try core.logRun(now: moment(day), date: nil, distanceKm: 5.0, minutes: 35, painDuring: 2, painAfter: 2, surface: nil, shoes: nil)
            }
        }
        let data = try core.trendChart(end: "2025-09-28", weeks: 4)
        let axes = try XCTUnwrap(TrendChartAxes(data))
        XCTAssertEqual(axes.yTitle, "Morning pain (0–10)")
        XCTAssertEqual(axes.yTicks.map(\.label), ["0", "2", "4", "6", "8", "10"])
        // Dates on the x axis: week starts from the window's first day.
        XCTAssertEqual(axes.xTicks.map(\.label), ["1 Sep", "8 Sep", "15 Sep", "22 Sep"])
        XCTAssertEqual(axes.xTicks.first?.date, TrendChartAxes.day("2025-09-01"))
        XCTAssertEqual(axes.firstDay, TrendChartAxes.day("2025-09-01"))
        XCTAssertEqual(axes.lastDay, TrendChartAxes.day("2025-09-28"))
        // The readout for any time of a day is the core's for that date; a gap reads "not logged".
        let gap = try XCTUnwrap(TrendChartAxes.day("2025-09-10")).addingTimeInterval(15 * 3600)
        XCTAssertEqual(axes.readout(at: gap), data.readouts[9].text)
        XCTAssertTrue(axes.readout(at: gap)!.hasPrefix("Wed 10 Sep · not logged"), axes.readout(at: gap)!)
        XCTAssertNil(axes.readout(at: try XCTUnwrap(TrendChartAxes.day("2025-09-29"))))
        // Separate axes: distance in the runner's units, sessions in percent.
        XCTAssertEqual(axes.distance.axisTitle, "Run per week (km)")
        XCTAssertEqual(axes.distance.bars.map(\.valueLabel), ["10.0 km", "10.0 km", "10.0 km", "5.0 km"])
        XCTAssertEqual(axes.distance.bars.map(\.weekStart), axes.xTicks.map(\.date))
        XCTAssertEqual(axes.sessions.unit, "%")
        XCTAssertEqual(axes.sessions.ticks.map(\.label), ["0 %", "50 %", "100 %"])
        XCTAssertEqual(axes.legendLabels, data.legend.map(\.label))
        XCTAssertEqual(axes.markers.map(\.label), data.markers.map(\.label))
        XCTAssertEqual(axes.textAlternative, data.textAlternative)
    }
}
