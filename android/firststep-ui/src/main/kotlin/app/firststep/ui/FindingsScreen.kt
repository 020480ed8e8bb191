package app.firststep.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.sizeIn
import androidx.compose.material3.Button
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import app.firststep.core.AnswerKind
import app.firststep.core.AssessmentItem
import app.firststep.core.AssessmentResult
import app.firststep.core.Finding
import app.firststep.core.ProgramExercise
import app.firststep.core.Side
import app.firststep.core.SquatQuality
import app.firststep.core.TestGrade
import app.firststep.kit.AnswerInput
import app.firststep.kit.AnswerSide
import app.firststep.kit.AssessmentUiState
import app.firststep.kit.AssessmentViewModel
import app.firststep.kit.FieldError


/** The findings ("things to work on", with the measurement) and the program built from them. */
@Composable
fun FindingsScreen(result: AssessmentResult, onDone: () -> Unit, onWhy: ((String) -> Unit)? = null) {
    val s = LocalStrings.current
    ScreenColumn(tag = "screen-findings") {
        result.program?.caution?.let { caution ->
            SectionCard(container = MaterialTheme.colorScheme.tertiaryContainer) { Text(caution, style = MaterialTheme.typography.bodyLarge) }
        }
        Heading(s.findingsTitle)
        if (result.findings.isEmpty()) Text(s.noFindings)
        for (finding in result.findings) FindingCard(finding)
        if (result.changes.isNotEmpty()) {
            SectionTitle(s.changesTitle)
            for (change in result.changes) Text("• ${change.description}", style = MaterialTheme.typography.bodyMedium)
        }
        result.program?.let { program ->
            Heading(s.programTitle)
            if (program.minutesPerDay > 0u) {
                Text(s.minutesPerDay(program.minutesPerDay.toInt()), style = MaterialTheme.typography.titleSmall, modifier = Modifier.testTag("program-minutes"))
            }
            program.cadenceCue?.let { Text(it, style = MaterialTheme.typography.bodyMedium) }
            for (exercise in program.exercises) ExerciseCard(exercise, result.findings, onWhy = onWhy)
            if (program.setAside.isNotEmpty()) {
                SectionCard(Modifier.testTag("program-set-aside"), container = MaterialTheme.colorScheme.surface) {
                    SectionTitle(s.setAsideTitle)
                    for (line in program.setAside) Text("• $line", style = MaterialTheme.typography.bodyMedium)
                }
            }
        }
        Button(onDone, Modifier.fillMaxWidth().sizeIn(minHeight = TouchTarget).testTag("findings-done")) { Text(s.toHome) }
    }
}

@Composable
fun FindingCard(finding: Finding) {
    val s = LocalStrings.current
    SectionCard(Modifier.testTag("finding-${finding.domain.name.lowercase()}")) {
        val side = s.side(finding.side)
        Text(s.domain(finding.domain) + if (side.isNotEmpty()) " — $side" else "", style = MaterialTheme.typography.titleMedium)
        Text(finding.measurement, style = MaterialTheme.typography.bodyMedium, color = MaterialTheme.colorScheme.primary)
        Text(finding.explanation, style = MaterialTheme.typography.bodyMedium)
        if (finding.rules.isNotEmpty()) Text(s.rules(finding.rules), style = MaterialTheme.typography.labelSmall)
    }
}

@Composable
fun ExerciseCard(exercise: ProgramExercise, findings: List<Finding> = emptyList(), done: Boolean? = null, onWhy: ((String) -> Unit)? = null) {
    val s = LocalStrings.current
    SectionCard(Modifier.testTag("exercise-${exercise.exerciseId}"), container = MaterialTheme.colorScheme.secondaryContainer) {
        Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            Text(exercise.name, style = MaterialTheme.typography.titleMedium, modifier = Modifier.weight(1f))
            if (done != null) {
                Text(if (done) "✓ ${s.done}" else s.notDone, style = MaterialTheme.typography.labelLarge,
                    color = if (done) MaterialTheme.colorScheme.primary else MaterialTheme.colorScheme.onSurfaceVariant,
                    modifier = Modifier.testTag("done-${exercise.exerciseId}-$done"))
            }
        }
        Text(exercise.levelName, style = MaterialTheme.typography.bodyMedium)
        val dose = buildList {
            add(s.dosage(exercise.sets.toInt(), exercise.reps?.toInt(), exercise.holdSeconds?.toInt()))
            exercise.tempo?.let { add(s.tempo(it.upSeconds.toInt(), it.holdSeconds.toInt(), it.downSeconds.toInt())) }
            add(s.restSeconds(exercise.restSeconds.toInt()))
            add(s.frequency(exercise.frequency))
            if (exercise.sides == Side.LEFT || exercise.sides == Side.RIGHT || exercise.sides == Side.BOTH) add(s.side(exercise.sides))
            exercise.load?.let { add(it) }
            if (exercise.loadSteps > 0u) add(s.loadSteps(exercise.loadSteps.toInt()))
        }
        Text(dose.joinToString(" · "), style = MaterialTheme.typography.bodyMedium)
        Text(s.evidence(exercise.evidenceTier) + (s.rules(exercise.rules).takeIf { it.isNotEmpty() }?.let { " · $it" } ?: ""), style = MaterialTheme.typography.labelMedium)
        val linked = exercise.answers.map { s.domain(it) }
        Text(if (linked.isEmpty()) s.baseProgram else "${s.answersFinding}: ${linked.joinToString(", ")}", style = MaterialTheme.typography.labelMedium,
            modifier = Modifier.testTag("exercise-link-${exercise.exerciseId}"))
        if (done == null) for ((i, step) in exercise.howTo.withIndex()) Text("${i + 1}. $step", style = MaterialTheme.typography.bodySmall)
        val lessonId = exercise.lessonId
        if (onWhy != null && lessonId != null) {
            TextButton({ onWhy(lessonId) }, Modifier.sizeIn(minHeight = TouchTarget).testTag("why-${exercise.exerciseId}")) { Text("${s.whyExercise} ($lessonId)") }
        }
    }
}
