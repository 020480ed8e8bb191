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
import app.firststep.kit.CueSound
import app.firststep.kit.LessonsUiState
import app.firststep.kit.ProgressUiState
import app.firststep.kit.SettingsUiState
import app.firststep.kit.Transfer


class SettingsActions(
    val edit: ((Settings) -> Settings) -> Unit,
    val toggleDay: (Int) -> Unit,
    val save: () -> Unit,
    val exportBackup: () -> Unit,
    val exportCsv: () -> Unit,
    val importBackup: () -> Unit,
    val exportSummary: () -> Unit,
    val setCueSound: (CueSound) -> Unit = {},
    val setReducedMotion: (Boolean) -> Unit = {},
)

/** The shell's own choices, applied at once (no Save): how cues sound; reduced motion where the app offers it (desktop). */
data class ShellChoices(val cueSound: CueSound = CueSound.VOICE, val reducedMotion: Boolean? = null)

@OptIn(ExperimentalLayoutApi::class)
@Composable
fun SettingsScreen(state: SettingsUiState, databasePath: String, actions: SettingsActions, modifier: Modifier = Modifier, shell: ShellChoices = ShellChoices()) {
    val s = LocalStrings.current
    ScreenColumn(modifier, tag = "screen-settings") {
        Heading(s.settingsTitle)
        val ready = when (state) {
            SettingsUiState.Loading -> { LoadingText(); return@ScreenColumn }
            is SettingsUiState.Failed -> { FailedText(state.error.message); return@ScreenColumn }
            is SettingsUiState.Ready -> state
        }
        val settings = ready.settings
        SectionTitle(s.unitsLabel)
        ChoiceChips(Units.entries, settings.units, { s.units(it) }, { u -> actions.edit { it.copy(units = u) } }, tagPrefix = "units")
        SectionTitle(s.affectedSideLabel)
        ChoiceChips(listOf(Side.LEFT, Side.RIGHT, Side.BOTH), settings.affectedSide, { s.side(it) }, { v -> actions.edit { it.copy(affectedSide = v) } }, tagPrefix = "side")
        FieldErrorText(ready.error, "affected_side")
        TextInput(s.morningReminderLabel, settings.morningReminder, { v -> actions.edit { it.copy(morningReminder = v) } },
            error = ready.error?.takeIf { it.concerns("morning_reminder") || it.concerns("settings.morning_reminder") }?.message, tag = "settings-morning")
        TextInput(s.sessionReminderLabel, settings.sessionReminder, { v -> actions.edit { it.copy(sessionReminder = v) } },
            error = ready.error?.takeIf { it.concerns("session_reminder") || it.concerns("settings.session_reminder") }?.message, tag = "settings-session")
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
        ready.error?.takeIf { e -> listOf("affected_side", "morning_reminder", "session_reminder", "settings.morning_reminder", "settings.session_reminder").none { e.concerns(it) } }
            ?.let { FieldErrorText(it) }
        Button(actions.save, Modifier.fillMaxWidth().sizeIn(minHeight = TouchTarget).testTag("settings-save")) { Text(s.save) }
        if (ready.saved) Text(s.saved, modifier = Modifier.testTag("settings-saved"))

        SectionTitle(s.cueSoundLabel)
        ChoiceChips(CueSound.entries, shell.cueSound, { s.cueSound(it) }, actions.setCueSound, tagPrefix = "cue-sound")
        shell.reducedMotion?.let { reduced ->
            Row(verticalAlignment = Alignment.CenterVertically, modifier = Modifier.fillMaxWidth().sizeIn(minHeight = TouchTarget)) {
                Text(s.reducedMotionLabel, modifier = Modifier.weight(1f))
                Switch(reduced, actions.setReducedMotion,
                    modifier = Modifier.testTag("settings-reduced-motion").semantics { contentDescription = s.reducedMotionLabel })
            }
        }

        SectionTitle(s.dataTitle)
        FlowRow(horizontalArrangement = Arrangement.spacedBy(8.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            OutlinedButton(actions.exportBackup, Modifier.sizeIn(minHeight = TouchTarget).testTag("export-backup")) { Text(s.exportBackup) }
            OutlinedButton(actions.exportCsv, Modifier.sizeIn(minHeight = TouchTarget).testTag("export-csv")) { Text(s.exportCsv) }
            OutlinedButton(actions.exportSummary, Modifier.sizeIn(minHeight = TouchTarget).testTag("export-summary")) { Text(s.exportSummary) }
            OutlinedButton(actions.importBackup, Modifier.sizeIn(minHeight = TouchTarget).testTag("import-backup")) { Text(s.importBackup) }
        }
        when (val t = ready.transfer) {
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
        ready.transferError?.let { FieldErrorText(it, modifier = Modifier.testTag("transfer-error")) }
        Text(s.databaseAt(databasePath), style = MaterialTheme.typography.bodySmall, color = MaterialTheme.colorScheme.onSurfaceVariant)
    }
}

/** The route wrapper: collects its view model's state and owns the effects after a write. */
@Composable
fun SettingsRoute(graph: AppGraph) {
    val state by graph.settings.state.collectAsState()
    val prefs = graph.preferences
    val cueSound by prefs.cueSound.collectAsState()
    val reduced by prefs.reducedMotion.collectAsState()
    SettingsScreen(state, graph.repository.databasePath(), shell = ShellChoices(cueSound, reduced.takeIf { prefs.offersReducedMotion }), actions = SettingsActions(
        edit = graph.settings::edit,
        toggleDay = graph.settings::toggleSessionDay,
        save = { graph.settings.save() },
        exportBackup = { graph.settings.exportBackup() },
        exportCsv = { graph.settings.exportCsv() },
        importBackup = { graph.settings.importBackup() },
        exportSummary = { graph.settings.exportClinicianSummary() },
        setCueSound = prefs::setCueSound,
        setReducedMotion = prefs::setReducedMotion,
    ))
}
