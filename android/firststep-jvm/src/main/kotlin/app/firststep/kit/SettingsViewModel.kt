package app.firststep.kit

import app.firststep.core.FirstStepException
import app.firststep.core.ImportReport
import app.firststep.core.Settings
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/**
 * Where exported files go and imported ones come from: the desktop app shows a file dialog, Android
 * the system document picker, tests a temp folder. Null means the runner cancelled.
 */
interface FilePicker {
    /** Asks where to save [suggestedName] and writes [content] there; returns the place, or null. */
    suspend fun save(suggestedName: String, content: String): String?

    /** Asks for a file to open and returns its text, or null. */
    suspend fun open(): String?
}

/** What the last export or import did. */
sealed interface Transfer {
    data class Exported(val where: String) : Transfer
    data class Imported(val report: ImportReport) : Transfer
}

sealed interface SettingsUiState {
    data object Loading : SettingsUiState

    data class Ready(
        /** The settings being edited (saved with [SettingsViewModel.save]). */
        val settings: Settings,
        val saved: Boolean = false,
        /** The core's refusal of the edited settings (nothing was saved). */
        val error: FieldError? = null,
        val transfer: Transfer? = null,
        /** The core's refusal of an import or export (nothing was written). */
        val transferError: FieldError? = null,
    ) : SettingsUiState

    data class Failed(val error: FieldError) : SettingsUiState
}

class SettingsViewModel(
    private val repository: FirstStepRepository,
    private val files: FilePicker,
    private val scope: CoroutineScope,
    /** Called after settings or data changed (reminders are re-planned, home reloads). */
    private val onChanged: () -> Unit = {},
) {
    private val mutableState = MutableStateFlow<SettingsUiState>(SettingsUiState.Loading)
    val state: StateFlow<SettingsUiState> = mutableState.asStateFlow()

    fun load(): Job = scope.launch {
        mutableState.value = try {
            SettingsUiState.Ready(repository.settings())
        } catch (e: FirstStepException) {
            SettingsUiState.Failed(FieldError.of(e))
        }
    }

    fun edit(change: (Settings) -> Settings) = ready { it.copy(settings = change(it.settings), saved = false, error = null) }

    /** Changes the loaded form; nothing to change before it is loaded. */
    private fun ready(change: (SettingsUiState.Ready) -> SettingsUiState.Ready) =
        mutableState.update { if (it is SettingsUiState.Ready) change(it) else it }

    fun toggleSessionDay(day: Int) = edit { s ->
        val d = day.toByte()
        val days = s.sessionDays.toList()
        s.copy(sessionDays = (if (d in days) days - d else (days + d).sorted()).toByteArray())
    }

    fun save(): Job = scope.launch {
        val settings = (mutableState.value as? SettingsUiState.Ready)?.settings ?: return@launch
        try {
            repository.saveSettings(settings)
            onChanged()
            ready { it.copy(saved = true, error = null) }
        } catch (e: FirstStepException) {
            ready { it.copy(saved = false, error = FieldError.of(e)) }
        }
    }

    fun exportBackup(): Job = export(BACKUP_NAME) { repository.exportJson() }
    fun exportCsv(): Job = export(CSV_NAME) { repository.painCsv() }

    /** The one-page clinician summary (HTML from the core) under the core's suggested name. */
    fun exportClinicianSummary(): Job = scope.launch {
        try {
            val summary = repository.clinicianSummary()
            val where = files.save(summary.fileName, summary.html) ?: return@launch
            ready { it.copy(transfer = Transfer.Exported(where), transferError = null) }
        } catch (e: FirstStepException) {
            ready { it.copy(transferError = FieldError.of(e)) }
        }
    }

    fun importBackup(): Job = scope.launch {
        val text = files.open() ?: return@launch
        try {
            val report = repository.importJson(text)
            onChanged()
            // Imported settings replace the ones on screen.
            val settings = repository.settings()
            ready { it.copy(settings = settings, transfer = Transfer.Imported(report), transferError = null) }
        } catch (e: FirstStepException) {
            ready { it.copy(transfer = null, transferError = FieldError.of(e)) }
        }
    }

    private fun export(name: String, content: suspend () -> String): Job = scope.launch {
        try {
            val where = files.save(name, content()) ?: return@launch
            ready { it.copy(transfer = Transfer.Exported(where), transferError = null) }
        } catch (e: FirstStepException) {
            ready { it.copy(transferError = FieldError.of(e)) }
        }
    }

    companion object {
        const val BACKUP_NAME = "firststep-backup.json"
        const val CSV_NAME = "firststep-pain.csv"
    }
}
