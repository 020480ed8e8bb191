package app.firststep.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.sizeIn
import androidx.compose.material3.Button
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.font.FontWeight
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.ui.unit.dp
import app.firststep.core.Cue
import app.firststep.core.Phase
import app.firststep.core.SessionState
import app.firststep.core.SessionStatus
import app.firststep.core.Side
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

/** Everything the session screen draws. */
data class SessionScreenState(
    val session: SessionState?,
    val lastCue: Cue?,
    val saved: Boolean,
    val message: String?,
    /** The core's effort question: the session waits for its answer before it is saved (rule P5). */
    val effortQuestion: app.firststep.core.EffortQuestion? = null,
)

/**
 * The guided session: the core's phase label as the cue, a large countdown, counters and progress.
 * Every number is the core's state at the ticker's last look; the screen keeps no timer of its own.
 */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun SessionScreen(state: SessionScreenState, actions: SessionActions) {
    val s = LocalStrings.current
    ScreenColumn(tag = "screen-session") {
        state.message?.let { FieldErrorText(app.firststep.kit.FieldError(null, it)) }
        val session = state.session
        if (session == null) {
            Text(s.loading)
            return@ScreenColumn
        }
        // Finished, not saved yet: only the effort question (the core's "done" label would read as saved).
        val question = state.effortQuestion
        if (session.status == SessionStatus.FINISHED && question != null && !state.saved) {
            Heading(s.sessionTitle)
            EffortQuestionCard(question, actions.answerEffort)
            return@ScreenColumn
        }
        Text(s.exerciseOf(session.exerciseIndex.toInt() + 1, session.exerciseCount.toInt()), style = MaterialTheme.typography.labelLarge)
        Text(session.exerciseName, style = MaterialTheme.typography.headlineSmall, modifier = Modifier.testTag("session-exercise"))
        // The cue: the core's label for the current phase, announced as it changes.
        Text(
            session.phaseLabel,
            style = MaterialTheme.typography.headlineMedium,
            color = MaterialTheme.colorScheme.primary,
            textAlign = TextAlign.Center,
            modifier = Modifier.fillMaxWidth().testTag("session-phase").semantics { liveRegion = LiveRegionMode.Polite },
        )
        session.secondsRemaining?.let { remaining ->
            val whole = ceil(remaining).toInt()
            Text(
                "$whole",
                style = MaterialTheme.typography.displayLarge,
                fontWeight = FontWeight.Bold,
                textAlign = TextAlign.Center,
                modifier = Modifier.fillMaxWidth().testTag("session-countdown").semantics { contentDescription = s.secondsLeft(whole) },
            )
        }
        val counters = buildList {
            if (session.set > 0u) add(s.setOf(session.set.toInt(), session.setCount.toInt()))
            if (session.rep > 0u && session.repCount > 1u) add(s.repOf(session.rep.toInt(), session.repCount.toInt()))
            if (session.side == Side.LEFT || session.side == Side.RIGHT) add(s.side(session.side))
        }
        if (counters.isNotEmpty()) Text(counters.joinToString(" · "), style = MaterialTheme.typography.titleMedium, modifier = Modifier.testTag("session-counters"))
        LinearProgressIndicator(progress = { session.stepProgress.toFloat() }, modifier = Modifier.fillMaxWidth())
        Text(s.sessionProgress, style = MaterialTheme.typography.labelMedium)
        LinearProgressIndicator(
            progress = { session.sessionProgress.toFloat() },
            modifier = Modifier.fillMaxWidth().semantics { contentDescription = "${s.sessionProgress} ${(session.sessionProgress * 100).toInt()} %" },
        )
        state.lastCue?.let { Text(it.text, style = MaterialTheme.typography.bodyMedium, modifier = Modifier.testTag("session-cue")) }

        when (session.status) {
            SessionStatus.RUNNING, SessionStatus.PAUSED, SessionStatus.NOT_STARTED -> {
                if (session.phase == Phase.SELF_PACED_REP) {
                    Button(actions.repDone, Modifier.fillMaxWidth().sizeIn(minHeight = 64.dp).testTag("session-rep-done")) { Text(s.repDone) }
                }
                FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                    if (session.status == SessionStatus.PAUSED) {
                        Button(actions.resume, Modifier.sizeIn(minHeight = TouchTarget).testTag("session-resume")) { Text(s.resume) }
                    } else {
                        Button(actions.pause, Modifier.sizeIn(minHeight = TouchTarget).testTag("session-pause")) { Text(s.pause) }
                    }
                    OutlinedButton(actions.skip, Modifier.sizeIn(minHeight = TouchTarget).testTag("session-skip")) { Text(s.skip) }
                    OutlinedButton(actions.repeat, Modifier.sizeIn(minHeight = TouchTarget).testTag("session-repeat")) { Text(s.repeat) }
                }
            }
            SessionStatus.AWAITING_PAIN -> PainScale(s.peakPainQuestion, null, actions.finish, tagPrefix = "session-pain")
            SessionStatus.FINISHED -> {
                if (state.saved) Text(s.sessionSaved, style = MaterialTheme.typography.titleLarge, modifier = Modifier.testTag("session-saved"))
                Button(actions.close, Modifier.fillMaxWidth().sizeIn(minHeight = TouchTarget).testTag("session-close")) { Text(s.toHome) }
            }
        }
    }
}
