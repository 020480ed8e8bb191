package app.firststep.kit

import app.firststep.core.ActivityImport
import app.firststep.core.FirstStepException
import app.firststep.core.ImportStatus
import app.firststep.core.JournalChange
import app.firststep.core.RunRecord
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch
import java.io.File
import java.io.IOException

/** One activity file the runner chose or dropped: its name, and its bytes read when it is imported. */
class RunFile(val name: String, private val reader: () -> ByteArray) {
    fun read(): ByteArray = reader()

    companion object {
        fun of(file: File) = RunFile(file.name) { file.readBytes() }
    }
}

/**
 * Where activity files come from: the desktop's multi-file dialog, tests a list of real files.
 * An empty list means the runner cancelled.
 */
fun interface RunFilePicker {
    suspend fun pickRunFiles(): List<RunFile>
}

/** What one file gave, in the core's words (issue 23: like the CLI's imported / skipped / refused). */
data class RunFileResult(
    val file: String,
    val status: ImportStatus,
    /** The core's sentences: each run (added, already imported, matched), each skip, the refusal, notes. */
    val lines: List<String>,
    /** The A7 (or RR2) warnings the added runs earned, from the core. */
    val warnings: List<String> = emptyList(),
    /** The file could not be opened (the system's message): the core never saw it, nothing was written. */
    val openError: String? = null,
) {
    companion object {
        fun of(result: ActivityImport) = RunFileResult(
            file = result.file,
            status = result.status,
            lines = result.runs.map { it.message } + result.skipped + listOfNotNull(result.reason) + result.notes,
            warnings = result.runs.mapNotNull { it.warning },
        )
    }
}

data class RunImportUiState(
    val loading: Boolean = true,
    /** Whether this build reads activity files (the desktop does; the phone libraries read the health store). */
    val readsFiles: Boolean = false,
    val importing: Boolean = false,
    /** One row per file of the last import, in the order given. */
    val results: List<RunFileResult> = emptyList(),
    /** The runner's latest runs, newest first (typed in and imported). */
    val runs: List<RunRecord> = emptyList(),
    /** The core's refusal of the whole import (e.g. a build without the file readers). */
    val error: FieldError? = null,
)

/**
 * "Import runs…" on the runs screen: files from a [RunFilePicker] or dropped on the window go to the
 * core one by one (each file all or nothing), the per-file result is kept for the screen, and after a
 * write [onChanged] is told `RUNS_IMPORTED` once so the app reloads what `screensToRefresh` lists.
 */
class RunImportViewModel(
    private val repository: FirstStepRepository,
    private val picker: RunFilePicker,
    private val scope: CoroutineScope,
    private val onChanged: (JournalChange) -> Unit = {},
) {
    private val mutableState = MutableStateFlow(RunImportUiState())
    val state: StateFlow<RunImportUiState> = mutableState.asStateFlow()

    /** Opens the section: whether files can be read, and the latest runs. Keeps the last results. */
    fun load(): Job = scope.launch {
        val reads = repository.readsActivityFiles()
        mutableState.update { it.copy(readsFiles = reads) }
        reloadRuns()
    }

    /** The runs list again (after any run was logged or imported elsewhere). */
    fun refresh(): Job = scope.launch { reloadRuns() }

    /** Shows the picker and imports what the runner chose; nothing happens on cancel. */
    fun chooseFiles(): Job = scope.launch {
        val files = picker.pickRunFiles()
        if (files.isNotEmpty()) importNow(files)
    }

    /** Imports [files] (chosen or dropped), one transaction per file, in the order given. */
    fun importFiles(files: List<RunFile>): Job = scope.launch { importNow(files) }

    /** The results list is dismissed. */
    fun clearResults() = mutableState.update { it.copy(results = emptyList(), error = null) }

    private suspend fun importNow(files: List<RunFile>) {
        if (files.isEmpty()) return
        mutableState.update { it.copy(importing = true, results = emptyList(), error = null) }
        val results = mutableListOf<RunFileResult>()
        var wrote = false
        var error: FieldError? = null
        for (file in files) {
            try {
                val result = repository.importActivityFile(file.name, file::read)
                wrote = wrote || result.wrote
                results += RunFileResult.of(result)
            } catch (e: IOException) {
                results += RunFileResult(file.name, ImportStatus.REFUSED, emptyList(), openError = e.message ?: e.toString())
            } catch (e: FirstStepException) {
                // The core refused the whole kind of work (a build without the readers): stop here.
                error = FieldError.of(e)
                break
            }
            mutableState.update { it.copy(results = results.toList()) }
        }
        mutableState.update { it.copy(importing = false, results = results.toList(), error = error) }
        if (wrote) {
            reloadRuns()
            onChanged(JournalChange.RUNS_IMPORTED)
        }
    }

    private suspend fun reloadRuns() {
        try {
            val runs = repository.runs(EARLIEST, repository.today())
            mutableState.update { it.copy(loading = false, runs = runs.asReversed().take(LATEST_RUNS)) }
        } catch (e: FirstStepException) {
            mutableState.update { it.copy(loading = false, error = FieldError.of(e)) }
        }
    }

    companion object {
        /** design choice: the runs list shows the 20 latest runs (a screen of them; the trend shows the weeks). */
        const val LATEST_RUNS = 20
        /** The core's earliest date (a run before it cannot be stored) (the shell does no date arithmetic: the core's "today" ends the range). */
        private const val EARLIEST = "2000-01-01"
    }
}
