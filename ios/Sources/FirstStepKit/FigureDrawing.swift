import FirstStepCore

/// The theme colour slot a figure role is drawn in (FIGURES.md style: the working limb in the accent
/// colour, the other limb lighter, props a neutral grey, the ground one line). The app's theme gives
/// each slot a light and a dark colour (`FigurePalette`). Same table as the Kotlin kit's.
public enum FigureSlot: String, CaseIterable, Sendable {
    case accent, accentSoft, body, prop, ground, load, arrow
}

/// A point on the canvas, in points (y down).
public struct CanvasPoint: Equatable, Sendable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// What a SwiftUI `Canvas` draws, in points; round caps and joins for every stroke.
public enum DrawCommand: Equatable, Sendable {
    case polyline(points: [CanvasPoint], width: Double, slot: FigureSlot)
    /// Filled, with an outline of `outline` points (0: none).
    case polygon(points: [CanvasPoint], outline: Double, slot: FigureSlot)
    case disc(center: CanvasPoint, radius: Double, slot: FigureSlot)
    /// The one text of any figure (the knee-to-wall distance), centred on `at`'s x, baseline at its y.
    case text(at: CanvasPoint, text: String, size: Double, slot: FigureSlot)

    public var slot: FigureSlot {
        switch self {
        case let .polyline(_, _, slot), let .polygon(_, _, slot), let .disc(_, _, slot), let .text(_, _, _, slot): return slot
        }
    }
}

/// One frame mapped onto a canvas: the square view box scaled by `scale` points, its corner at `originX`, `originY`.
public struct FigureDrawing: Equatable, Sendable {
    public var commands: [DrawCommand]
    public var width: Double
    public var height: Double
    public var scale: Double
    public var originX: Double
    public var originY: Double
}

/// 0xRRGGBB colours per slot, for the light and the dark theme.
public struct FigurePalette: Equatable, Sendable {
    public var accent: UInt32
    public var accentSoft: UInt32
    public var body: UInt32
    public var prop: UInt32
    public var ground: UInt32
    public var load: UInt32
    public var arrow: UInt32

    public func rgb(_ slot: FigureSlot) -> UInt32 {
        switch slot {
        case .accent: return accent
        case .accentSoft: return accentSoft
        case .body: return body
        case .prop: return prop
        case .ground: return ground
        case .load: return load
        case .arrow: return arrow
        }
    }

    /// The slot's colour as red, green, blue in 0…1 (for `Color(red:green:blue:)`).
    public func components(_ slot: FigureSlot) -> (red: Double, green: Double, blue: Double) {
        let value = rgb(slot)
        return (Double((value >> 16) & 0xFF) / 255, Double((value >> 8) & 0xFF) / 255, Double(value & 0xFF) / 255)
    }

    // design choice: the same colours as the Kotlin kit's palettes (the core SVG's working-limb orange,
    // readable on light and dark surfaces; the body takes the text colour's weight, props stay quieter).
    public static let light = FigurePalette(accent: 0xD9480F, accentSoft: 0xF2B391, body: 0x455A64, prop: 0x9E9E9E,
                                            ground: 0x616161, load: 0x8D6E63, arrow: 0x1971C2)
    public static let dark = FigurePalette(accent: 0xFF8A50, accentSoft: 0x8C5A40, body: 0xCFD8DC, prop: 0x757575,
                                           ground: 0x9E9E9E, load: 0xBCAAA4, arrow: 0x74C0FC)
}

/// The pure mapping from the core's figure primitives (view box 0…1 × 0…1, y down) to canvas commands.
public enum FigureMapper {
    /// design choice: no stroke thinner than one point, however small the canvas.
    public static let minStroke = 1.0

    /// The documented role → slot table.
    public static func slot(_ role: FigureRole) -> FigureSlot {
        switch role {
        case .workingLimb: return .accent
        case .otherLimb: return .accentSoft
        case .body: return .body
        case .prop: return .prop
        case .ground: return .ground
        case .load: return .load
        case .motionArrow: return .arrow
        }
    }

    /// `frame` on a `width` × `height` canvas: the square view box fitted and centred (aspect kept).
    /// An empty canvas (SwiftUI's first layout pass) draws nothing.
    public static func map(_ frame: FigureFrame, width: Double, height: Double) -> FigureDrawing {
        guard width > 0, height > 0, width.isFinite, height.isFinite else {
            return FigureDrawing(commands: [], width: max(width, 0), height: max(height, 0), scale: 0, originX: 0, originY: 0)
        }
        let scale = min(width, height)
        let ox = (width - scale) / 2, oy = (height - scale) / 2
        func p(_ point: FigurePoint) -> CanvasPoint { CanvasPoint(x: ox + point.x * scale, y: oy + point.y * scale) }
        func w(_ value: Double) -> Double { max(value * scale, minStroke) }
        let commands = frame.primitives.map { primitive -> DrawCommand in
            let slot = slot(primitive.role)
            switch primitive.shape {
            case let .stroke(points, width): return .polyline(points: points.map(p), width: w(width), slot: slot)
            case let .polygon(points, outline): return .polygon(points: points.map(p), outline: outline > 0 ? w(outline) : 0, slot: slot)
            case let .circle(center, radius): return .disc(center: p(center), radius: radius * scale, slot: slot)
            case let .label(at, text, size): return .text(at: p(at), text: text, size: size * scale, slot: slot)
            }
        }
        return FigureDrawing(commands: commands, width: width, height: height, scale: scale, originX: ox, originY: oy)
    }
}

/// Which frame the guided session shows; the session engine's state drives it (the figure never drives the clock).
public enum SessionFigure {
    /// The core's figure for `state` (`session_figure`: get-ready loops one rep at the prescribed tempo,
    /// work follows the phase's progress, rest shows the start pose). With `reducedMotion` (iOS Reduce
    /// Motion) a moving phase shows its key pose — where the phase goes, progress 1 — instead of
    /// tweening; holds and rest are still already and drop the motion arrow. Nil when the core draws
    /// no figure for the exercise.
    public static func frame(_ state: SessionState, reducedMotion: Bool) -> FigureFrame? {
        guard let frame = try? sessionFigure(state: state) else { return nil }
        let moving = state.phase == .up || state.phase == .down || state.phase == .getReady
        if moving {
            // design choice (as Kotlin): the destination key pose, so the still picture says where to go.
            if reducedMotion, frame.phase != .hold {
                return try? exerciseFigure(exerciseId: frame.figureId, level: frame.level, side: frame.side, phase: frame.phase, progress: 1)
            }
            return frame
        }
        // Rest, a side switch, a self-paced rep: the pose stands still, so no motion arrow.
        return withoutArrow(frame)
    }

    static func withoutArrow(_ frame: FigureFrame) -> FigureFrame {
        var still = frame
        still.primitives = frame.primitives.filter { $0.role != .motionArrow }
        return still
    }
}

/// Still figures for lists and pages: a program row's exercise, an assessment test's page.
public enum FigureStill {
    /// The exercise at `level` in its key pose (the core's hold key: the top of a raise, the held
    /// stretch), without a motion arrow. Nil when the core draws no figure for it.
    public static func exercise(_ exerciseId: String, level: UInt32, side: Side) -> FigureFrame? {
        guard let frame = try? exerciseFigure(exerciseId: exerciseId, level: level, side: side, phase: .hold, progress: 0) else { return nil }
        return SessionFigure.withoutArrow(frame)
    }

    /// The exercise at the first level the core draws for it (a lesson's exercises, where no level is
    /// in question), in its key pose; nil when the core draws none.
    public static func exercise(_ exerciseId: String, side: Side = .right) -> FigureFrame? {
        guard let info = figureCatalogue().filter({ !$0.isTest && $0.figureId == exerciseId }).min(by: { $0.level < $1.level }) else { return nil }
        return exercise(exerciseId, level: info.level, side: side)
    }

    /// The assessment test drawn for catalogue item `itemId` (e.g. `knee_to_wall_cm`), one still per
    /// variant the core draws for it, in the core's order (the single-leg squat: the knee in line,
    /// then drifting in); empty for questions without a movement.
    public static func test(_ itemId: String, side: Side = .right) -> [FigureFrame] {
        figureCatalogue().filter { $0.isTest && $0.figureId == itemId }.compactMap { exercise($0.figureId, level: $0.level, side: side) }
    }
}
