package app.firststep.ui

import androidx.compose.runtime.getValue
import app.firststep.kit.Route
import app.firststep.core.JournalChange
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import app.firststep.kit.AppGraph
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.sizeIn
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import app.firststep.core.Effort
import app.firststep.core.Psfs
import app.firststep.core.ReturnToRunState
import app.firststep.core.RunningGuidance
import app.firststep.core.RunningState
import app.firststep.kit.PsfsUiState
import app.firststep.kit.ReturnToRunUiState


class PsfsActions(
    val setName: (Int, String) -> Unit,
    val saveActivities: () -> Unit,
    val setScore: (Long, Int) -> Unit,
    val rate: () -> Unit,
)

/** Names the 3–5 activities; the core's refusal (count, repeat, length) is shown under the form. */
@Composable
fun PsfsActivitiesScreen(state: PsfsUiState, actions: PsfsActions, modifier: Modifier = Modifier) {
    val s = LocalStrings.current
    ScreenColumn(modifier, tag = "screen-psfs-activities") {
        Heading(s.psfsActivitiesTitle)
        Text(s.psfsActivitiesHint, style = MaterialTheme.typography.bodyMedium)
        val ready = when (state) {
            PsfsUiState.Loading -> { LoadingText(); return@ScreenColumn }
            is PsfsUiState.Failed -> { FailedText(state.error.message); return@ScreenColumn }
            is PsfsUiState.Ready -> state
        }
        for ((i, name) in ready.names.withIndex()) {
            TextInput(s.psfsActivityLabel(i + 1), name, { actions.setName(i, it) }, tag = "psfs-name-$i")
        }
        FieldErrorText(ready.error, modifier = Modifier.testTag("psfs-error"))
        Button(actions.saveActivities, Modifier.fillMaxWidth().sizeIn(minHeight = TouchTarget).testTag("psfs-save-activities"),
            enabled = !ready.saving) { Text(s.save) }
    }
}

/** Rates each activity 0–10 (0 = unable, 10 = as before the injury). */
@Composable
fun PsfsRateScreen(state: PsfsUiState, actions: PsfsActions, modifier: Modifier = Modifier) {
    val s = LocalStrings.current
    ScreenColumn(modifier, tag = "screen-psfs-rate") {
        Heading(s.psfsRateTitle)
        Text(s.psfsScaleHint, style = MaterialTheme.typography.bodyMedium)
        val ready = when (state) {
            PsfsUiState.Loading -> { LoadingText(); return@ScreenColumn }
            is PsfsUiState.Failed -> { FailedText(state.error.message); return@ScreenColumn }
            is PsfsUiState.Ready -> state
        }
        val psfs = ready.psfs
        for (a in psfs.activities) {
            SectionCard(Modifier.testTag("psfs-rate-${a.id}")) {
                PainScale(a.name, ready.scores[a.id], { actions.setScore(a.id, it) }, tagPrefix = "psfs-score-${a.id}")
            }
        }
        FieldErrorText(ready.error, modifier = Modifier.testTag("psfs-error"))
        Button(actions.rate, Modifier.fillMaxWidth().sizeIn(minHeight = TouchTarget).testTag("psfs-save-rating"),
            enabled = ready.canRate && !ready.saving) { Text(s.save) }
    }
}

/** The route wrapper: collects its view model's state and owns the effects after a write. */
@Composable
fun PsfsActivitiesRoute(graph: AppGraph) {
    val state by graph.psfs.state.collectAsState()
    // Named: rate them now (a first rating is due at once).
    val saved = (state as? PsfsUiState.Ready)?.saved == true
    LaunchedEffect(saved) { if (saved) { graph.navigator.replace(Route.PsfsRate); graph.psfs.open(); graph.changed(JournalChange.PSFS) } }
    PsfsActivitiesScreen(state, graph.psfsActions())
}

/** The route wrapper: collects its view model's state and owns the effects after a write. */
@Composable
fun PsfsRateRoute(graph: AppGraph) {
    val state by graph.psfs.state.collectAsState()
    val saved = (state as? PsfsUiState.Ready)?.saved == true
    LaunchedEffect(saved) { if (saved) graph.backAfter(JournalChange.PSFS) }
    PsfsRateScreen(state, graph.psfsActions())
}

private fun AppGraph.psfsActions() = PsfsActions(
    setName = psfs::setName,
    saveActivities = { psfs.saveActivities() },
    setScore = psfs::setScore,
    rate = { psfs.rate() },
)
