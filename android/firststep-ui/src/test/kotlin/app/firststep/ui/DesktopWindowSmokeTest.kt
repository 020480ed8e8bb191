package app.firststep.ui

import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Assume.assumeTrue
import org.junit.Test
import java.io.File
import java.nio.file.Files
import java.util.concurrent.TimeUnit
import javax.imageio.ImageIO

/**
 * The real desktop window on a real X display (Xvfb): the app's own main() on a seeded journal,
 * a separate JVM, not headless. It reports what it shows once home is on screen and captures the
 * window. Skipped only where Xvfb is missing (the test command installs it).
 */
class DesktopWindowSmokeTest {
    @Test
    fun `the desktop window opens on the home screen`() {
        val xvfb = listOf("/usr/bin/Xvfb", "/usr/local/bin/Xvfb").map(::File).firstOrNull { it.canExecute() }
        assumeTrue("Xvfb is not installed", xvfb != null)
        val db = tempDb().also { seedJournal(it, weeks = 2) }
        val out = Files.createTempDirectory("firststep-smoke").resolve("smoke.txt").toFile()
        val display = ":${90 + (ProcessHandle.current().pid() % 9)}"
        val server = ProcessBuilder(xvfb!!.path, display, "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
        try {
            Thread.sleep(1_500)
            val java = File(System.getProperty("java.home"), "bin/java").path
            val app = ProcessBuilder(
                java, "-cp", System.getProperty("java.class.path"),
                "-Djna.library.path=${System.getProperty("jna.library.path")}",
                "-Dskiko.renderApi=SOFTWARE",
                "-Dfirststep.smoke.out=${out.path}",
                "app.firststep.desktop.MainKt", "--db", db.path, "--light",
            ).redirectErrorStream(true).also { it.environment()["DISPLAY"] = display }.start()
            val log = StringBuilder()
            val reader = Thread { app.inputStream.bufferedReader().forEachLine { log.appendLine(it) } }.apply { start() }
            val finished = app.waitFor(90, TimeUnit.SECONDS)
            if (!finished) app.destroyForcibly()
            reader.join(2_000)
            assertTrue("the app did not finish:\n$log", finished)
            assertEquals("exit code, log:\n$log", 0, app.exitValue())
            val report = out.readText().lines().filter { '=' in it }.associate { it.substringBefore('=') to it.substringAfter('=') }
            val expected = FirstStepCoreHome.nextStepText(db)
            assertEquals("FirstStep", report["title"])
            val icon = report["icon"]
            assertTrue("the window shows the app icon, not Java's (icon=$icon)", icon != null && icon != "none")
            assertEquals("home", report["route"])
            assertEquals(expected, report["next_step"])
            val capture = ImageIO.read(File(out.path + ".png"))
            val colours = HashSet<Int>()
            for (y in 0 until capture.height step 3) for (x in 0 until capture.width step 3) colours += capture.getRGB(x, y)
            assertTrue("the captured window looks blank (${colours.size} colours)", colours.size > 20)
        } finally {
            server.destroy()
            server.waitFor(5, TimeUnit.SECONDS)
        }
    }
}

/** What the core's home says today on a journal (read after the app closed it). */
object FirstStepCoreHome {
    fun nextStepText(db: File): String =
        app.firststep.core.FirstStep.open(db.path).use { it.home(app.firststep.kit.SystemClock.now()).nextStepText }
}
