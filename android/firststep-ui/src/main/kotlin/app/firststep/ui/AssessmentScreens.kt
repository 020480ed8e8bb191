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

/** Callbacks of the wizard (the view model's methods). */
class AssessmentActions(
    val setValue: (String, String) -> Unit,
    val setSide: (String, AnswerSide, String) -> Unit,
    val setInches: (Boolean) -> Unit,
    val next: () -> Unit,
    val back: () -> Unit,
    val submit: () -> Unit,
)

/** One catalogue item per page: the core's prompt and how-to steps, the inputs, the core's error next to its field. */
@Composable
fun AssessmentScreen(state: AssessmentUiState, actions: AssessmentActions) {
    val s = LocalStrings.current
    val item = state.item
    ScreenColumn(tag = "screen-assessment") {
        if (item == null) {
            Text(s.loading)
            return@ScreenColumn
        }
        Text(s.assessmentStep(state.page + 1, state.items.size), style = MaterialTheme.typography.labelLarge)
        LinearProgressIndicator(
            progress = { (state.page + 1f) / state.items.size },
            modifier = Modifier.fillMaxWidth().semantics { contentDescription = s.assessmentStep(state.page + 1, state.items.size) },
        )
        Text(item.prompt, style = MaterialTheme.typography.headlineSmall, modifier = Modifier.testTag("assessment-prompt"))
        if (!item.required) Text(s.optional, style = MaterialTheme.typography.labelMedium, color = MaterialTheme.colorScheme.onSurfaceVariant)
        if (item.howTo.isNotEmpty()) {
            SectionCard {
                SectionTitle(s.howTo)
                item.howTo.forEachIndexed { i, step -> Text("${i + 1}. $step", style = MaterialTheme.typography.bodyMedium) }
            }
        }
        AnswerInputs(item, state.input(item.id), state.inches, state.error, actions)
        // An error the core could not tie to an item on this page (e.g. the whole document).
        val error = state.error
        if (error != null && state.items.none { error.concerns(it.id) || error.concerns(AssessmentViewModel.answerKey(it, state.inches)) }) {
            FieldErrorText(error)
        }
        Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            OutlinedButton(actions.back, Modifier.sizeIn(minHeight = TouchTarget).weight(1f).testTag("assessment-back"), enabled = state.page > 0) { Text(s.back) }
            if (state.isLastPage) {
                Button(actions.submit, Modifier.sizeIn(minHeight = TouchTarget).weight(1f).testTag("assessment-submit"), enabled = state.canAdvance && !state.submitting) {
                    Text(s.submitAssessment)
                }
            } else {
                Button(actions.next, Modifier.sizeIn(minHeight = TouchTarget).weight(1f).testTag("assessment-next"), enabled = state.canAdvance) { Text(s.next) }
            }
        }
    }
}

@Composable
private fun AnswerInputs(item: AssessmentItem, input: AnswerInput, inches: Boolean, error: FieldError?, actions: AssessmentActions) {
    val s = LocalStrings.current
    val key = AssessmentViewModel.answerKey(item, inches)
    fun sideError(side: AnswerSide): String? =
        error?.takeIf { it.field == "$key.${side.key}" || it.field == "${item.id}.${side.key}" }?.message
    val unit = if (inches && AssessmentViewModel.hasInches(item)) s.inInches else item.unit
    if (AssessmentViewModel.hasInches(item)) {
        ChoiceChips(listOf(false, true), inches, { if (it) s.inInches else s.inCm }, actions.setInches, tagPrefix = "unit")
    }
    when (item.kind) {
        AnswerKind.NUMBER, AnswerKind.COUNT -> {
            val decimal = item.kind == AnswerKind.NUMBER
            if (item.perSide) {
                for (side in AnswerSide.entries) {
                    val label = "${if (side == AnswerSide.LEFT) s.left else s.right} ($unit)"
                    NumberField(
                        label, if (side == AnswerSide.LEFT) input.left else input.right, { actions.setSide(item.id, side, it) },
                        decimal = decimal, error = sideError(side), tag = "field-${item.id}.${side.key}",
                    )
                }
            } else {
                NumberField(item.unit.ifEmpty { item.prompt }, input.value, { actions.setValue(item.id, it) }, decimal = decimal,
                    error = error?.takeIf { it.concerns(key) }?.message, tag = "field-${item.id}")
            }
        }
        AnswerKind.PAIN -> {
            PainScale(item.unit, input.value.toIntOrNull(), { actions.setValue(item.id, it.toString()) }, tagPrefix = "field-${item.id}")
            FieldErrorText(error, key)
        }
        AnswerKind.GRADE -> PerSideChoices(item, input, TestGrade.entries.map { it.name.lowercase() }, actions, ::sideError)
        AnswerKind.SQUAT_QUALITY -> PerSideChoices(item, input, SquatQuality.entries.map { it.name.lowercase() }, actions, ::sideError)
        AnswerKind.YES_NO -> {
            ChoiceChips(listOf("yes", "no"), input.value.ifEmpty { null }, { if (it == "yes") s.yes else s.no }, { actions.setValue(item.id, it) }, tagPrefix = "field-${item.id}")
            FieldErrorText(error, key)
        }
        AnswerKind.SIDE -> {
            ChoiceChips(listOf(Side.LEFT, Side.RIGHT, Side.BOTH), Side.entries.firstOrNull { it.name.lowercase() == input.value },
                { s.side(it) }, { actions.setValue(item.id, it.name.lowercase()) }, tagPrefix = "field-${item.id}")
            FieldErrorText(error, key)
        }
    }
}

@Composable
private fun PerSideChoices(item: AssessmentItem, input: AnswerInput, options: List<String>, actions: AssessmentActions, sideError: (AnswerSide) -> String?) {
    val s = LocalStrings.current
    for (side in AnswerSide.entries) {
        Column(verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Text(if (side == AnswerSide.LEFT) s.left else s.right, style = MaterialTheme.typography.titleSmall)
            ChoiceChips(options, (if (side == AnswerSide.LEFT) input.left else input.right).ifEmpty { null }, { it },
                { actions.setSide(item.id, side, it) }, tagPrefix = "field-${item.id}.${side.key}")
            sideError(side)?.let { Text(it, color = MaterialTheme.colorScheme.error) }
        }
    }
}

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
        Text(exercise.levelLabel, style = MaterialTheme.typography.bodyMedium)
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
            TextButton({ onWhy(lessonId) }, Modifier.sizeIn(minHeight = TouchTarget).testTag("why-${exercise.exerciseId}")) { Text(exercise.lessonTitle?.let { "${s.whyExercise} — $it" } ?: s.whyExercise) }
        }
    }
}
