package app.firststep.desktop

import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.ui.awt.ComposeWindow
import app.firststep.kit.AppGraph
import app.firststep.kit.Route
import kotlinx.coroutines.delay
import java.awt.Rectangle
import java.awt.Robot
import java.io.File
import javax.imageio.ImageIO
import kotlin.system.exitProcess

/**
 * Test hook for the window smoke test (-Dfirststep.smoke.out=FILE, never set by run-desktop.sh):
 * once the real window shows the loaded home screen, writes what it shows and a screen capture of
 * the window (java.awt.Robot on the real display), then exits.
 */
@Composable
fun SmokeProbe(graph: AppGraph, window: ComposeWindow, out: File) {
    LaunchedEffect(Unit) {
        val deadline = System.currentTimeMillis() + 60_000
        while (System.currentTimeMillis() < deadline) {
            val home = (graph.home.state.value as? app.firststep.kit.HomeUiState.Ready)?.home
            if (graph.navigator.current == Route.Home && home != null && window.isShowing) {
                delay(1_500) // let a few frames reach the screen
                val bounds = Rectangle(window.locationOnScreen, window.size)
                val capture = Robot().createScreenCapture(bounds)
                ImageIO.write(capture, "png", File(out.path + ".png"))
                val icon = window.iconImage?.let { "${it.getWidth(null)}x${it.getHeight(null)}" } ?: "none"
                out.writeText("title=${window.title}\nroute=home\nnext_step=${home.nextStepText}\nsize=${window.width}x${window.height}\nicon=$icon\n")
                exitProcess(0)
            }
            delay(200)
        }
        out.writeText("route=${graph.navigator.current}\n")
        exitProcess(3)
    }
}
