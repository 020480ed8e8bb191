package app.firststep.ui

import androidx.compose.runtime.getValue
import androidx.compose.runtime.setValue
import androidx.compose.runtime.remember
import androidx.compose.runtime.mutableStateOf
import app.firststep.kit.Route
import app.firststep.core.JournalChange
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import app.firststep.kit.AppGraph
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.sizeIn
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import app.firststep.core.SafetyResult
import app.firststep.kit.SafetyUiState


/**
 * Urgent (R1): stop. The core's advice and reasons ("what to tell the clinician"); no program is
 * offered. The safety questions can be taken again only once a clinician's clearance is recorded.
 */
@Composable
fun UrgentStopScreen(advice: String, reasons: List<String>, clearance: ClearanceForm) {
    val s = LocalStrings.current
    ScreenColumn(tag = "screen-urgent") {
        SectionCard(container = MaterialTheme.colorScheme.errorContainer) {
            Text(s.urgentTitle, style = MaterialTheme.typography.headlineMedium, color = MaterialTheme.colorScheme.onErrorContainer)
            Text(advice, style = MaterialTheme.typography.bodyLarge, color = MaterialTheme.colorScheme.onErrorContainer, modifier = Modifier.testTag("urgent-advice"))
        }
        if (reasons.isNotEmpty()) {
            SectionTitle(s.urgentWhatToTell)
            for (reason in reasons) Text("• $reason", style = MaterialTheme.typography.bodyLarge)
        }
        SectionCard {
            SectionTitle(s.clearedTitle)
            TextInput(s.clearedDateLabel, clearance.date, clearance.onDate, error = clearance.error?.message, tag = "cleared-date")
            OutlinedButton(clearance.onCleared, Modifier.fillMaxWidth().sizeIn(minHeight = TouchTarget).testTag("urgent-retake")) { Text(s.clearedConfirm) }
        }
    }
}

/** The clearance date as typed, the core's error about it, and the callbacks. */
class ClearanceForm(val date: String, val error: app.firststep.kit.FieldError?, val onDate: (String) -> Unit, val onCleared: () -> Unit)

/** The route wrapper: collects its view model's state and owns the effects after a write. */
@Composable
fun UrgentStopRoute(graph: AppGraph, route: Route.Urgent) {
    val state by graph.safety.state.collectAsState()
    var date by remember { mutableStateOf("") }
    val cleared = (state as? SafetyUiState.Ready)?.cleared == true
    val error = when (val current = state) {
        is SafetyUiState.Ready -> current.error
        is SafetyUiState.Failed -> current.error
        SafetyUiState.Loading -> null
    }
    LaunchedEffect(cleared) { if (cleared) { graph.navigator.replace(Route.Safety); graph.changed(JournalChange.CLINICIAN_VISIT) } }
    UrgentStopScreen(route.advice, route.reasons, ClearanceForm(date, error, { date = it }) { graph.safety.clearedByClinician(date) })
}
