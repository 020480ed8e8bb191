package app.firststep.ui

import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.sizeIn
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import app.firststep.core.ImportStatus
import app.firststep.core.Units
import app.firststep.kit.AppGraph
import app.firststep.kit.Distance
import app.firststep.kit.RunImportUiState

class RunImportActions(
    val choose: () -> Unit,
    val dismiss: () -> Unit,
)

/**
 * The runs screen's import part (issue 23): "Import runs…", then one row per file with what the core
 * made of it — imported, skipped or refused and why, the A7 warnings in the error colour — and the
 * runner's latest runs. Every sentence under a file is the core's.
 */
@Composable
fun RunImportSection(state: RunImportUiState, units: Units, actions: RunImportActions) {
    val s = LocalStrings.current
    SectionCard(Modifier.testTag("run-import")) {
        SectionTitle(s.runImportTitle)
        if (state.readsFiles) {
            Text(s.runImportDropHint, style = MaterialTheme.typography.bodyMedium)
            Button(actions.choose, Modifier.fillMaxWidth().sizeIn(minHeight = TouchTarget).testTag("run-import-choose"), enabled = !state.importing) {
                Text(s.runImportChoose)
            }
        } else if (!state.loading) {
            Text(s.runImportHealthStoreOnly, style = MaterialTheme.typography.bodyMedium)
        }
        if (state.importing) Text(s.runImportWorking, modifier = Modifier.testTag("run-import-working"))
        state.error?.let { FieldErrorText(it) }
        state.results.forEachIndexed { i, r ->
            val color = if (r.status == ImportStatus.REFUSED) MaterialTheme.colorScheme.error else MaterialTheme.colorScheme.onSurface
            Text("${r.file} — ${s.runImportStatus(r.status)}", style = MaterialTheme.typography.titleSmall, color = color,
                modifier = Modifier.testTag("run-import-result-$i"))
            for (line in r.lines) Text(line, style = MaterialTheme.typography.bodyMedium, modifier = Modifier.testTag("run-import-line-$i"))
            r.openError?.let { Text(s.runImportCouldNotOpen(it), color = MaterialTheme.colorScheme.error, modifier = Modifier.testTag("run-import-line-$i")) }
            // rules A7, RR2: the warning an added run earned, words from the core.
            for (w in r.warnings) Text(w, color = MaterialTheme.colorScheme.error, modifier = Modifier.testTag("run-import-warning-$i"))
        }
        if (state.results.isNotEmpty() && !state.importing) {
            OutlinedButton(actions.dismiss, Modifier.sizeIn(minHeight = TouchTarget).testTag("run-import-dismiss")) { Text(s.runImportDismiss) }
        }
        SectionTitle(s.runListTitle)
        if (state.runs.isEmpty() && !state.loading) Text(s.runListEmpty, modifier = Modifier.testTag("run-list-empty"))
        state.runs.forEachIndexed { i, run ->
            Text(
                s.runListLine(run.date, Distance.fromKm(run.distanceKm, units).oneDecimal(), units, run.source, run.matchedBy.isNotEmpty()),
                style = MaterialTheme.typography.bodyMedium,
                modifier = Modifier.testTag("run-list-$i"),
            )
        }
    }
}

/** The section's wrapper on the runs screen: the kit's import view model (it tells the graph what went stale). */
@Composable
fun RunImportRoute(graph: AppGraph, units: Units) {
    val state by graph.runImport.state.collectAsState()
    RunImportSection(state, units, RunImportActions(choose = { graph.runImport.chooseFiles() }, dismiss = graph.runImport::clearResults))
}
