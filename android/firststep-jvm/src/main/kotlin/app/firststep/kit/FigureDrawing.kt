package app.firststep.kit

import app.firststep.core.FigureFrame
import app.firststep.core.FigurePhase
import app.firststep.core.FigureRole
import app.firststep.core.FigureShape
import app.firststep.core.FirstStepException
import app.firststep.core.Phase
import app.firststep.core.SessionState
import app.firststep.core.Side
import app.firststep.core.exerciseFigure
import app.firststep.core.sessionFigure

/**
 * The theme colour slot a figure role is drawn in (FIGURES.md style: the working limb in the accent
 * colour, the other limb lighter, props a neutral grey, the ground one line). The shell's theme
 * gives each slot a light and a dark colour ([FigurePalette]).
 */
enum class FigureSlot { ACCENT, ACCENT_SOFT, BODY, PROP, GROUND, LOAD, ARROW }

/** A point on the canvas, in pixels (y down). */
data class CanvasPoint(val x: Float, val y: Float)

/** What a Canvas draws, in pixels; round caps and joins for every stroke. */
sealed interface DrawCommand {
    val slot: FigureSlot

    data class Polyline(val points: List<CanvasPoint>, val width: Float, override val slot: FigureSlot) : DrawCommand
    /** Filled, with an outline of [outline] px (0: none). */
    data class Polygon(val points: List<CanvasPoint>, val outline: Float, override val slot: FigureSlot) : DrawCommand
    data class Disc(val center: CanvasPoint, val radius: Float, override val slot: FigureSlot) : DrawCommand
    /** The one text of any figure (the knee-to-wall distance), centred on [at]'s x, baseline at its y. */
    data class Text(val at: CanvasPoint, val text: String, val size: Float, override val slot: FigureSlot) : DrawCommand
}

/** One frame mapped onto a canvas: the square view box scaled by [scale] px and centred at [originX], [originY]. */
data class FigureDrawing(
    val commands: List<DrawCommand>,
    val width: Float,
    val height: Float,
    val scale: Float,
    val originX: Float,
    val originY: Float,
)

/** ARGB colours per slot, for the light and the dark theme. */
data class FigurePalette(
    val accent: Long,
    val accentSoft: Long,
    val body: Long,
    val prop: Long,
    val ground: Long,
    val load: Long,
    val arrow: Long,
) {
    fun argb(slot: FigureSlot): Long = when (slot) {
        FigureSlot.ACCENT -> accent
        FigureSlot.ACCENT_SOFT -> accentSoft
        FigureSlot.BODY -> body
        FigureSlot.PROP -> prop
        FigureSlot.GROUND -> ground
        FigureSlot.LOAD -> load
        FigureSlot.ARROW -> arrow
    }

    companion object {
        // design choice: the accent is the core SVG's working-limb orange, readable on the app's
        // light and dark surfaces; the body takes the text colour's weight, props stay quieter.
        val Light = FigurePalette(
            accent = 0xFFD9480F, accentSoft = 0xFFF2B391, body = 0xFF455A64, prop = 0xFF9E9E9E,
            ground = 0xFF616161, load = 0xFF8D6E63, arrow = 0xFF1971C2,
        )
        val Dark = FigurePalette(
            accent = 0xFFFF8A50, accentSoft = 0xFF8C5A40, body = 0xFFCFD8DC, prop = 0xFF757575,
            ground = 0xFF9E9E9E, load = 0xFFBCAAA4, arrow = 0xFF74C0FC,
        )
    }
}

/** The pure mapping from the core's figure primitives (view box 0..1 × 0..1, y down) to canvas commands. */
object FigureMapper {
    /** design choice: no stroke thinner than one pixel, however small the canvas. */
    const val MIN_STROKE_PX = 1f

    /** The documented role → slot table. */
    fun slot(role: FigureRole): FigureSlot = when (role) {
        FigureRole.WORKING_LIMB -> FigureSlot.ACCENT
        FigureRole.OTHER_LIMB -> FigureSlot.ACCENT_SOFT
        FigureRole.BODY -> FigureSlot.BODY
        FigureRole.PROP -> FigureSlot.PROP
        FigureRole.GROUND -> FigureSlot.GROUND
        FigureRole.LOAD -> FigureSlot.LOAD
        FigureRole.MOTION_ARROW -> FigureSlot.ARROW
    }

    /** [frame] on a [width] × [height] px canvas: the square view box fitted and centred (aspect kept). */
    fun map(frame: FigureFrame, width: Float, height: Float): FigureDrawing {
        require(width > 0f && height > 0f) { "canvas size must be positive, was $width × $height" }
        val scale = minOf(width, height)
        val ox = (width - scale) / 2f
        val oy = (height - scale) / 2f
        fun p(x: Double, y: Double) = CanvasPoint(ox + x.toFloat() * scale, oy + y.toFloat() * scale)
        fun w(v: Double) = maxOf(v.toFloat() * scale, MIN_STROKE_PX)
        val commands = frame.primitives.map { prim ->
            val slot = slot(prim.role)
            when (val s = prim.shape) {
                is FigureShape.Stroke -> DrawCommand.Polyline(s.points.map { p(it.x, it.y) }, w(s.width), slot)
                is FigureShape.Polygon -> DrawCommand.Polygon(s.points.map { p(it.x, it.y) }, if (s.outline > 0) w(s.outline) else 0f, slot)
                is FigureShape.Circle -> DrawCommand.Disc(p(s.center.x, s.center.y), s.radius.toFloat() * scale, slot)
                is FigureShape.Label -> DrawCommand.Text(p(s.at.x, s.at.y), s.text, s.size.toFloat() * scale, slot)
            }
        }
        return FigureDrawing(commands, width, height, scale, ox, oy)
    }
}

/** Which frame the guided session shows; the session engine's state drives it (the figure never drives the clock). */
object SessionFigure {
    /**
     * The core's figure for [state] (`session_figure`: get-ready loops one rep at the prescribed tempo,
     * work follows the phase's progress, rest shows the start pose). With [reducedMotion] a moving
     * phase shows its key pose (where the phase goes: progress 1) instead of tweening; holds and
     * rest are still already. Null when the core draws no figure for the exercise.
     */
    fun frame(state: SessionState, reducedMotion: Boolean): FigureFrame? = try {
        val frame = sessionFigure(state)
        val moving = state.phase == Phase.UP || state.phase == Phase.DOWN || state.phase == Phase.GET_READY
        when {
            // design choice: the destination key pose, so the still picture says where to go.
            reducedMotion && moving && frame.phase != FigurePhase.HOLD -> exerciseFigure(frame.figureId, frame.level, frame.side, frame.phase, 1.0)
            moving -> frame
            // Rest, a side switch, a self-paced rep: the start or key pose stands still, so no motion arrow.
            else -> frame.copy(primitives = frame.primitives.filter { it.role != FigureRole.MOTION_ARROW })
        }
    } catch (e: FirstStepException) {
        null
    }
}

/**
 * A still of an exercise or an assessment test (assessment pages, program rows, lessons): the key
 * pose at the end of its movement ("up" at progress 1), or its hold pose; null when the core has no
 * figure for [id] (a question that is not a physical test).
 */
object StillFigure {
    fun of(id: String, level: UInt = 0u, side: Side = Side.LEFT): FigureFrame? {
        for ((phase, at) in listOf(FigurePhase.UP to 1.0, FigurePhase.HOLD to 0.0)) {
            try {
                val frame = exerciseFigure(id, level, side, phase, at)
                return frame.copy(primitives = frame.primitives.filter { it.role != FigureRole.MOTION_ARROW })
            } catch (e: FirstStepException) {
                continue
            }
        }
        return null
    }
}
