package app.firststep.kit

import app.firststep.core.FigurePhase
import app.firststep.core.Side
import app.firststep.core.exerciseFigure
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Tag
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.condition.EnabledIfSystemProperty

/**
 * The Kotlin side of the figure benchmark (beside `cargo bench -p firststep-core --bench figure`):
 * one figure frame through the generated bindings — the same calf_loading L2 mid-"up" frame the Rust
 * bench times, plus the kit's mapping to canvas commands (what a Compose frame does). Off by default;
 * run with -Dfirststep.bench=true (JMH is not among the offline artifacts, so a warmed-up loop).
 * Prints `kotlin figure_frame_us_per_call=<µs> figure_frame_mapped_us_per_call=<µs>`.
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "firststep.bench", matches = "true")
class FigureBenchmarkTest {
    @Test
    fun `one figure frame through the FFI`() {
        val calls = System.getProperty("firststep.bench.calls")?.toIntOrNull() ?: 5000
        fun frame(i: Int) = exerciseFigure("calf_loading", 2u, Side.LEFT, FigurePhase.UP, (i % 100) / 100.0)
        repeat(maxOf(calls / 5, 500)) { frame(it) } // warm-up, JIT included
        var primitives = 0
        var start = System.nanoTime()
        repeat(calls) { primitives += frame(it).primitives.size }
        val ffi = (System.nanoTime() - start) / 1_000.0 / calls
        start = System.nanoTime()
        repeat(calls) { primitives += FigureMapper.map(frame(it), 600f, 600f).commands.size }
        val mapped = (System.nanoTime() - start) / 1_000.0 / calls
        assertTrue(primitives > 0)
        println("kotlin figure_frame_us_per_call=%.1f figure_frame_mapped_us_per_call=%.1f".format(ffi, mapped))
    }
}
