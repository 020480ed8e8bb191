#if canImport(SwiftUI) && canImport(UIKit)
import FirstStepCore
import FirstStepKit
import SwiftUI

/// Paints the core's figure frame: FirstStepKit's `FigureMapper` fits the view box (aspect kept,
/// strokes scaled) and names each primitive's colour slot; this view only draws those commands on a
/// `Canvas` with the light or dark palette. One accessibility image with `label`.
struct ExerciseFigureView: View {
    let frame: FigureFrame
    let label: String
    @Environment(\.colorScheme) private var scheme

    var body: some View {
        let palette = scheme == .dark ? FigurePalette.dark : FigurePalette.light
        Canvas { context, size in
            let drawing = FigureMapper.map(frame, width: Double(size.width), height: Double(size.height))
            for command in drawing.commands {
                let colour = Self.colour(palette, command.slot)
                switch command {
                case let .polyline(points, width, _):
                    context.stroke(Self.path(points, closed: false), with: .color(colour),
                                   style: StrokeStyle(lineWidth: width, lineCap: .round, lineJoin: .round))
                case let .polygon(points, outline, _):
                    let path = Self.path(points, closed: true)
                    context.fill(path, with: .color(colour))
                    if outline > 0 {
                        context.stroke(path, with: .color(colour), style: StrokeStyle(lineWidth: outline, lineCap: .round, lineJoin: .round))
                    }
                case let .disc(center, radius, _):
                    context.fill(Path(ellipseIn: CGRect(x: center.x - radius, y: center.y - radius, width: radius * 2, height: radius * 2)),
                                 with: .color(colour))
                case let .text(at, text, size, _):
                    context.draw(Text(text).font(.system(size: size)).foregroundStyle(colour),
                                 at: CGPoint(x: at.x, y: at.y), anchor: .bottom)
                }
            }
        }
        .accessibilityElement()
        .accessibilityLabel(Text(label))
        .accessibilityAddTraits(.isImage)
    }

    private static func colour(_ palette: FigurePalette, _ slot: FigureSlot) -> Color {
        let c = palette.components(slot)
        return Color(red: c.red, green: c.green, blue: c.blue)
    }

    private static func path(_ points: [CanvasPoint], closed: Bool) -> Path {
        var path = Path()
        guard let first = points.first else { return path }
        path.move(to: CGPoint(x: first.x, y: first.y))
        for point in points.dropFirst() { path.addLine(to: CGPoint(x: point.x, y: point.y)) }
        if closed { path.closeSubpath() }
        return path
    }
}
#endif
