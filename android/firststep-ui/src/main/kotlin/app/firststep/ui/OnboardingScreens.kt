package app.firststep.ui

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

/** A scrolling screen body with the standard padding. */
@Composable
fun ScreenColumn(modifier: Modifier = Modifier, tag: String, content: @Composable androidx.compose.foundation.layout.ColumnScope.() -> Unit) {
    Column(
        modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp).testTag(tag),
        verticalArrangement = Arrangement.spacedBy(12.dp),
        content = content,
    )
}

@Composable
fun WelcomeScreen(onStart: () -> Unit) {
    val s = LocalStrings.current
    ScreenColumn(tag = "screen-welcome") {
        Text(s.welcomeTitle, style = MaterialTheme.typography.headlineMedium)
        Text(s.welcomeBody, style = MaterialTheme.typography.bodyLarge)
        Button(onStart, Modifier.fillMaxWidth().sizeIn(minHeight = TouchTarget).testTag("welcome-start")) { Text(s.welcomeStart) }
    }
}

/** The red-flag questions with their help text; each answer is a switch. */
@Composable
fun SafetyScreen(state: SafetyUiState, onAnswer: (String, Boolean) -> Unit, onSubmit: () -> Unit) {
    val s = LocalStrings.current
    ScreenColumn(tag = "screen-safety") {
        Heading(s.safetyTitle)
        if (state.loading) Text(s.loading)
        for (q in state.questions) {
            val yes = q.id in state.yes
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
        FieldErrorText(state.error)
        Button(onSubmit, Modifier.fillMaxWidth().sizeIn(minHeight = TouchTarget).testTag("safety-submit"), enabled = !state.loading) {
            Text(s.safetyContinue)
        }
    }
}

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

/** Refer levels (R2): the core's advice, then continue to the assessment. */
@Composable
fun ReferAdviceScreen(result: SafetyResult, onContinue: () -> Unit) {
    val s = LocalStrings.current
    ScreenColumn(tag = "screen-refer") {
        SectionCard(container = MaterialTheme.colorScheme.tertiaryContainer) {
            Text(s.referTitle, style = MaterialTheme.typography.headlineSmall)
            Text(result.advice, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.testTag("refer-advice"))
        }
        for (reason in result.reasons) Text("• $reason", style = MaterialTheme.typography.bodyLarge)
        Button(onContinue, Modifier.fillMaxWidth().sizeIn(minHeight = TouchTarget).testTag("refer-continue")) { Text(s.referContinue) }
    }
}
