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

/** The route wrapper: collects its view model's state and owns the effects after a write. */
@Composable
fun MorningPainRoute(graph: AppGraph) {
    val state by graph.morning.state.collectAsState()
    LaunchedEffect(state.saved) { if (state.saved != null) graph.changed(JournalChange.PAIN_LOGGED) }
    MorningPainScreen(state, MorningPainActions(
        setDate = { graph.morning.setDate(it) },
        setScore = graph.morning::setScore,
        setStiffness = graph.morning::setStiffness,
        setNote = graph.morning::setNote,
        save = { graph.morning.save() },
    ))
}
