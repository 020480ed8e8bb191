package app.firststep.desktop

import androidx.compose.foundation.draganddrop.dragAndDropTarget
import androidx.compose.foundation.isSystemInDarkTheme
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.ui.Modifier
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.ui.graphics.painter.BitmapPainter
import androidx.compose.ui.graphics.painter.Painter
import androidx.compose.ui.graphics.toComposeImageBitmap
import androidx.compose.ui.unit.dp
import androidx.compose.ui.window.Notification
import androidx.compose.ui.window.Tray
import androidx.compose.ui.window.Window
import androidx.compose.ui.window.application
import androidx.compose.ui.window.isTraySupported
import androidx.compose.ui.window.rememberTrayState
import androidx.compose.ui.window.rememberWindowState
import app.firststep.kit.DueReminders
import app.firststep.kit.FirstStepRepository
import app.firststep.kit.NanoTimeClock
import app.firststep.kit.SystemClock
import app.firststep.kit.AppGraph
import app.firststep.kit.ShellPreferences
import kotlinx.coroutines.delay
import kotlinx.coroutines.runBlocking
import org.jetbrains.skia.Image
import java.io.File
import kotlin.system.exitProcess

private const val USAGE = "usage: firststep-desktop [--db PATH] [--dark]"

/** How often the open app looks for due reminders (the tray notification). */
private const val REMINDER_LOOK_MS = 20_000L

fun main(args: Array<String>) {
    var db: File? = null
    var dark: Boolean? = null
    var i = 0
    while (i < args.size) {
        when (args[i]) {
            "--db" -> db = File(args.getOrNull(++i) ?: fail("--db needs a path"))
            "--dark" -> dark = true
            "--light" -> dark = false
            "-h", "--help" -> { println(USAGE); return }
            else -> fail("unknown argument ${args[i]}")
        }
        i++
    }
    val path = db ?: defaultDatabasePath()
    path.absoluteFile.parentFile?.mkdirs()
    val repository = try {
        runBlocking { FirstStepRepository.open(path.path) }
    } catch (e: app.firststep.core.FirstStepException) {
        fail(app.firststep.kit.FieldError.of(e).message)
    }
    println("FirstStep desktop on ${repository.databasePath()}")

    application {
        val scope = rememberCoroutineScope()
        val trayState = rememberTrayState()
        val due = remember { DueReminders(System.currentTimeMillis()) }
        var frame: java.awt.Frame? = null
        val graph = remember {
            // The shell's own choices (cue sound, reduced motion) in a file next to the journal.
            val preferences = ShellPreferences(PropertiesPreferenceStore(File(path.path + ".prefs")), offersReducedMotion = true)
            AppGraph(
                repository, scope, NanoTimeClock, desktopCuePlayer(preferences),
                FileSnapshotStore(File(path.path + ".session")), DialogFilePicker { frame },
                runFiles = DialogRunFilePicker { frame },
                preferences = preferences,
            ).also { it.start() }
        }
        // Due reminders while the app is open: the core's plan, re-read on every look.
        LaunchedEffect(Unit) {
            while (true) {
                try {
                    due.plan(repository.reminders())
                    for (r in due.due(SystemClock.now().instantMs)) {
                        if (isTraySupported) trayState.sendNotification(Notification(r.title, r.body)) else println("reminder: ${r.title} — ${r.body}")
                    }
                } catch (e: app.firststep.core.FirstStepException) {
                    println("reminders: ${app.firststep.kit.FieldError.of(e).message}")
                }
                delay(REMINDER_LOOK_MS)
            }
        }
        if (isTraySupported) Tray(icon = AppIcon, state = trayState, tooltip = "FirstStep")
        Window(
            onCloseRequest = { repository.close(); exitApplication() },
            title = "FirstStep",
            icon = AppIcon,
            state = rememberWindowState(width = 440.dp, height = 900.dp),
        ) {
            frame = window
            // The window came back to the front: re-derive the session at this instant.
            LaunchedEffect(Unit) {
                window.addWindowFocusListener(object : java.awt.event.WindowFocusListener {
                    override fun windowGainedFocus(e: java.awt.event.WindowEvent?) { graph.session.refresh() }
                    override fun windowLostFocus(e: java.awt.event.WindowEvent?) {}
                })
            }
            // Activity files dropped on the window are imported on the runs screen (issue 23).
            val drop = remember { runFileDropTarget { graph.importRuns(it) } }
            Box(Modifier.fillMaxSize().dragAndDropTarget(::carriesFiles, drop)) {
                DesktopApp(graph, dark = dark ?: isSystemInDarkTheme())
            }
            System.getProperty("firststep.smoke.out")?.let { out -> SmokeProbe(graph, window, File(out)) }
        }
    }
}

private fun fail(message: String): Nothing {
    System.err.println("firststep-desktop: $message\n$USAGE")
    exitProcess(2)
}

/** The app icon (docs/icon/make-icons.py renders src/desktop/resources/firststep-icon.png): window and tray. */
private val AppIcon: Painter by lazy {
    val png = Thread.currentThread().contextClassLoader.getResourceAsStream("firststep-icon.png")
        ?.use { it.readBytes() } ?: error("firststep-icon.png is missing from the classpath")
    BitmapPainter(Image.makeFromEncoded(png).toComposeImageBitmap())
}
