package app.firststep.ui

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

class MorningPainActions(
    val setDate: (String) -> Unit,
    val setScore: (Int) -> Unit,
    val setStiffness: (String) -> Unit,
    val setNote: (String) -> Unit,
    val save: () -> Unit,
)

/** Morning pain with the optional stiffness minutes and a note; any past date for a missed day. */
@Composable
fun MorningPainScreen(state: MorningPainUiState, actions: MorningPainActions) {
    val s = LocalStrings.current
    ScreenColumn(tag = "screen-morning") {
        Heading(s.morningTitle)
        TextInput(s.dateLabel, state.date, actions.setDate, error = state.error?.takeIf { it.concerns("date") }?.message, tag = "morning-date")
        PainScale(s.firstStepPainQuestion, state.score, actions.setScore, tagPrefix = "morning-pain")
        FieldErrorText(state.error, "score")
        NumberField(s.stiffnessLabel, state.stiffnessMinutes, actions.setStiffness, decimal = false,
            error = state.error?.takeIf { it.concerns("stiffness_minutes") }?.message, tag = "morning-stiffness")
        TextInput(s.noteLabel, state.note, actions.setNote, tag = "morning-note")
        state.error?.takeIf { it.field == null }?.let { FieldErrorText(it) }
        Button(actions.save, Modifier.fillMaxWidth().sizeIn(minHeight = TouchTarget).testTag("morning-save"), enabled = state.score != null && !state.saving) {
            Text(s.save)
        }
        state.saved?.let { log ->
            Text(s.saved, style = MaterialTheme.typography.titleMedium, modifier = Modifier.testTag("morning-saved"))
            // What the core announces for this morning (level changes and load added), in its words.
            for (line in log.messageLines) Text("• $line", style = MaterialTheme.typography.bodyMedium)
        }
    }
}

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
