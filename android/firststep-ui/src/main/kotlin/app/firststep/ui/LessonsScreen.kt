package app.firststep.ui

import androidx.compose.runtime.getValue
import app.firststep.kit.Route
import androidx.compose.runtime.collectAsState
import app.firststep.kit.AppGraph
import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.ExperimentalLayoutApi
import androidx.compose.foundation.layout.FlowRow
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.sizeIn
import androidx.compose.material3.Button
import androidx.compose.material3.FilterChip
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.disabled
import androidx.compose.ui.semantics.stateDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import app.firststep.core.Lesson
import app.firststep.core.Settings
import app.firststep.core.Side
import app.firststep.core.Units
import app.firststep.kit.LessonsUiState
import app.firststep.kit.ProgressUiState
import app.firststep.kit.SettingsUiState
import app.firststep.kit.Transfer


class LessonsActions(
    val open: (String) -> Unit,
    val close: () -> Unit,
)

/**
 * Lessons (E1–E7) from the core: the list (locked ones greyed with when they open) or, when one is
 * open, the reader. Stateless: the kit's LessonsViewModel holds the list and the open lesson.
 */
@Composable
fun LessonsScreen(state: LessonsUiState, actions: LessonsActions, modifier: Modifier = Modifier) {
    val s = LocalStrings.current
    (state as? LessonsUiState.Ready)?.open?.let { LessonReader(it, state.exerciseNamesOf(it), actions.close); return }
    ScreenColumn(modifier, tag = "screen-lessons") {
        Heading(s.lessonsTitle)
        val ready = when (state) {
            LessonsUiState.Loading -> { LoadingText(); return@ScreenColumn }
            is LessonsUiState.Failed -> { FailedText(state.error.message); return@ScreenColumn }
            is LessonsUiState.Ready -> state
        }
        FieldErrorText(ready.error)
        if (ready.lessons.isEmpty() && ready.error == null) {
            Text(s.lessonsEmpty, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.testTag("lessons-empty"))
        }
        for (lesson in ready.lessons) LessonRow(lesson) { actions.open(lesson.id) }
    }
}

/** One row: id and title, and why it is open or when it opens. A locked row is greyed and not a button. */
@Composable
private fun LessonRow(lesson: Lesson, onOpen: () -> Unit) {
    val s = LocalStrings.current
    val muted = MaterialTheme.colorScheme.onSurface.copy(alpha = 0.45f)
    val container = if (lesson.unlocked) MaterialTheme.colorScheme.surfaceVariant else MaterialTheme.colorScheme.surface
    val tap = if (lesson.unlocked) Modifier.clickable(role = Role.Button, onClickLabel = s.readLesson, onClick = onOpen) else Modifier
    SectionCard(
        Modifier.testTag("lesson-${lesson.id}").sizeIn(minHeight = TouchTarget).then(tap)
            .semantics(mergeDescendants = true) { if (!lesson.unlocked) { stateDescription = s.lessonLocked; disabled() } },
        container = container,
    ) {
        Text(
            "${lesson.id} · ${lesson.title}",
            style = MaterialTheme.typography.titleMedium,
            color = if (lesson.unlocked) MaterialTheme.colorScheme.onSurface else muted,
        )
        Text(
            lesson.unlockedBecause,
            style = MaterialTheme.typography.bodySmall,
            color = if (lesson.unlocked) MaterialTheme.colorScheme.onSurfaceVariant else muted,
            modifier = Modifier.testTag("lesson-${lesson.id}-status"),
        )
    }
}

/** The reader: the core's paragraphs, the rules and the exercises it explains; a locked lesson shows only when it opens. */
@Composable
private fun LessonReader(lesson: Lesson, exerciseNames: List<String>, close: () -> Unit) {
    val s = LocalStrings.current
    ScreenColumn(tag = "screen-lesson") {
        OutlinedButton(close, Modifier.sizeIn(minHeight = TouchTarget).testTag("lesson-close")) { Text(s.allLessons) }
        Heading("${lesson.id} · ${lesson.title}", Modifier.testTag("lesson-title"))
        Text(lesson.unlockedBecause, style = MaterialTheme.typography.labelLarge, modifier = Modifier.testTag("lesson-status"))
        if (!lesson.unlocked) return@ScreenColumn
        for ((i, paragraph) in lesson.body.withIndex()) {
            Text(paragraph, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.testTag("lesson-paragraph-$i"))
        }
        if (exerciseNames.isNotEmpty()) Text(s.lessonExercises(exerciseNames), style = MaterialTheme.typography.bodyMedium)
        Text(s.rules(lesson.rules), style = MaterialTheme.typography.labelSmall, modifier = Modifier.testTag("lesson-rules"))
    }
}

/** The route wrapper: collects its view model's state and owns the effects after a write. */
@Composable
fun LessonsRoute(graph: AppGraph) {
    val state by graph.lessons.state.collectAsState()
    LessonsScreen(state, LessonsActions(open = { graph.lessons.open(it) }, close = graph.lessons::close))
}
