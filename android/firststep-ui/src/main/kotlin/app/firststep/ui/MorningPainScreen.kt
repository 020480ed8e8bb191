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
fun MorningPainScreen(state: MorningPainUiState, actions: MorningPainActions, modifier: Modifier = Modifier) {
    val s = LocalStrings.current
    ScreenColumn(modifier, tag = "screen-morning") {
        Heading(s.morningTitle)
        val form = when (state) {
            MorningPainUiState.Loading -> { LoadingText(); return@ScreenColumn }
            is MorningPainUiState.Failed -> { FailedText(state.error.message); return@ScreenColumn }
            is MorningPainUiState.Ready -> state
        }
        TextInput(s.dateLabel, form.date, actions.setDate, error = form.error?.takeIf { it.concerns("date") }?.message, tag = "morning-date")
        PainScale(s.firstStepPainQuestion, form.score, actions.setScore, tagPrefix = "morning-pain")
        FieldErrorText(form.error, "score")
        NumberField(s.stiffnessLabel, form.stiffnessMinutes, actions.setStiffness, decimal = false,
            error = form.error?.takeIf { it.concerns("stiffness_minutes") }?.message, tag = "morning-stiffness")
        TextInput(s.noteLabel, form.note, actions.setNote, tag = "morning-note")
        form.error?.takeIf { it.field == null }?.let { FieldErrorText(it) }
        Button(actions.save, Modifier.fillMaxWidth().sizeIn(minHeight = TouchTarget).testTag("morning-save"), enabled = form.score != null && !form.saving) {
            Text(s.save)
        }
        form.saved?.let { log ->
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
    val saved = (state as? MorningPainUiState.Ready)?.saved
    LaunchedEffect(saved) { if (saved != null) graph.changed(JournalChange.PAIN_LOGGED) }
    MorningPainScreen(state, MorningPainActions(
        setDate = { graph.morning.setDate(it) },
        setScore = graph.morning::setScore,
        setStiffness = graph.morning::setStiffness,
        setNote = graph.morning::setNote,
        save = { graph.morning.save() },
    ))
}
