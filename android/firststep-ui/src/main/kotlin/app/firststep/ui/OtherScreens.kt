package app.firststep.ui

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

/** Decisions with reasons and rule ids, running state and why, the last assessment's changes. */
@Composable
fun ProgressScreen(state: ProgressUiState, actions: ProgressActions = ProgressActions()) {
    val s = LocalStrings.current
    val colors = LocalFirstStepColors.current
    ScreenColumn(tag = "screen-progress") {
        Heading(s.progressTitle)
        FieldErrorText(state.error)
        val report = state.report ?: run { if (state.loading) Text(s.loading); return@ScreenColumn }
        SectionCard(Modifier.testTag("progress-running")) {
            Text("${s.runningAdvice}: ${s.runningState(report.running.state)}", style = MaterialTheme.typography.titleMedium, color = colors.running(report.running.state))
            Text(report.running.reason, style = MaterialTheme.typography.bodyMedium)
            report.running.longRunWarning?.let { Text(it, style = MaterialTheme.typography.bodyMedium, color = MaterialTheme.colorScheme.error) }
            report.running.weekly?.let { Text(s.weeklyDistance(it), style = MaterialTheme.typography.bodySmall) }
            RunningDetails(report.running, actions.takeSelfTest, tagPrefix = "progress-running")
            if (report.running.rules.isNotEmpty()) Text(s.rules(report.running.rules), style = MaterialTheme.typography.labelSmall)
        }
        (state.psfs ?: report.psfs)?.let { PsfsCard(it, actions.ratePsfs, actions.editPsfsActivities) }
        SectionTitle(s.decisionsTitle)
        if (report.decisions.isEmpty()) Text(s.noDecisions)
        for (d in report.decisions.asReversed()) {
            SectionCard(Modifier.testTag("decision-${d.date}-${d.exerciseId}")) {
                Text("${d.date} · ${d.exerciseId}", style = MaterialTheme.typography.labelLarge)
                Text(s.decision(d.action, d.fromLevel.toInt(), d.toLevel.toInt()), style = MaterialTheme.typography.titleSmall)
                Text(d.reason, style = MaterialTheme.typography.bodyMedium)
                Text(s.rules(listOf(d.rule)), style = MaterialTheme.typography.labelSmall)
            }
        }
        state.assessment?.let { a ->
            if (a.changes.isNotEmpty()) {
                SectionTitle(s.changesTitle)
                for (c in a.changes) {
                    Text("• ${c.description}", style = MaterialTheme.typography.bodyMedium,
                        fontWeight = if (c.meaningful) androidx.compose.ui.text.font.FontWeight.Bold else null)
                }
            }
            SectionTitle(s.findingsTitle)
            if (a.findings.isEmpty()) Text(s.noFindings)
            for (f in a.findings) FindingCard(f)
        }
    }
}

class ProgressActions(
    val takeSelfTest: () -> Unit = {},
    val ratePsfs: () -> Unit = {},
    val editPsfsActivities: () -> Unit = {},
)

class LessonsActions(
    val open: (String) -> Unit,
    val close: () -> Unit,
)

/**
 * Lessons (E1–E7) from the core: the list (locked ones greyed with when they open) or, when one is
 * open, the reader. Stateless: the kit's LessonsViewModel holds the list and the open lesson.
 */
@Composable
fun LessonsScreen(state: LessonsUiState, actions: LessonsActions) {
    val s = LocalStrings.current
    state.open?.let { LessonReader(it, state.exerciseNamesOf(it), actions.close); return }
    ScreenColumn(tag = "screen-lessons") {
        Heading(s.lessonsTitle)
        FieldErrorText(state.error)
        if (state.loading) { Text(s.loading); return@ScreenColumn }
        if (state.lessons.isEmpty() && state.error == null) {
            Text(s.lessonsEmpty, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.testTag("lessons-empty"))
        }
        for (lesson in state.lessons) LessonRow(lesson) { actions.open(lesson.id) }
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

class SettingsActions(
    val edit: ((Settings) -> Settings) -> Unit,
    val toggleDay: (Int) -> Unit,
    val save: () -> Unit,
    val exportBackup: () -> Unit,
    val exportCsv: () -> Unit,
    val importBackup: () -> Unit,
    val exportSummary: () -> Unit,
)

@OptIn(ExperimentalLayoutApi::class)
@Composable
fun SettingsScreen(state: SettingsUiState, databasePath: String, actions: SettingsActions) {
    val s = LocalStrings.current
    ScreenColumn(tag = "screen-settings") {
        Heading(s.settingsTitle)
        val settings = state.settings ?: run { FieldErrorText(state.error); Text(s.loading); return@ScreenColumn }
        SectionTitle(s.unitsLabel)
        ChoiceChips(Units.entries, settings.units, { s.units(it) }, { u -> actions.edit { it.copy(units = u) } }, tagPrefix = "units")
        SectionTitle(s.affectedSideLabel)
        ChoiceChips(listOf(Side.LEFT, Side.RIGHT, Side.BOTH), settings.affectedSide, { s.side(it) }, { v -> actions.edit { it.copy(affectedSide = v) } }, tagPrefix = "side")
        FieldErrorText(state.error, "affected_side")
        TextInput(s.morningReminderLabel, settings.morningReminder, { v -> actions.edit { it.copy(morningReminder = v) } },
            error = state.error?.takeIf { it.concerns("morning_reminder") || it.concerns("settings.morning_reminder") }?.message, tag = "settings-morning")
        TextInput(s.sessionReminderLabel, settings.sessionReminder, { v -> actions.edit { it.copy(sessionReminder = v) } },
            error = state.error?.takeIf { it.concerns("session_reminder") || it.concerns("settings.session_reminder") }?.message, tag = "settings-session")
        SectionTitle(s.sessionDaysLabel)
        FlowRow(horizontalArrangement = Arrangement.spacedBy(4.dp)) {
            for (day in 1..7) {
                val on = day.toByte() in settings.sessionDays
                FilterChip(on, { actions.toggleDay(day) }, label = { Text(s.weekday(day)) },
                    modifier = Modifier.sizeIn(minHeight = TouchTarget).testTag("day-$day").semantics { contentDescription = s.weekday(day) })
            }
        }
        Row(verticalAlignment = Alignment.CenterVertically, modifier = Modifier.fillMaxWidth().sizeIn(minHeight = TouchTarget)) {
            Text(s.remindersEnabled, modifier = Modifier.weight(1f))
            Switch(settings.remindersEnabled, { v -> actions.edit { it.copy(remindersEnabled = v) } },
                modifier = Modifier.testTag("settings-reminders").semantics { contentDescription = s.remindersEnabled })
        }
        state.error?.takeIf { e -> listOf("affected_side", "morning_reminder", "session_reminder", "settings.morning_reminder", "settings.session_reminder").none { e.concerns(it) } }
            ?.let { FieldErrorText(it) }
        Button(actions.save, Modifier.fillMaxWidth().sizeIn(minHeight = TouchTarget).testTag("settings-save")) { Text(s.save) }
        if (state.saved) Text(s.saved, modifier = Modifier.testTag("settings-saved"))

        SectionTitle(s.dataTitle)
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            OutlinedButton(actions.exportBackup, Modifier.sizeIn(minHeight = TouchTarget).testTag("export-backup")) { Text(s.exportBackup) }
            OutlinedButton(actions.exportCsv, Modifier.sizeIn(minHeight = TouchTarget).testTag("export-csv")) { Text(s.exportCsv) }
            OutlinedButton(actions.exportSummary, Modifier.sizeIn(minHeight = TouchTarget).testTag("export-summary")) { Text(s.exportSummary) }
            OutlinedButton(actions.importBackup, Modifier.sizeIn(minHeight = TouchTarget).testTag("import-backup")) { Text(s.importBackup) }
        }
        when (val t = state.transfer) {
            is Transfer.Exported -> Text(s.exportedTo(t.where), modifier = Modifier.testTag("transfer-result"))
            is Transfer.Imported -> {
                val r = t.report
                val added = (r.painAdded + r.sessionsAdded + r.runsAdded + r.decisionsAdded + r.assessmentsAdded + r.programsAdded + r.safetyScreensAdded + r.painEditsAdded +
                    r.clinicianVisitsAdded + r.psfsActivitiesAdded + r.psfsRatingsAdded + r.returnToRunChecksAdded).toInt()
                val unchanged = (r.painUnchanged + r.sessionsUnchanged + r.runsUnchanged + r.decisionsUnchanged + r.assessmentsUnchanged + r.programsUnchanged + r.safetyScreensUnchanged + r.painEditsUnchanged +
                    r.clinicianVisitsUnchanged + r.psfsActivitiesUnchanged + r.psfsRatingsUnchanged + r.returnToRunChecksUnchanged).toInt()
                Text(s.imported(added, r.painUpdated.toInt(), unchanged), modifier = Modifier.testTag("transfer-result"))
            }
            null -> Unit
        }
        state.transferError?.let { FieldErrorText(it, modifier = Modifier.testTag("transfer-error")) }
        Text(s.databaseAt(databasePath), style = MaterialTheme.typography.bodySmall, color = MaterialTheme.colorScheme.onSurfaceVariant)
    }
}
