package app.firststep.ui

import androidx.compose.runtime.getValue
import app.firststep.kit.Route
import app.firststep.core.JournalChange
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import app.firststep.kit.AppGraph
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.sizeIn
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import app.firststep.kit.MorningPainUiState
import app.firststep.kit.RunLogUiState


class RunLogActions(
    val setDate: (String) -> Unit,
    val setDistance: (String) -> Unit,
    val setMinutes: (String) -> Unit,
    val setPainDuring: (Int) -> Unit,
    val setPainAfter: (Int) -> Unit,
    val setSurface: (String) -> Unit,
    val setShoes: (String) -> Unit,
    val save: () -> Unit,
)

/** A run; the core's running advice and long-run warning for the typed distance appear before saving. */
@Composable
fun RunLogScreen(state: RunLogUiState, actions: RunLogActions) {
    val s = LocalStrings.current
    val colors = LocalFirstStepColors.current
    ScreenColumn(tag = "screen-run") {
        Heading(s.runTitle)
        state.guidance?.let { g ->
            SectionCard(Modifier.testTag("run-guidance")) {
                Text("${s.runningAdvice}: ${s.runningState(g.state)}", style = MaterialTheme.typography.titleMedium, color = colors.running(g.state))
                Text(g.reason, style = MaterialTheme.typography.bodyMedium)
                g.longRunWarning?.let { Text(it, style = MaterialTheme.typography.bodyMedium, color = MaterialTheme.colorScheme.error, modifier = Modifier.testTag("run-spike-warning")) }
            }
        }
        TextInput(s.dateLabel, state.date, actions.setDate, error = state.error?.takeIf { it.concerns("date") }?.message, tag = "run-date")
        NumberField(s.distanceLabel(state.units), state.distance, actions.setDistance,
            error = state.error?.takeIf { it.concerns("distance_km") }?.message, tag = "run-distance")
        NumberField(s.minutesLabel, state.minutes, actions.setMinutes, error = state.error?.takeIf { it.concerns("minutes") }?.message, tag = "run-minutes")
        PainScale(s.painDuring, state.painDuring, actions.setPainDuring, tagPrefix = "run-pain-during")
        FieldErrorText(state.error, "pain_during")
        PainScale(s.painAfter, state.painAfter, actions.setPainAfter, tagPrefix = "run-pain-after")
        FieldErrorText(state.error, "pain_after")
        TextInput(s.surfaceLabel, state.surface, actions.setSurface, tag = "run-surface")
        TextInput(s.shoesLabel, state.shoes, actions.setShoes, tag = "run-shoes")
        state.error?.takeIf { e -> e.field == null || listOf("date", "distance_km", "minutes", "pain_during", "pain_after").none { e.concerns(it) } }
            ?.let { FieldErrorText(it) }
        Button(actions.save, Modifier.fillMaxWidth().sizeIn(minHeight = TouchTarget).testTag("run-save"), enabled = !state.saving) { Text(s.save) }
        if (state.saved != null) Text(s.runSaved, style = MaterialTheme.typography.titleMedium, modifier = Modifier.testTag("run-saved"))
        // rules A7, RR2: the warning the run earned when it was logged, words from the core.
        state.savedWarning?.let { Text(it, color = MaterialTheme.colorScheme.error, modifier = Modifier.testTag("run-saved-warning")) }
    }
}

/** The route wrapper: collects its view model's state and owns the effects after a write. */
@Composable
fun RunLogRoute(graph: AppGraph) {
    val state by graph.run.state.collectAsState()
    LaunchedEffect(state.saved) { if (state.saved != null) graph.changed(JournalChange.RUN_LOGGED) }
    RunLogScreen(state, RunLogActions(
        setDate = graph.run::setDate,
        setDistance = graph.run::setDistance,
        setMinutes = graph.run::setMinutes,
        setPainDuring = graph.run::setPainDuring,
        setPainAfter = graph.run::setPainAfter,
        setSurface = graph.run::setSurface,
        setShoes = graph.run::setShoes,
        save = { graph.run.save() },
    ))
}
