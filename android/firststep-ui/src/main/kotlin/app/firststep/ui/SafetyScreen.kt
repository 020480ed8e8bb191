package app.firststep.ui

import androidx.compose.runtime.getValue
import app.firststep.core.RedFlagLevel
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


/** The red-flag questions with their help text; each answer is a switch. */
@Composable
fun SafetyScreen(state: SafetyUiState, onAnswer: (String, Boolean) -> Unit, modifier: Modifier = Modifier, onSubmit: () -> Unit) {
    val s = LocalStrings.current
    ScreenColumn(modifier, tag = "screen-safety") {
        Heading(s.safetyTitle)
        val ready = when (state) {
            SafetyUiState.Loading -> { LoadingText(); return@ScreenColumn }
            is SafetyUiState.Failed -> { FailedText(state.error.message); return@ScreenColumn }
            is SafetyUiState.Ready -> state
        }
        for (q in ready.questions) {
            val yes = q.id in ready.yes
            SectionCard {
                SelectableRow(selected = yes, onClick = { onAnswer(q.id, !yes) }, modifier = Modifier.testTag("safety-${q.id}")) {
                    Text(q.prompt, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.weight(1f).padding(end = 8.dp))
                    Switch(
                        checked = yes,
                        onCheckedChange = { onAnswer(q.id, it) },
                        modifier = Modifier.semantics { contentDescription = q.prompt },
                    )
                }
                Text(q.help, style = MaterialTheme.typography.bodyMedium, color = MaterialTheme.colorScheme.onSurfaceVariant)
            }
        }
        FieldErrorText(ready.error)
        Button(onSubmit, Modifier.fillMaxWidth().sizeIn(minHeight = TouchTarget).testTag("safety-submit")) {
            Text(s.safetyContinue)
        }
    }
}

/** The route wrapper: collects its view model's state and owns the effects after a write. */
@Composable
fun SafetyRoute(graph: AppGraph) {
    val state by graph.safety.state.collectAsState()
    val submitted = (state as? SafetyUiState.Ready)?.result
    LaunchedEffect(submitted) {
        val result = submitted ?: return@LaunchedEffect
        graph.changed(JournalChange.SAFETY_SCREEN)
        when (result.level) {
            RedFlagLevel.URGENT -> graph.navigator.replace(Route.Urgent(result.advice, result.reasons))
            RedFlagLevel.REFER, RedFlagLevel.REFER_NO_IMPACT -> graph.navigator.replace(Route.Refer(result))
            RedFlagLevel.NONE -> { graph.navigator.back(); graph.navigate(Route.Assessment) }
        }
    }
    SafetyScreen(state, graph.safety::answer) { graph.safety.submit() }
}
