package app.firststep.desktop

import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import app.firststep.kit.AppGraph
import app.firststep.ui.FirstStepApp
import app.firststep.ui.figure.LocalReducedMotion

/**
 * The app in the desktop window: the desktop has no system switch for reduced motion that Compose
 * can read, so the runner's setting (kept in the shell's preferences) feeds [LocalReducedMotion].
 */
@Composable
fun DesktopApp(graph: AppGraph, dark: Boolean) {
    val reduced by graph.preferences.reducedMotion.collectAsState()
    CompositionLocalProvider(LocalReducedMotion provides (reduced || LocalReducedMotion.current)) {
        FirstStepApp(graph, dark = dark)
    }
}
