package app.firststep.kit

import app.firststep.core.FigurePhase
import app.firststep.core.FigureRole
import app.firststep.core.FirstStepException
import app.firststep.core.Side
import app.firststep.core.exerciseFigure
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** The kit's figure mapping against the real core's figures (real bindings, real library). */
class FigureDrawingTest {
    private val up = exerciseFigure("calf_loading", 2u, Side.RIGHT, FigurePhase.UP, 0.5)

    private fun DrawCommand.points(): List<CanvasPoint> = when (this) {
        is DrawCommand.Polyline -> points
        is DrawCommand.Polygon -> points
        is DrawCommand.Disc -> listOf(CanvasPoint(center.x - radius, center.y - radius), CanvasPoint(center.x + radius, center.y + radius))
        is DrawCommand.Text -> listOf(at)
    }

    @Test
    fun `every point of calf loading level 2 mid-up lies inside a wide and a tall canvas, aspect kept`() {
        for ((w, h) in listOf(800f to 400f, 300f to 900f, 500f to 500f)) {
            val d = FigureMapper.map(up, w, h)
            assertEquals(up.primitives.size, d.commands.size)
            assertEquals(minOf(w, h), d.scale)
            for (c in d.commands) for (p in c.points()) {
                assertTrue(p.x in 0f..w && p.y in 0f..h, "($p) outside $w × $h")
                // Aspect kept: inside the centred square, never stretched to the long side.
                assertTrue(p.x in d.originX..(d.originX + d.scale) && p.y in d.originY..(d.originY + d.scale), "$p outside the fitted square")
            }
        }
        // The same view-box point maps to the same place relative to the square on both canvases.
        val wide = FigureMapper.map(up, 800f, 400f).commands.first().points().first()
        val tall = FigureMapper.map(up, 400f, 800f).commands.first().points().first()
        assertEquals(wide.x - 200f, tall.x, 1e-3f)
        assertEquals(wide.y, tall.y - 200f, 1e-3f)
    }

    @Test
    fun `stroke widths scale with the canvas and never fall below a pixel`() {
        val small = FigureMapper.map(up, 100f, 100f).commands.filterIsInstance<DrawCommand.Polyline>()
        val big = FigureMapper.map(up, 400f, 400f).commands.filterIsInstance<DrawCommand.Polyline>()
        assertTrue(big.isNotEmpty())
        for ((s, b) in small.zip(big)) {
            if (s.width > FigureMapper.MIN_STROKE_PX) assertEquals(s.width * 4f, b.width, 1e-3f)
            assertTrue(s.width >= FigureMapper.MIN_STROKE_PX)
        }
        assertTrue(FigureMapper.map(up, 4f, 4f).commands.filterIsInstance<DrawCommand.Polyline>().all { it.width >= 1f })
    }

    @Test
    fun `the left side is the mirror image of the right`() {
        val left = FigureMapper.map(exerciseFigure("calf_loading", 2u, Side.LEFT, FigurePhase.UP, 0.5), 600f, 400f)
        val right = FigureMapper.map(up, 600f, 400f)
        assertEquals(right.commands.size, left.commands.size)
        val mid = 300f
        for ((l, r) in left.commands.zip(right.commands)) {
            assertEquals(r.slot, l.slot)
            // A disc mirrors about its centre (its bounding corners swap).
            val (lp, rp) = if (l is DrawCommand.Disc && r is DrawCommand.Disc) listOf(l.center) to listOf(r.center) else l.points() to r.points()
            assertEquals(rp.size, lp.size)
            for ((pl, pr) in lp.zip(rp)) {
                assertEquals(mid - (pr.x - mid), pl.x, 0.01f)
                assertEquals(pr.y, pl.y, 0.01f)
            }
        }
        // And it is not symmetric by accident: the working limb moves across.
        assertNotEquals(left.commands.first { it.slot == FigureSlot.ACCENT }.points(), right.commands.first { it.slot == FigureSlot.ACCENT }.points())
    }

    @Test
    fun `roles map to the documented slots and the palettes give each slot its own colour`() {
        val roles = up.primitives.map { it.role }.toSet()
        // The single-leg raise on a step: both limbs, the body, the step and towel, the floor, the arrow mid-phase.
        assertTrue(roles.containsAll(listOf(FigureRole.WORKING_LIMB, FigureRole.OTHER_LIMB, FigureRole.BODY, FigureRole.PROP, FigureRole.GROUND, FigureRole.MOTION_ARROW)), "$roles")
        val d = FigureMapper.map(up, 300f, 300f)
        for ((prim, cmd) in up.primitives.zip(d.commands)) assertEquals(FigureMapper.slot(prim.role), cmd.slot)
        assertEquals(FigureSlot.ACCENT, FigureMapper.slot(FigureRole.WORKING_LIMB))
        assertEquals(FigureSlot.ACCENT_SOFT, FigureMapper.slot(FigureRole.OTHER_LIMB))
        assertEquals(FigureSlot.ARROW, FigureMapper.slot(FigureRole.MOTION_ARROW))
        // Level 3 carries the backpack: drawn in the load slot.
        val loaded = exerciseFigure("calf_loading", 3u, Side.RIGHT, FigurePhase.HOLD, 0.0)
        assertTrue(FigureMapper.map(loaded, 300f, 300f).commands.any { it.slot == FigureSlot.LOAD })
        for (palette in listOf(FigurePalette.Light, FigurePalette.Dark)) {
            assertEquals(FigureSlot.entries.size, FigureSlot.entries.map(palette::argb).toSet().size)
        }
        assertNotEquals(FigurePalette.Light.accent, FigurePalette.Dark.accent)
    }

    @Test
    fun `the pose moves through up and the core refuses a bad figure request by name`() {
        val start = FigureMapper.map(exerciseFigure("calf_loading", 2u, Side.RIGHT, FigurePhase.UP, 0.0), 300f, 300f)
        val end = FigureMapper.map(exerciseFigure("calf_loading", 2u, Side.RIGHT, FigurePhase.UP, 1.0), 300f, 300f)
        assertNotEquals(start.commands.first { it.slot == FigureSlot.ACCENT }, end.commands.first { it.slot == FigureSlot.ACCENT })
        val e = assertThrows(FirstStepException::class.java) { exerciseFigure("calf_loading", 2u, Side.RIGHT, FigurePhase.UP, 1.5) }
        assertTrue(e.message!!.contains("progress"), e.message)
    }

    @Test
    fun `every physical assessment test has a still, the squat in line and drifting in, and a question has none`() {
        for (id in listOf("knee_to_wall_cm", "heel_raise_reps", "toe_grip", "arch_control", "balance_seconds", "single_leg_squat")) {
            val still = StillFigure.of(id)
            assertTrue(still != null && still.primitives.none { it.role == FigureRole.MOTION_ARROW }, id)
        }
        assertNotEquals(StillFigure.of("single_leg_squat", 0u)!!.primitives, StillFigure.of("single_leg_squat", 1u)!!.primitives)
        assertEquals(null, StillFigure.of("first_step_pain"))
    }
}
