package app.firststep.ui

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


/**
 * The running card's numbers and the return-to-run card (X2, A7, RR1): the reduced distance, the
 * weekly-spike warning, and the card's text, walk-run step and the self-test button. Text is the core's.
 */
@Composable
fun RunningDetails(running: RunningGuidance, onTakeTest: () -> Unit, tagPrefix: String) {
    val s = LocalStrings.current
    // rule A8: the verdict about an upcoming race, in its last 14 days (the core's words).
    running.race?.let {
        Text(it.verdict, style = MaterialTheme.typography.titleSmall, modifier = Modifier.testTag("$tagPrefix-race"))
    }
    // The core computes the reduced week (X2) every day; it is the advice only on an amber ("reduce") day.
    running.reduceTo?.takeIf { running.state == RunningState.AMBER }?.let {
        Text(s.reduceTo(it), style = MaterialTheme.typography.titleSmall, modifier = Modifier.testTag("$tagPrefix-reduce"))
    }
    running.weeklyWarning?.let {
        Text(it, style = MaterialTheme.typography.bodyMedium, color = MaterialTheme.colorScheme.error, modifier = Modifier.testTag("$tagPrefix-weekly-warning"))
    }
    running.returnToRun?.let { card ->
        SectionCard(Modifier.testTag("$tagPrefix-return-to-run"), container = MaterialTheme.colorScheme.surface) {
            SectionTitle(s.returnToRunTitle)
            Text(card.text, style = MaterialTheme.typography.bodyMedium, modifier = Modifier.testTag("$tagPrefix-return-to-run-text"))
            card.step?.let { step ->
                Text(s.walkRunStep(step.step.toInt(), step.ofSteps.toInt()), style = MaterialTheme.typography.titleSmall,
                    modifier = Modifier.testTag("$tagPrefix-walk-run-step"))
                Text(step.description, style = MaterialTheme.typography.bodyMedium)
                Text(s.walkRunRuns(step.runsDone.toInt(), step.runsNeeded.toInt()), style = MaterialTheme.typography.bodySmall)
            }
            if (card.state == ReturnToRunState.OFFERED || card.state == ReturnToRunState.NOT_YET) {
                OutlinedButton(onTakeTest, Modifier.sizeIn(minHeight = TouchTarget).testTag("$tagPrefix-take-test")) { Text(s.takeSelfTest) }
            }
        }
    }
}

/** The PSFS card on progress (M2): the core's sentence, each activity first → latest, and the buttons. */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun PsfsCard(psfs: Psfs, onRate: () -> Unit, onEditActivities: () -> Unit) {
    val s = LocalStrings.current
    SectionCard(Modifier.testTag("progress-psfs")) {
        SectionTitle(s.psfsTitle)
        Text(psfs.text, style = MaterialTheme.typography.bodyMedium, modifier = Modifier.testTag("psfs-text"))
        for (a in psfs.activities) {
            val first = a.first
            val latest = a.latest?.takeIf { first != null && it.date != first.date }
            val line = buildString {
                append(a.name).append(": ").append(s.psfsFirstLatest(first?.score?.toInt(), latest?.score?.toInt()))
                a.change?.takeIf { latest != null }?.let { append(" (").append(s.psfsChange(it)).append(")") }
            }
            Text(line, style = MaterialTheme.typography.bodyMedium,
                fontWeight = if (a.detectable) androidx.compose.ui.text.font.FontWeight.Bold else null,
                modifier = Modifier.testTag("psfs-activity-${a.id}"))
        }
        if (psfs.activities.isEmpty()) {
            Button(onEditActivities, Modifier.sizeIn(minHeight = TouchTarget).testTag("psfs-name")) { Text(s.psfsNameActivities) }
        } else {
            FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
                if (psfs.due) {
                    Button(onRate, Modifier.sizeIn(minHeight = TouchTarget).testTag("psfs-rate-now")) { Text(s.psfsRateNow) }
                } else {
                    OutlinedButton(onRate, Modifier.sizeIn(minHeight = TouchTarget).testTag("psfs-rate")) { Text(s.psfsRate) }
                }
                OutlinedButton(onEditActivities, Modifier.sizeIn(minHeight = TouchTarget).testTag("psfs-edit")) { Text(s.psfsEditActivities) }
            }
        }
    }
}

/** After a guided session with effort-based loading (P5): "How did the load feel?" */
@OptIn(ExperimentalLayoutApi::class)
@Composable
fun EffortQuestionCard(question: app.firststep.core.EffortQuestion, onAnswer: (Effort?) -> Unit) {
    val s = LocalStrings.current
    SectionCard(Modifier.testTag("session-effort")) {
        Text(question.question, style = MaterialTheme.typography.titleMedium)
        if (question.exerciseNames.isNotEmpty()) {
            Text(question.exerciseNames.joinToString(", "), style = MaterialTheme.typography.bodyLarge, modifier = Modifier.testTag("session-effort-exercises"))
        }
        // The core's answers, in its order, each with what it means.
        for (choice in question.choices) {
            Button({ onAnswer(choice.effort) }, Modifier.fillMaxWidth().sizeIn(minHeight = TouchTarget).testTag("effort-${choice.effort.name.lowercase()}")) {
                // Left-aligned so the three answers read as one list, not three centred labels.
                Column(Modifier.fillMaxWidth()) {
                    Text(choice.label, style = MaterialTheme.typography.titleSmall)
                    Text(choice.detail, style = MaterialTheme.typography.bodySmall)
                }
            }
        }
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            OutlinedButton({ onAnswer(null) }, Modifier.sizeIn(minHeight = TouchTarget).testTag("effort-skip")) { Text(s.effort(null)) }
        }
    }
}
