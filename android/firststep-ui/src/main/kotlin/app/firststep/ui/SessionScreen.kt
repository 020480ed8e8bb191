package app.firststep.ui

import androidx.compose.foundation.Canvas
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.aspectRatio
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.sizeIn
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.geometry.Size
import androidx.compose.ui.graphics.StrokeCap
import androidx.compose.ui.graphics.drawscope.Stroke
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.ui.unit.dp
import app.firststep.core.JournalChange
import app.firststep.core.Phase
import app.firststep.core.ProgramExercise
import app.firststep.core.SessionState
import app.firststep.core.SessionStatus
import app.firststep.core.Side
import app.firststep.kit.AppGraph
import app.firststep.kit.SessionFigure
import app.firststep.kit.SessionUiState
import app.firststep.ui.figure.ExerciseFigure
import app.firststep.ui.figure.LocalReducedMotion
import kotlin.math.ceil

class SessionActions(
    val pause: () -> Unit,
    val resume: () -> Unit,
    val skip: () -> Unit,
    val repeat: () -> Unit,
    val repDone: () -> Unit,
    val finish: (Int) -> Unit,
    val close: () -> Unit,
    /** The answer to "how did the load feel?" (null: skipped), rule P5. */
    val answerEffort: (app.firststep.core.Effort?) -> Unit = {},
)

/** design choice: the pause button's height (issue 21: ≥ 64 dp, the one control hit without looking). */
val PauseHeight = 64.dp

/**
 * The guided session, for one hand: the core's figure large in a tempo ring that fills once per
 * phase, the core's phase label under it, rep and set large, the load and the side, the how-to
 * one tap away, and every control in the bottom part of the screen. Every number is the core's
 * state at the ticker's last look; the screen keeps no timer of its own, and says each thing once.
 */
@Composable
fun SessionScreen(state: SessionUiState, actions: SessionActions) {
    val s = LocalStrings.current
    when (state) {
        is SessionUiState.Loading -> ScreenColumn(tag = "screen-session") {
            state.message?.let { FieldErrorText(app.firststep.kit.FieldError(null, it)) }
            if (state.message == null) Text(s.loading)
        }
        is SessionUiState.Active -> ActiveSession(state.session, state.exercise, state.message, actions)
        is SessionUiState.AwaitingPain -> ScreenColumn(tag = "screen-session") {
            state.message?.let { FieldErrorText(app.firststep.kit.FieldError(null, it)) }
            Heading(s.sessionTitle)
            Text(state.session.phaseLabel, style = MaterialTheme.typography.titleLarge, modifier = Modifier.testTag("session-phase"))
            PainScale(s.peakPainQuestion, null, actions.finish, tagPrefix = "session-pain")
        }
        // Finished, not saved yet: only the effort question (the core's "done" label would read as saved).
        is SessionUiState.AskingEffort -> ScreenColumn(tag = "screen-session") {
            state.message?.let { FieldErrorText(app.firststep.kit.FieldError(null, it)) }
            Heading(s.sessionTitle)
            EffortQuestionCard(state.question, actions.answerEffort)
        }
        is SessionUiState.Finished -> ScreenColumn(tag = "screen-session") {
            state.message?.let { FieldErrorText(app.firststep.kit.FieldError(null, it)) }
            Heading(s.sessionTitle)
            if (state.saved) Text(s.sessionSaved, style = MaterialTheme.typography.titleLarge, modifier = Modifier.testTag("session-saved"))
            Button(actions.close, Modifier.fillMaxWidth().sizeIn(minHeight = TouchTarget).testTag("session-close")) { Text(s.toHome) }
        }
    }
}

@OptIn(ExperimentalLayoutApi::class)
@Composable
private fun ActiveSession(session: SessionState, exercise: ProgramExercise?, message: String?, actions: SessionActions) {
    val s = LocalStrings.current
    var howTo by remember { mutableStateOf(false) }
    Column(Modifier.fillMaxSize().padding(horizontal = 16.dp, vertical = 8.dp).testTag("screen-session")) {
        // Top: what and where (the upper 60 %, shrinking first when the text is large).
        Column(Modifier.fillMaxWidth().weight(0.6f), horizontalAlignment = Alignment.CenterHorizontally) {
            message?.let { FieldErrorText(app.firststep.kit.FieldError(null, it)) }
            Text(
                "${s.exerciseOf(session.exerciseIndex.toInt() + 1, session.exerciseCount.toInt())} · ${session.exerciseName}",
                style = MaterialTheme.typography.titleSmall,
                textAlign = TextAlign.Center,
                modifier = Modifier.fillMaxWidth().testTag("session-exercise"),
            )
            TempoFigure(session, Modifier.weight(1f).fillMaxWidth().padding(vertical = 4.dp))
            Row(verticalAlignment = Alignment.CenterVertically, horizontalArrangement = Arrangement.spacedBy(12.dp)) {
                // The cue: the core's label for the phase ("Up 3 s"), announced as it changes.
                Text(
                    session.phaseLabel,
                    style = MaterialTheme.typography.headlineMedium,
                    color = MaterialTheme.colorScheme.primary,
                    textAlign = TextAlign.Center,
                    modifier = Modifier.testTag("session-phase").semantics { liveRegion = LiveRegionMode.Polite },
                )
                session.secondsRemaining?.let { remaining ->
                    val whole = ceil(remaining).toInt()
                    Text(
                        "$whole",
                        style = MaterialTheme.typography.headlineMedium,
                        fontWeight = FontWeight.Bold,
                        modifier = Modifier.testTag("session-countdown").semantics { contentDescription = s.secondsLeft(whole) },
                    )
                }
            }
        }
        // Bottom 40 %: the counts and every control, in reach of a thumb (scrolls at large text).
        Column(Modifier.fillMaxWidth().weight(0.4f), verticalArrangement = Arrangement.spacedBy(6.dp)) {
            // The counts scroll at large text; the controls below them never leave the screen.
            Column(
                Modifier.fillMaxWidth().weight(1f).verticalScroll(rememberScrollState()),
                verticalArrangement = Arrangement.spacedBy(6.dp, Alignment.Bottom),
            ) {
                if (session.rep > 0u && session.repCount > 1u) {
                    Text(s.repOf(session.rep.toInt(), session.repCount.toInt()), style = MaterialTheme.typography.headlineSmall, fontWeight = FontWeight.Bold, modifier = Modifier.testTag("session-rep"))
                }
                val setLine = buildList {
                    if (session.set > 0u) add(s.setOf(session.set.toInt(), session.setCount.toInt()))
                    if (session.side == Side.LEFT || session.side == Side.RIGHT) add(s.side(session.side))
                }
                if (setLine.isNotEmpty()) Text(setLine.joinToString(" · "), style = MaterialTheme.typography.titleLarge, modifier = Modifier.testTag("session-counters"))
                if (exercise != null) {
                    FlowRow(verticalArrangement = Arrangement.Center, horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                        Text(s.sessionLoad(exercise.load), style = MaterialTheme.typography.bodyLarge, modifier = Modifier.align(Alignment.CenterVertically).testTag("session-load"))
                        if (exercise.howTo.isNotEmpty()) {
                            TextButton({ howTo = true }, Modifier.sizeIn(minHeight = TouchTarget).testTag("session-how-to")) { Text(s.howTo) }
                        }
                    }
                }
            }
            if (session.phase == Phase.SELF_PACED_REP) {
                Button(actions.repDone, Modifier.fillMaxWidth().sizeIn(minHeight = PauseHeight).testTag("session-rep-done")) { Text(s.repDone) }
            }
            Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
                OutlinedButton(actions.repeat, Modifier.weight(1f).sizeIn(minHeight = TouchTarget).testTag("session-repeat")) { Text(s.repeat) }
                OutlinedButton(actions.skip, Modifier.weight(1f).sizeIn(minHeight = TouchTarget).testTag("session-skip")) { Text(s.skip) }
            }
            // Lowest, widest and tallest: pause/resume, found by the thumb without looking.
            if (session.status == SessionStatus.PAUSED) {
                Button(actions.resume, Modifier.fillMaxWidth().sizeIn(minHeight = PauseHeight).testTag("session-resume")) { Text(s.resume, style = MaterialTheme.typography.titleMedium) }
            } else {
                Button(actions.pause, Modifier.fillMaxWidth().sizeIn(minHeight = PauseHeight).testTag("session-pause")) { Text(s.pause, style = MaterialTheme.typography.titleMedium) }
            }
        }
    }
    if (howTo && exercise != null) {
        AlertDialog(
            onDismissRequest = { howTo = false },
            confirmButton = { TextButton({ howTo = false }, Modifier.testTag("session-how-to-close")) { Text(s.closeHowTo) } },
            title = { Text(session.exerciseName) },
            text = {
                Column(Modifier.verticalScroll(rememberScrollState()).testTag("session-how-to-steps"), verticalArrangement = Arrangement.spacedBy(4.dp)) {
                    exercise.howTo.forEachIndexed { i, step -> Text("${i + 1}. $step", style = MaterialTheme.typography.bodyMedium) }
                }
            },
        )
    }
}

/**
 * The figure, large, inside a ring that fills once per timed phase (the core's step progress).
 * The pose is the core's (`session_figure`); reduced motion shows key poses.
 */
@Composable
private fun TempoFigure(session: SessionState, modifier: Modifier) {
    val s = LocalStrings.current
    val reduced = LocalReducedMotion.current
    val frame = remember(session, reduced) { SessionFigure.frame(session, reduced) }
    val track = MaterialTheme.colorScheme.surfaceVariant
    val fill = MaterialTheme.colorScheme.primary
    val timed = session.secondsRemaining != null
    Box(modifier, contentAlignment = Alignment.Center) {
        Box(Modifier.aspectRatio(1f, matchHeightConstraintsFirst = true), contentAlignment = Alignment.Center) {
            Canvas(Modifier.fillMaxSize().testTag("session-tempo-ring")) {
                val stroke = 6.dp.toPx()
                val inset = stroke / 2f
                val arc = Size(size.width - stroke, size.height - stroke)
                drawArc(track, 0f, 360f, useCenter = false, topLeft = Offset(inset, inset), size = arc, style = Stroke(stroke))
                if (timed) {
                    drawArc(fill, -90f, 360f * session.stepProgress.toFloat().coerceIn(0f, 1f), useCenter = false, topLeft = Offset(inset, inset), size = arc, style = Stroke(stroke, cap = StrokeCap.Round))
                }
            }
            if (frame != null) {
                ExerciseFigure(frame, s.figureOf(session.exerciseName), Modifier.fillMaxSize().padding(18.dp))
            }
        }
    }
}

/** The route wrapper: collects the session's one state and, once saved, refreshes what the core lists. */
@Composable
fun SessionRoute(graph: AppGraph) {
    val state by graph.session.state.collectAsState()
    val saved = (state as? SessionUiState.Finished)?.saved == true
    LaunchedEffect(saved) { if (saved) graph.changed(JournalChange.SESSION_SAVED) }
    SessionScreen(state, SessionActions(
        pause = { graph.session.pause() },
        resume = { graph.session.resume() },
        skip = { graph.session.skipStep() },
        repeat = { graph.session.repeatStep() },
        repDone = { graph.session.repDone() },
        finish = { graph.session.finish(it) },
        close = { graph.session.close(); graph.goHome() },
        answerEffort = { graph.session.answerEffort(it) },
    ))
}
