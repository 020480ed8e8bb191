package app.firststep.kit

import app.firststep.core.FirstStepException
import app.firststep.core.MorningLog
import app.firststep.core.RunLog
import app.firststep.core.RunRecord
import app.firststep.core.RunningGuidance
import app.firststep.core.Units
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/** The run form; distance in the runner's units, the core's spike warning shown before saving. */
data class RunLogUiState(
    val units: Units = Units.METRIC,
    val today: String = "",
    val date: String = "",
    val distance: String = "",
    val minutes: String = "",
    val painDuring: Int? = null,
    val painAfter: Int? = null,
    val surface: String = "",
    val shoes: String = "",
    /** Today's running advice for the planned distance (X2, A7 long-run warning), from the core. */
    val guidance: RunningGuidance? = null,
    val error: FieldError? = null,
    val saving: Boolean = false,
    val saved: RunRecord? = null,
    /** The core's warning for the run as it was logged (A7 single run, RR2 walk-run step), if any. */
    val savedWarning: String? = null,
)

class RunLogViewModel(
    private val repository: FirstStepRepository,
    private val scope: CoroutineScope,
    /** How long typing must pause before the core is asked about the planned distance. */
    private val checkDelayMs: Long = 300,
) {
    private val mutableState = MutableStateFlow(RunLogUiState())
    val state: StateFlow<RunLogUiState> = mutableState.asStateFlow()
    private var checking: Job? = null

    fun open(): Job {
        mutableState.value = RunLogUiState()
        return scope.launch { start() }
    }

    private suspend fun start() {
        val today = repository.today()
        val units = repository.settings().units
        mutableState.value = RunLogUiState(units = units, today = today, date = today)
        check()
    }

    fun setDistance(text: String) {
        mutableState.update { it.copy(distance = decimal(text), error = null, saved = null) }
        checking?.cancel()
        checking = scope.launch { delay(checkDelayMs); check() }
    }

    fun setMinutes(text: String) = mutableState.update { it.copy(minutes = decimal(text), error = null, saved = null) }
    fun setDate(text: String) = mutableState.update { it.copy(date = text, error = null, saved = null) }
    fun setPainDuring(score: Int) = mutableState.update { it.copy(painDuring = score, saved = null) }
    fun setPainAfter(score: Int) = mutableState.update { it.copy(painAfter = score, saved = null) }
    fun setSurface(text: String) = mutableState.update { it.copy(surface = text, saved = null) }
    fun setShoes(text: String) = mutableState.update { it.copy(shoes = text, saved = null) }

    /** Asks the core for today's advice with the distance typed so far (its A7 warning included). */
    suspend fun check() {
        val s = mutableState.value
        val km = s.distance.toDoubleOrNull()?.let { Distance.toKm(it, s.units) }
        try {
            val guidance = repository.progress(km).running
            mutableState.update { it.copy(guidance = guidance) }
        } catch (e: FirstStepException) {
            mutableState.update { it.copy(error = FieldError.of(e).let { err -> if (err.field == "planned_run_km") err.copy(field = "distance_km") else err }) }
        }
    }

    fun save(): Job = scope.launch {
        checking?.cancel()
        val s = mutableState.value
        val distance = s.distance.toDoubleOrNull()
        if (distance == null) {
            // Nothing typed: let the core name the field and its range.
            mutableState.value = s.copy(error = tryLog(s, Double.NaN).second)
            return@launch
        }
        mutableState.value = s.copy(saving = true, error = null)
        val (log, error) = tryLog(s, Distance.toKm(distance, s.units))
        mutableState.value = s.copy(saving = false, saved = log?.run, savedWarning = log?.warning, error = error)
    }

    private suspend fun tryLog(s: RunLogUiState, km: Double): Pair<RunLog?, FieldError?> = try {
        repository.logRun(
            km, s.minutes.toDoubleOrNull(), s.painDuring, s.painAfter,
            date = s.date.takeIf { it != s.today }, surface = s.surface.ifBlank { null }, shoes = s.shoes.ifBlank { null },
        ) to null
    } catch (e: FirstStepException) {
        null to FieldError.of(e)
    }

    private fun decimal(text: String): String {
        val kept = text.filter { it.isDigit() || it == '.' }
        val dot = kept.indexOf('.')
        return if (dot < 0) kept else kept.substring(0, dot + 1) + kept.substring(dot + 1).replace(".", "")
    }
}
