import FirstStepCore
import Foundation
import XCTest
@testable import FirstStepKit

/// The kit's figure mapping against the real core's figures (real bindings, real library), as the
/// Kotlin kit's FigureDrawingTest.
final class FigureKitTests: XCTestCase {
    private func up(_ side: Side = .right, _ progress: Double = 0.5) throws -> FigureFrame {
        try exerciseFigure(exerciseId: "calf_loading", level: 2, side: side, phase: .up, progress: progress)
    }

    private func points(_ command: DrawCommand) -> [CanvasPoint] {
        switch command {
        case let .polyline(points, _, _), let .polygon(points, _, _): return points
        case let .disc(center, radius, _):
            return [CanvasPoint(x: center.x - radius, y: center.y - radius), CanvasPoint(x: center.x + radius, y: center.y + radius)]
        case let .text(at, _, _, _): return [at]
        }
    }

    func testEveryPointOfCalfLoadingLevel2MidUpLiesInsideWideTallAndSquareCanvasesAspectKept() throws {
        let frame = try up()
        for (w, h) in [(800.0, 400.0), (300.0, 900.0), (500.0, 500.0)] {
            let drawing = FigureMapper.map(frame, width: w, height: h)
            XCTAssertEqual(drawing.commands.count, frame.primitives.count)
            XCTAssertEqual(drawing.scale, min(w, h))
            for command in drawing.commands {
                for p in points(command) {
                    XCTAssertTrue((0...w).contains(p.x) && (0...h).contains(p.y), "\(p) outside \(w) × \(h)")
                    // Aspect kept: inside the centred square, never stretched to the long side.
                    XCTAssertTrue((drawing.originX...(drawing.originX + drawing.scale)).contains(p.x), "\(p) outside the fitted square")
                    XCTAssertTrue((drawing.originY...(drawing.originY + drawing.scale)).contains(p.y), "\(p) outside the fitted square")
                }
            }
        }
        // The same view-box point lands at the same place in the square on a wide and a tall canvas.
        let wide = try XCTUnwrap(points(FigureMapper.map(frame, width: 800, height: 400).commands[0]).first)
        let tall = try XCTUnwrap(points(FigureMapper.map(frame, width: 400, height: 800).commands[0]).first)
        XCTAssertEqual(wide.x - 200, tall.x, accuracy: 1e-9)
        XCTAssertEqual(wide.y, tall.y - 200, accuracy: 1e-9)
        XCTAssertTrue(FigureMapper.map(frame, width: 0, height: 300).commands.isEmpty, "a canvas not laid out yet draws nothing")
    }

    func testStrokeWidthsScaleWithTheCanvasAndNeverFallBelowAPoint() throws {
        let frame = try up()
        func widths(_ size: Double) -> [Double] {
            FigureMapper.map(frame, width: size, height: size).commands.compactMap {
                if case let .polyline(_, width, _) = $0 { return width } else { return nil }
            }
        }
        let small = widths(100), big = widths(400)
        XCTAssertFalse(big.isEmpty)
        for (s, b) in zip(small, big) {
            if s > FigureMapper.minStroke { XCTAssertEqual(s * 4, b, accuracy: 1e-9) }
            XCTAssertGreaterThanOrEqual(s, FigureMapper.minStroke)
        }
        XCTAssertTrue(widths(4).allSatisfy { $0 >= 1 })
        XCTAssertTrue(widths(4).contains(1), "on a tiny canvas the floor is reached")
    }

    func testTheLeftSideIsTheMirrorImageOfTheRight() throws {
        let left = FigureMapper.map(try up(.left), width: 600, height: 400)
        let right = FigureMapper.map(try up(.right), width: 600, height: 400)
        XCTAssertEqual(left.commands.count, right.commands.count)
        let mid = 300.0
        for (l, r) in zip(left.commands, right.commands) {
            XCTAssertEqual(l.slot, r.slot)
            // A disc mirrors about its centre (its bounding corners swap).
            let (lp, rp): ([CanvasPoint], [CanvasPoint])
            if case let .disc(lc, _, _) = l, case let .disc(rc, _, _) = r { (lp, rp) = ([lc], [rc]) } else { (lp, rp) = (points(l), points(r)) }
            XCTAssertEqual(lp.count, rp.count)
            for (pl, pr) in zip(lp, rp) {
                XCTAssertEqual(pl.x, mid - (pr.x - mid), accuracy: 0.01)
                XCTAssertEqual(pl.y, pr.y, accuracy: 0.01)
            }
        }
        // Not symmetric by accident: the working limb moves across.
        let accent = { (d: FigureDrawing) in d.commands.first { $0.slot == .accent }.map(self.points) }
        XCTAssertNotEqual(accent(left), accent(right))
    }

    func testRolesMapToTheDocumentedSlotsAndThePalettesGiveEachSlotItsOwnColour() throws {
        let frame = try up()
        let roles = Set(frame.primitives.map(\.role))
        // The single-leg raise on a step: both limbs, the body, step and towel, the floor, the arrow mid-phase.
        for role in [FigureRole.workingLimb, .otherLimb, .body, .prop, .ground, .motionArrow] {
            XCTAssertTrue(roles.contains(role), "\(role) missing from \(roles)")
        }
        let drawing = FigureMapper.map(frame, width: 300, height: 300)
        for (primitive, command) in zip(frame.primitives, drawing.commands) { XCTAssertEqual(command.slot, FigureMapper.slot(primitive.role)) }
        XCTAssertEqual(FigureMapper.slot(.workingLimb), .accent)
        XCTAssertEqual(FigureMapper.slot(.otherLimb), .accentSoft)
        XCTAssertEqual(FigureMapper.slot(.motionArrow), .arrow)
        // Level 3 carries the backpack: drawn in the load slot.
        let loaded = try exerciseFigure(exerciseId: "calf_loading", level: 3, side: .right, phase: .hold, progress: 0)
        XCTAssertTrue(FigureMapper.map(loaded, width: 300, height: 300).commands.contains { $0.slot == .load })
        for palette in [FigurePalette.light, .dark] {
            XCTAssertEqual(Set(FigureSlot.allCases.map(palette.rgb)).count, FigureSlot.allCases.count)
        }
        XCTAssertNotEqual(FigurePalette.light.accent, FigurePalette.dark.accent)
        let orange = FigurePalette.light.components(.accent)
        XCTAssertEqual(orange.red, Double(0xD9) / 255, accuracy: 1e-9)
        XCTAssertEqual(orange.blue, Double(0x0F) / 255, accuracy: 1e-9)
    }

    func testThePoseMovesThroughUpAndTheCoreRefusesABadRequestByName() throws {
        let start = FigureMapper.map(try up(.right, 0), width: 300, height: 300)
        let end = FigureMapper.map(try up(.right, 1), width: 300, height: 300)
        XCTAssertNotEqual(start.commands.first { $0.slot == .accent }, end.commands.first { $0.slot == .accent })
        XCTAssertThrowsError(try up(.right, 1.5)) { error in
            guard case let FirstStepError.InvalidInput(field, _, _, _) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(field.contains("progress"), field)
        }
    }

    func testStillsForProgramRowsAndTestPagesHaveNoMotionArrow() throws {
        let still = try XCTUnwrap(FigureStill.exercise("calf_loading", level: 2, side: .left))
        XCTAssertEqual(still.phase, .hold)
        XCTAssertFalse(still.primitives.contains { $0.role == .motionArrow })
        XCTAssertNil(FigureStill.exercise("no_such_exercise", level: 1, side: .right))
        // Each assessment page with a movement gets its still; the squat shows the knee in line and drifting in.
        let knee = FigureStill.test("knee_to_wall_cm")
        XCTAssertEqual(knee.count, 1)
        XCTAssertTrue(knee[0].primitives.contains { if case .label = $0.shape { return true } else { return false } }, "the distance is marked")
        XCTAssertEqual(FigureStill.test("single_leg_squat").count, 2)
        XCTAssertNotEqual(FigureStill.test("single_leg_squat").first?.primitives, FigureStill.test("single_leg_squat").last?.primitives)
        XCTAssertTrue(FigureStill.test("first_step_pain").isEmpty, "a question has no figure")
        let lowest = try XCTUnwrap(FigureStill.exercise("calf_loading"))
        let levels = figureCatalogue().filter { !$0.isTest && $0.figureId == "calf_loading" }.map(\.level)
        XCTAssertEqual(lowest.level, levels.min())
    }

    @MainActor
    func testAnOpenLessonShowsTheExercisesItExplainsAndALockedOneNone() async throws {
        let repo = try await assessedRepository("2026-06-01", clock: FixedClock("2026-08-01"))
        let model = LessonsModel(repository: repo)
        await model.refresh()
        let lessons = try model.state.ready.lessons
        let open = try XCTUnwrap(lessons.first { $0.unlocked && !$0.exerciseIds.isEmpty }, "an open lesson that explains an exercise")
        let opened = await model.open(open.id)
        XCTAssertTrue(opened)
        let figures = try model.state.ready.figures
        XCTAssertFalse(figures.isEmpty)
        XCTAssertTrue(figures.allSatisfy { open.exerciseIds.contains($0.exerciseId) })
        XCTAssertTrue(figures.allSatisfy { $0.frame.figureId == $0.exerciseId && !$0.frame.primitives.contains { $0.role == .motionArrow } })
        if let locked = lessons.first(where: { !$0.unlocked && !$0.exerciseIds.isEmpty }) {
            let openedLocked = await model.open(locked.id)
            XCTAssertTrue(openedLocked)
            XCTAssertTrue(try model.state.ready.figures.isEmpty, "a locked lesson shows when it opens, nothing else")
        }
    }
}

/// The session's frame picker and the one-handed screen's words, on a real guided session.
@MainActor
final class SessionFigureTests: XCTestCase {
    private let today = "2026-06-01"

    /// The session's states every 250 ms for `seconds` after its start.
    private func states(seconds: Int) async throws -> [SessionState] {
        let repo = try await assessedRepository(today)
        let session = try await repo.startSession()
        _ = try session.handle(event: .start(atMs: 0))
        return try stride(from: 0, through: Int64(seconds) * 1000, by: 250).map { try session.stateAt(nowMs: $0) }
    }

    func testAMovingPhaseFollowsTheEngineAndReducedMotionShowsTheKeyPose() async throws {
        let all = try await states(seconds: 900)
        let ups = all.filter { $0.phase == .up && $0.stepProgress > 0.1 && $0.stepProgress < 0.9 }
        let first = try XCTUnwrap(ups.first, "the program's first exercises have an up phase")
        let later = try XCTUnwrap(ups.first { $0.rep == first.rep && $0.exerciseIndex == first.exerciseIndex && $0.stepProgress > first.stepProgress + 0.2 })
        let a = try XCTUnwrap(SessionFigure.frame(first, reducedMotion: false))
        let b = try XCTUnwrap(SessionFigure.frame(later, reducedMotion: false))
        XCTAssertEqual(a, try sessionFigure(state: first), "the core's frame as it is")
        XCTAssertNotEqual(a.primitives, b.primitives, "the pose moves between two instants of one up phase")
        let ra = try XCTUnwrap(SessionFigure.frame(first, reducedMotion: true))
        let rb = try XCTUnwrap(SessionFigure.frame(later, reducedMotion: true))
        XCTAssertEqual(ra, rb, "reduced motion: no tweening within the phase")
        XCTAssertEqual(ra, try exerciseFigure(exerciseId: a.figureId, level: a.level, side: a.side, phase: a.phase, progress: 1))
    }

    func testStillPhasesDropTheMotionArrow() async throws {
        let all = try await states(seconds: 600)
        let still = all.filter { [.rest, .switchSides, .selfPacedRep, .holdTimer, .hold].contains($0.phase) }
        XCTAssertFalse(still.isEmpty)
        var drawn = 0
        for state in still {
            guard let frame = SessionFigure.frame(state, reducedMotion: false) else { continue }
            drawn += 1
            XCTAssertFalse(frame.primitives.contains { $0.role == .motionArrow }, "\(state.phase): a still pose has no arrow")
        }
        XCTAssertGreaterThan(drawn, 0)
    }

    func testTheScreenSaysRepSetSideLoadAndTheCoresTempoLabelOnce() async throws {
        let repo = try await assessedRepository(today)
        let home = try await repo.home()
        let plan = try XCTUnwrap(home.plan)
        let session = try await repo.startSession()
        _ = try session.handle(event: .start(atMs: 0))
        let states = try stride(from: Int64(0), through: 300_000, by: 250).map { try session.stateAt(nowMs: $0) }
        let up = try XCTUnwrap(states.first { $0.phase == .up })
        let exercise = plan.exercises.first { $0.exerciseId == up.exerciseId && $0.level == up.level }
        let display = SessionDisplay(up, exercise: exercise)
        XCTAssertEqual(display.phaseLabel, up.phaseLabel)
        XCTAssertTrue(display.phaseLabel.hasPrefix("Up "), display.phaseLabel)
        XCTAssertTrue(display.phaseLabel.hasSuffix(" s"), "the core's tempo label, e.g. \"Up 3 s\": \(display.phaseLabel)")
        XCTAssertEqual(display.repLine, "Rep \(up.rep) of \(up.repCount)")
        var set = "Set \(up.set) of \(up.setCount)"
        if up.side == .left { set += " · left" } else if up.side == .right { set += " · right" }
        XCTAssertEqual(display.setLine, set)
        XCTAssertEqual(display.exerciseLine, "Exercise \(up.exerciseIndex + 1) of \(up.exerciseCount) · \(up.exerciseName)")
        let planned = try XCTUnwrap(exercise)
        XCTAssertEqual(display.loadLine, "Load: \(planned.load ?? "body weight")")
        XCTAssertEqual(display.howTo.count, planned.howTo.count)
        XCTAssertEqual(display.howTo.first, planned.howTo.first.map { "1. \($0)" })
        let seconds = try XCTUnwrap(up.secondsRemaining)
        XCTAssertEqual(display.countdown, Int(seconds.rounded(.up)))
        XCTAssertEqual(try XCTUnwrap(display.ring), up.stepProgress, accuracy: 1e-12)
        XCTAssertFalse(display.phaseLabel.contains("seconds"), "nothing said twice: the label is short, the count a bare number")
        XCTAssertFalse(display.paused)
        let paused = try session.handle(event: .pause(atMs: 300_500))
        XCTAssertTrue(SessionDisplay(paused, exercise: exercise).paused)
        XCTAssertGreaterThanOrEqual(SessionDisplay.pauseHeight, 64, "issue 21: pause ≥ 64 pt")
        XCTAssertLessThanOrEqual(SessionDisplay.controlsShare, 0.4, "issue 21: the controls in the bottom 40 %")
    }
}
