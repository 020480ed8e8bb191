package app.firststep.ui

import androidx.compose.runtime.getValue
import app.firststep.kit.Route
import androidx.compose.runtime.collectAsState
import app.firststep.kit.AppGraph
import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.sizeIn
import androidx.compose.material3.Button
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.disabled
import androidx.compose.ui.semantics.stateDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import app.firststep.core.Lesson
import app.firststep.core.Settings
import app.firststep.core.Side
import app.firststep.core.Units
import app.firststep.kit.LessonsUiState
import app.firststep.kit.ProgressUiState
import app.firststep.kit.SettingsUiState
import app.firststep.kit.Transfer


/** Decisions with reasons and rule ids, running state and why, the last assessment's changes. */
@Composable
fun ProgressScreen(state: ProgressUiState, actions: ProgressActions = ProgressActions(), modifier: Modifier = Modifier) {
    val s = LocalStrings.current
    val colors = LocalFirstStepColors.current
    ScreenColumn(modifier, tag = "screen-progress") {
        Heading(s.progressTitle)
        val ready = when (state) {
            ProgressUiState.Loading -> { LoadingText(); return@ScreenColumn }
            is ProgressUiState.Failed -> { FailedText(state.error.message); return@ScreenColumn }
            is ProgressUiState.Ready -> state
        }
        val report = ready.report
        SectionCard(Modifier.testTag("progress-running")) {
            Text("${s.runningAdvice}: ${s.runningState(report.running.state)}", style = MaterialTheme.typography.titleMedium, color = colors.running(report.running.state))
            Text(report.running.reason, style = MaterialTheme.typography.bodyMedium)
            report.running.longRunWarning?.let { Text(it, style = MaterialTheme.typography.bodyMedium, color = MaterialTheme.colorScheme.error) }
            report.running.weekly?.let { Text(s.weeklyDistance(it), style = MaterialTheme.typography.bodySmall) }
            RunningDetails(report.running, actions.takeSelfTest, tagPrefix = "progress-running")
            if (report.running.rules.isNotEmpty()) Text(s.rules(report.running.rules), style = MaterialTheme.typography.labelSmall)
        }
        (ready.psfs ?: report.psfs)?.let { PsfsCard(it, actions.ratePsfs, actions.editPsfsActivities) }
        SectionTitle(s.decisionsTitle)
        if (report.decisions.isEmpty()) Text(s.noDecisions)
        for (d in report.decisions.asReversed()) {
            SectionCard(Modifier.testTag("decision-${d.date}-${d.exerciseId}")) {
                Text("${d.date} · ${d.exerciseId}", style = MaterialTheme.typography.labelLarge)
                Text(s.decision(d.action, d.fromLevel.toInt(), d.toLevel.toInt()), style = MaterialTheme.typography.titleSmall)
                Text(d.reason, style = MaterialTheme.typography.bodyMedium)
                Text(s.rules(listOf(d.rule)), style = MaterialTheme.typography.labelSmall)
            }
        }
        ready.assessment?.let { a ->
            if (a.changes.isNotEmpty()) {
                SectionTitle(s.changesTitle)
                for (c in a.changes) {
                    Text("• ${c.description}", style = MaterialTheme.typography.bodyMedium,
                        fontWeight = if (c.meaningful) androidx.compose.ui.text.font.FontWeight.Bold else null)
                }
            }
            SectionTitle(s.findingsTitle)
            if (a.findings.isEmpty()) Text(s.noFindings)
            for (f in a.findings) FindingCard(f)
        }
    }
}

class ProgressActions(
    val takeSelfTest: () -> Unit = {},
    val ratePsfs: () -> Unit = {},
    val editPsfsActivities: () -> Unit = {},
)

/** The route wrapper: collects its view model's state and owns the effects after a write. */
@Composable
fun ProgressRoute(graph: AppGraph) {
    val state by graph.progress.state.collectAsState()
    ProgressScreen(state, ProgressActions(
        takeSelfTest = { graph.navigate(Route.ReturnToRun) },
        ratePsfs = { graph.navigate(Route.PsfsRate) },
        editPsfsActivities = { graph.navigate(Route.PsfsActivities) },
    ))
}
