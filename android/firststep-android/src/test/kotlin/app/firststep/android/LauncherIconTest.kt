package app.firststep.android

import android.graphics.RectF
import android.util.PathParser
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.annotation.Config
import java.io.File
import javax.xml.parsers.DocumentBuilderFactory

/**
 * The launcher icon as shipped (docs/icon/make-icons.py writes it; the Gradle app packages this res/): the
 * manifest names an adaptive icon, and that icon has its background, foreground and monochrome layers
 * (Android 13+ themed icons use the monochrome one; without it a themed launcher shows the full-colour icon
 * on its own, out of place among the others).
 */
@RunWith(RobolectricTestRunner::class)
@Config(sdk = [34], manifest = Config.NONE)
class LauncherIconTest {
    private val moduleDir = File(System.getProperty("firststep.android.dir") ?: ".")
    private val android = "http://schemas.android.com/apk/res/android"

    private fun xml(file: File) = DocumentBuilderFactory.newInstance().apply { isNamespaceAware = true }
        .newDocumentBuilder().parse(file).documentElement

    private fun org.w3c.dom.Element.children(tag: String): List<org.w3c.dom.Element> =
        getElementsByTagName(tag).let { list -> (0 until list.length).map { list.item(it) as org.w3c.dom.Element } }

    private fun org.w3c.dom.Element.a(name: String): String = getAttributeNS(android, name)

    /** `@mipmap/ic_launcher` → the adaptive icon's file (minSdk 26: the anydpi-v26 one is used on every device). */
    private fun mipmap(reference: String): File {
        assertTrue("a mipmap reference: $reference", reference.startsWith("@mipmap/"))
        return File(moduleDir, "src/main/res/mipmap-anydpi-v26/${reference.removePrefix("@mipmap/")}.xml")
    }

    private fun drawable(reference: String): File {
        assertTrue("a drawable reference: $reference", reference.startsWith("@drawable/"))
        return File(moduleDir, "src/main/res/drawable/${reference.removePrefix("@drawable/")}.xml")
    }

    private fun layers(icon: File): Map<String, File> {
        assertTrue("$icon exists", icon.isFile)
        val root = xml(icon)
        assertEquals("adaptive-icon", root.tagName)
        return listOf("background", "foreground", "monochrome").associateWith { layer ->
            val element = root.children(layer).singleOrNull()
            assertTrue("$icon has a <$layer> layer", element != null)
            drawable(element!!.a("drawable")).also { assertTrue("$it exists", it.isFile) }
        }
    }

    @Test
    fun theManifestNamesTheAdaptiveIconAndItsRoundFormBothWithAMonochromeLayer() {
        val application = xml(File(moduleDir, "src/main/AndroidManifest.xml")).children("application").single()
        val icon = application.a("icon")
        val round = application.a("roundIcon")
        assertFalse("not the platform's placeholder", icon.startsWith("@android:"))
        for (reference in listOf(icon, round)) {
            val files = layers(mipmap(reference))
            assertEquals("vector", xml(files.getValue("monochrome")).tagName)
        }
    }

    @Test
    fun theMonochromeLayerIsOneColourAndDrawsInsideTheSafeZone() {
        val icon = xml(File(moduleDir, "src/main/AndroidManifest.xml")).children("application").single().a("icon")
        val vector = xml(layers(mipmap(icon)).getValue("monochrome"))
        assertEquals("108dp", vector.a("width"))
        assertEquals("108", vector.a("viewportWidth"))
        val paths = vector.children("path")
        assertTrue("the mark has paths", paths.isNotEmpty())
        val colours = paths.flatMap { listOf(it.a("fillColor"), it.a("strokeColor")) }.filter { it.isNotEmpty() }.toSet()
        assertEquals("one colour: the launcher tints it", 1, colours.size)

        // Every path parses as the framework parses it, and the mark stays in the 66 dp safe zone of the
        // 108 dp canvas (the part no launcher mask cuts); a stroke adds half its width on each side.
        for (path in paths) {
            val bounds = RectF()
            PathParser.createPathFromPathData(path.a("pathData")).computeBounds(bounds, true)
            val half = (path.a("strokeWidth").toFloatOrNull() ?: 0f) / 2
            assertFalse("${path.a("pathData")} draws something", bounds.isEmpty)
            assertTrue("$bounds inside the safe zone", bounds.left - half >= 21f && bounds.top - half >= 21f)
            assertTrue("$bounds inside the safe zone", bounds.right + half <= 87f && bounds.bottom + half <= 87f)
        }
    }
}
