package app.firststep.ui

import androidx.compose.foundation.layout.aspectRatio
import androidx.compose.runtime.remember
import app.firststep.ui.figure.ExerciseFigure
import app.firststep.kit.StillFigure
import androidx.compose.runtime.getValue
import androidx.compose.runtime.setValue
import app.firststep.kit.Route
import app.firststep.core.JournalChange
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import app.firststep.kit.AppGraph
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
fun AssessmentScreen(state: AssessmentUiState, actions: AssessmentActions, modifier: Modifier = Modifier) {
    val s = LocalStrings.current
    ScreenColumn(modifier, tag = "screen-assessment") {
        val ready = when (state) {
            AssessmentUiState.Loading -> { LoadingText(); return@ScreenColumn }
            is AssessmentUiState.Failed -> { FailedText(state.error.message); return@ScreenColumn }
            is AssessmentUiState.Ready -> state
        }
        val item = ready.item ?: return@ScreenColumn
        Text(s.assessmentStep(ready.page + 1, ready.items.size), style = MaterialTheme.typography.labelLarge)
        LinearProgressIndicator(
            progress = { (ready.page + 1f) / ready.items.size },
            modifier = Modifier.fillMaxWidth().semantics { contentDescription = s.assessmentStep(ready.page + 1, ready.items.size) },
        )
        Text(item.prompt, style = MaterialTheme.typography.headlineSmall, modifier = Modifier.testTag("assessment-prompt"))
        if (!item.required) Text(s.optional, style = MaterialTheme.typography.labelMedium, color = MaterialTheme.colorScheme.onSurfaceVariant)
        TestFigures(item.id, item.prompt)
        if (item.howTo.isNotEmpty()) {
            SectionCard {
                SectionTitle(s.howTo)
                item.howTo.forEachIndexed { i, step -> Text("${i + 1}. $step", style = MaterialTheme.typography.bodyMedium) }
            }
        }
        AnswerInputs(item, ready.input(item.id), ready.inches, ready.error, actions)
        // An error the core could not tie to an item on this page (e.g. the whole document).
        val error = ready.error
        if (error != null && ready.items.none { error.concerns(it.id) || error.concerns(AssessmentViewModel.answerKey(it, ready.inches)) }) {
            FieldErrorText(error)
        }
        Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            OutlinedButton(actions.back, Modifier.sizeIn(minHeight = TouchTarget).weight(1f).testTag("assessment-back"), enabled = ready.page > 0) { Text(s.back) }
            if (ready.isLastPage) {
                Button(actions.submit, Modifier.sizeIn(minHeight = TouchTarget).weight(1f).testTag("assessment-submit"), enabled = ready.canAdvance && !ready.submitting) {
                    Text(s.submitAssessment)
                }
            } else {
                Button(actions.next, Modifier.sizeIn(minHeight = TouchTarget).weight(1f).testTag("assessment-next"), enabled = ready.canAdvance) { Text(s.next) }
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

/** The route wrapper: collects its view model's state and owns the effects after a write. */
@Composable
fun AssessmentRoute(graph: AppGraph) {
    val state by graph.assessment.state.collectAsState()
    val result = (state as? AssessmentUiState.Ready)?.result
    LaunchedEffect(result) {
        result?.let { graph.navigator.replace(Route.Findings(it)); graph.changed(JournalChange.ASSESSMENT) }
    }
    AssessmentScreen(state, AssessmentActions(
        setValue = graph.assessment::setValue,
        setSide = graph.assessment::setSide,
        setInches = graph.assessment::setInches,
        next = graph.assessment::next,
        back = graph.assessment::back,
        submit = { graph.assessment.submit() },
    ))
}

/**
 * The test's figure, still (the core's key pose): knee-to-wall with the distance marked, the heel
 * raise, toe grip, arch control, balance; the single-leg squat twice — knee in line (level 0) and
 * knee drifting in (level 1). Nothing for a question that is not a physical test.
 */
@Composable
private fun TestFigures(id: String, prompt: String) {
    val s = LocalStrings.current
    val frames = remember(id) { listOfNotNull(StillFigure.of(id, 0u), if (id == "single_leg_squat") StillFigure.of(id, 1u) else null) }
    if (frames.isEmpty()) return
    Row(Modifier.fillMaxWidth().testTag("assessment-figure"), horizontalArrangement = Arrangement.spacedBy(8.dp)) {
        for (frame in frames) {
            ExerciseFigure(frame, s.figureOf(prompt), Modifier.weight(1f).aspectRatio(1f))
        }
    }
}
