package app.firststep.ui

import androidx.compose.runtime.getValue
import app.firststep.kit.Route
import app.firststep.core.JournalChange
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


class ReturnToRunActions(
    val setWalkPain: (Int) -> Unit,
    val setHeelAffected: (String) -> Unit,
    val setHeelOther: (String) -> Unit,
    val setHopPain: (Int) -> Unit,
    val submit: () -> Unit,
    val done: () -> Unit,
)

/** The return-to-run self-test (RR1): the answers, then the core's verdict with each criterion. */
@Composable
fun ReturnToRunScreen(state: ReturnToRunUiState, actions: ReturnToRunActions) {
    val s = LocalStrings.current
    ScreenColumn(tag = "screen-return-to-run") {
        Heading(s.selfTestTitle)
        val result = state.result
        if (result != null) {
            SectionCard(Modifier.testTag("self-test-result"),
                container = if (result.passed) MaterialTheme.colorScheme.primaryContainer else MaterialTheme.colorScheme.tertiaryContainer) {
                Text(s.selfTestVerdict(result.passed), style = MaterialTheme.typography.titleLarge, modifier = Modifier.testTag("self-test-verdict"))
                Text(result.advice, style = MaterialTheme.typography.bodyMedium, modifier = Modifier.testTag("self-test-advice"))
            }
            for (c in result.criteria) {
                SectionCard(Modifier.testTag("criterion-${c.id}").semantics(mergeDescendants = true) {
                    contentDescription = "${c.label}: ${s.criterion(c.passed)}"
                }) {
                    Text(s.criterion(c.passed), style = MaterialTheme.typography.titleSmall,
                        color = if (c.passed) MaterialTheme.colorScheme.primary else MaterialTheme.colorScheme.error,
                        modifier = Modifier.testTag("criterion-${c.id}-${if (c.passed) "passed" else "failed"}"))
                    Text(c.label, style = MaterialTheme.typography.bodyMedium)
                    Text(c.detail, style = MaterialTheme.typography.bodySmall, color = MaterialTheme.colorScheme.onSurfaceVariant)
                }
            }
            Button(actions.done, Modifier.fillMaxWidth().sizeIn(minHeight = TouchTarget).testTag("self-test-done")) { Text(s.back) }
            return@ScreenColumn
        }
        PainScale(s.selfTestWalkPain, state.walkPain, actions.setWalkPain, tagPrefix = "self-test-walk")
        FieldErrorText(state.error, "walk_pain")
        NumberField(s.selfTestHeelAffected, state.heelRaisesAffected, actions.setHeelAffected, decimal = false,
            error = state.error?.takeIf { it.concerns("heel_raises_affected") }?.message, tag = "self-test-heel-affected")
        NumberField(s.selfTestHeelOther, state.heelRaisesOther, actions.setHeelOther, decimal = false,
            error = state.error?.takeIf { it.concerns("heel_raises_other") }?.message, tag = "self-test-heel-other")
        PainScale(s.selfTestHopPain, state.hopPain, actions.setHopPain, tagPrefix = "self-test-hop")
        FieldErrorText(state.error, "hop_pain")
        state.error?.takeIf { e -> listOf("walk_pain", "hop_pain", "heel_raises_affected", "heel_raises_other").none { e.concerns(it) } }
            ?.let { FieldErrorText(it, modifier = Modifier.testTag("self-test-error")) }
        Button(actions.submit, Modifier.fillMaxWidth().sizeIn(minHeight = TouchTarget).testTag("self-test-submit"),
            enabled = state.canSubmit) { Text(s.selfTestSubmit) }
    }
}

/** The route wrapper: collects its view model's state and owns the effects after a write. */
@Composable
fun ReturnToRunRoute(graph: AppGraph) {
    val state by graph.returnToRun.state.collectAsState()
    ReturnToRunScreen(state, ReturnToRunActions(
        setWalkPain = graph.returnToRun::setWalkPain,
        setHeelAffected = graph.returnToRun::setHeelRaisesAffected,
        setHeelOther = graph.returnToRun::setHeelRaisesOther,
        setHopPain = graph.returnToRun::setHopPain,
        submit = { graph.returnToRun.submit() },
        done = { graph.backAfter(JournalChange.RETURN_TO_RUN_TEST) },
    ))
}
