package app.firststep.ui

import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.sizeIn
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.NavigationBar
import androidx.compose.material3.NavigationBarItem
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.unit.dp
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import app.firststep.kit.AppGraph
import app.firststep.kit.Route

/** The whole app: the current route's screen fed by its view model, a top bar and the tab bar. */
@Composable
fun FirstStepApp(graph: AppGraph, dark: Boolean = false, strings: Strings = EnglishStrings) {
    FirstStepTheme(dark, strings) {
        val routes by graph.navigator.routes.collectAsState()
        val route = routes.last()
        val s = LocalStrings.current
        Scaffold(
            topBar = {
                // A plain bar that grows with the font size (Material's TopAppBar has a fixed height,
                // which clips its title at font scale 2).
                Surface(color = MaterialTheme.colorScheme.surface) {
                    Row(
                        Modifier.fillMaxWidth().sizeIn(minHeight = 56.dp).padding(horizontal = 8.dp, vertical = 4.dp),
                        verticalAlignment = Alignment.CenterVertically,
                    ) {
                        if (routes.size > 1) {
                            TextButton({ graph.navigator.back(); if (graph.navigator.current == Route.Home) graph.home.refresh() },
                                Modifier.sizeIn(minWidth = TouchTarget, minHeight = TouchTarget).testTag("nav-back")) { Text("‹ ${s.back}") }
                        }
                        Text(s.appName, style = MaterialTheme.typography.titleLarge, modifier = Modifier.padding(horizontal = 8.dp).semantics { heading() })
                    }
                }
            },
            bottomBar = {
                if (routes.size == 1 && route in Route.tabs) TabBar(route) { graph.navigate(it) }
            },
        ) { padding ->
            Surface(Modifier.fillMaxSize().padding(padding), color = MaterialTheme.colorScheme.background) {
                RouteScreen(graph, route)
            }
        }
    }
}

@Composable
private fun TabBar(current: Route, onSelect: (Route) -> Unit) {
    val s = LocalStrings.current
    NavigationBar {
        for (tab in Route.tabs) {
            val (glyph, label) = when (tab) {
                Route.Home -> "⌂" to s.navHome
                Route.Trend -> "↗" to s.navTrend
                Route.Progress -> "✓" to s.navProgress
                Route.Lessons -> "☰" to s.navLessons
                else -> "⚙" to s.navSettings
            }
            NavigationBarItem(
                selected = tab == current,
                onClick = { onSelect(tab) },
                icon = { Text(glyph, style = MaterialTheme.typography.titleLarge) },
                // Only the current tab is labelled (the others are announced by their description),
                // so five labels never have to share 412 dp at a large font size.
                label = if (tab == current) { { Text(label, maxLines = 1, softWrap = false) } } else null,
                alwaysShowLabel = false,
                modifier = Modifier.testTag("tab-${label.lowercase()}").semantics { contentDescription = label },
            )
        }
    }
}

@Composable
fun Placeholder(text: String) = Box(Modifier.fillMaxSize()) { Text(text) }
