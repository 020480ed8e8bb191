package app.firststep.ui.figure

import androidx.compose.foundation.Canvas
import androidx.compose.material3.MaterialTheme
import androidx.compose.runtime.Composable
import androidx.compose.runtime.compositionLocalOf
import androidx.compose.ui.Modifier
import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.Path
import androidx.compose.ui.graphics.StrokeCap
import androidx.compose.ui.graphics.StrokeJoin
import androidx.compose.ui.graphics.drawscope.DrawScope
import androidx.compose.ui.graphics.drawscope.Fill
import androidx.compose.ui.graphics.drawscope.Stroke
import androidx.compose.ui.graphics.luminance
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.semantics.stateDescription
import androidx.compose.ui.text.TextStyle
import androidx.compose.ui.text.drawText
import androidx.compose.ui.text.rememberTextMeasurer
import androidx.compose.ui.unit.sp
import app.firststep.core.FigureFrame
import app.firststep.kit.CanvasPoint
import app.firststep.kit.DrawCommand
import app.firststep.kit.FigureMapper
import app.firststep.kit.FigurePalette

/**
 * Reduced motion (Android's animator scale 0, a desktop setting): the figure shows key poses
 * without tweening. Provided by the platform shell; false by default.
 */
val LocalReducedMotion = compositionLocalOf { false }

/** The palette for the current theme: the dark one on a dark background. */
@Composable
fun figurePalette(): FigurePalette =
    if (MaterialTheme.colorScheme.background.luminance() < 0.5f) FigurePalette.Dark else FigurePalette.Light

/**
 * Draws one core figure frame: the kit maps the primitives to canvas commands (view box fitted,
 * aspect kept, strokes scaled); this only paints them in the theme's colours. Tagged
 * `exercise-figure`, with the pose's keyframes as its state (what the UI tests read).
 */
@Composable
fun ExerciseFigure(frame: FigureFrame, description: String, modifier: Modifier = Modifier) {
    val palette = figurePalette()
    val measurer = rememberTextMeasurer()
    Canvas(
        modifier
            .testTag("exercise-figure")
            .semantics {
                contentDescription = description
                stateDescription = "${frame.fromKey} → ${frame.toKey}"
            },
    ) {
        val drawing = FigureMapper.map(frame, size.width, size.height)
        // Text (the knee-to-wall distance) last, so a limb crossing the mark never hides it.
        for (c in drawing.commands.sortedBy { it is DrawCommand.Text }) {
            val colour = Color(palette.argb(c.slot).toInt())
            when (c) {
                is DrawCommand.Polyline -> drawPolyline(c.points, colour, c.width)
                is DrawCommand.Polygon -> {
                    val path = c.points.toPath(close = true)
                    drawPath(path, colour, style = Fill)
                    if (c.outline > 0f) drawPath(path, colour, style = Stroke(c.outline, cap = StrokeCap.Round, join = StrokeJoin.Round))
                }
                is DrawCommand.Disc -> drawCircle(colour, c.radius, Offset(c.center.x, c.center.y))
                is DrawCommand.Text -> {
                    val layout = measurer.measure(c.text, TextStyle(color = colour, fontSize = (c.size / density / fontScale).sp))
                    drawText(layout, topLeft = Offset(c.at.x - layout.size.width / 2f, c.at.y - layout.firstBaseline))
                }
            }
        }
    }
}

private fun List<CanvasPoint>.toPath(close: Boolean): Path = Path().apply {
    forEachIndexed { i, p -> if (i == 0) moveTo(p.x, p.y) else lineTo(p.x, p.y) }
    if (close) close()
}

private fun DrawScope.drawPolyline(points: List<CanvasPoint>, colour: Color, width: Float) {
    if (points.size == 1) {
        drawCircle(colour, width / 2f, Offset(points[0].x, points[0].y))
        return
    }
    drawPath(points.toPath(close = false), colour, style = Stroke(width, cap = StrokeCap.Round, join = StrokeJoin.Round))
}
