package app.firststep.ui

import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Test
import java.io.File
import java.nio.file.Files
import javax.imageio.ImageIO

/**
 * Every screen drawn to PNG off-screen (ImageComposeScene), each checked not blank. The folder is a
 * temp folder unless -Dfirststep.render.dir is given (render-screenshots.sh points it at docs/screenshots).
 */
class RenderScreensTest {
    @Test
    fun `every screen renders to a non-blank PNG`() {
        val dir = System.getProperty("firststep.render.dir")?.takeIf { it.isNotBlank() }?.let(::File)
            ?: Files.createTempDirectory("firststep-renders").toFile()
        val files = renderShots(dir) + renderProgramShots(dir) + renderMaintenanceShots(dir)
        assertEquals(allShots.size + programShots.size + maintenanceShots.size, files.size)
        val widths = (allShots + programShots + maintenanceShots).associate { "${it.name}.png" to it.width }
        for (file in files) {
            val image = ImageIO.read(file)
            assertEquals("${file.name} width", ((widths[file.name] ?: PHONE_W) * RENDER_DENSITY).toInt(), image.width)
            // Not blank: a real screen has text and surfaces, so many pixels differ from the background corner.
            val background = image.getRGB(image.width - 2, image.height / 2)
            var different = 0
            val colours = HashSet<Int>()
            for (y in 0 until image.height step 4) for (x in 0 until image.width step 4) {
                val rgb = image.getRGB(x, y)
                if (rgb != background) different++
                colours += rgb
            }
            val share = different.toDouble() / ((image.width / 4) * (image.height / 4))
            assertTrue("${file.name} looks blank: ${"%.3f".format(share)} of pixels differ", share > 0.02)
            assertTrue("${file.name} has only ${colours.size} colours", colours.size > 20)
        }
        println("rendered ${files.size} screens into ${dir.absolutePath}")
    }
}
