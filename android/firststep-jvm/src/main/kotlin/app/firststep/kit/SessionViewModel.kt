package app.firststep.kit

import app.firststep.core.Effort
import app.firststep.core.EffortQuestion
import app.firststep.core.FirstStepException
import app.firststep.core.ProgramExercise
import app.firststep.core.SessionRecord
import app.firststep.core.SessionState
import app.firststep.core.SessionStatus
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.launch

/**
 * The guided session screen: starts (or restores) a session, forwards taps to the [SessionTicker]
 * and saves the records when the runner finishes with their peak pain.
 */
class SessionViewModel(
    private val repository: FirstStepRepository,
    private val clock: MonotonicClock,
    private val cues: CuePlayer,
    private val snapshots: SnapshotStore,
    private val scope: CoroutineScope,
    private val tickMs: Long = SessionTicker.DEFAULT_TICK_MS,
) {
    @Volatile private var ticker: SessionTicker? = null
    private val published = CurrentSession()

    /**
     * The session's live engine state; null before a session exists. Set synchronously by the ticker:
     * after an event's or [refresh]'s job has completed, this is the state the core derived at that instant.
     */
    val session: StateFlow<SessionState?> = published.state

    // The inputs of [state]; every change goes through [update] so the state is set synchronously.
    @Volatile private var message: String? = null
    @Volatile private var saved = false
    @Volatile private var effortQuestion: EffortQuestion? = null
    @Volatile private var exercises: List<ProgramExercise> = emptyList()

    private val mutableState = MutableStateFlow<SessionUiState>(SessionUiState.Loading(null))

    /**
     * Everything the session screen draws, as ONE flow (the screen collects nothing else): the engine
     * state with today's plan entry, the peak-pain question, the effort question (rule P5), saved, and
     * why the last action was refused. Set synchronously: after an action's job completes, it is current.
     */
    val state: StateFlow<SessionUiState> = mutableState.asStateFlow()

    private fun update(change: () -> Unit = {}) = synchronized(this) {
        change()
        mutableState.value = SessionUiState.of(published.state.value, effortQuestion, saved, message, exercises)
    }

    /** The finished session's records waiting for the effort answer. */
    private var pending: List<SessionRecord>? = null

    /** Continues a session the OS interrupted, or starts today's session. */
    fun open(): Job {
        ticker?.stop()
        ticker = null
        val base = published.sinkFor()
        val sink: (SessionState) -> Unit = { s -> base(s); update() }
        update { saved = false; effortQuestion = null }
        pending = null
        return launchCatching {
            // The load and the how-to steps of each exercise (the engine's state names only the id and level).
            val plan = try { repository.todayPlan().exercises } catch (e: FirstStepException) { emptyList() }
            update { exercises = plan }
            val snapshot = snapshots.load()
            ticker = if (snapshot != null) {
                SessionTicker.restore(snapshot, clock, cues, snapshots, scope, tickMs, sink)
            } else {
                SessionTicker(repository.startSession(), clock, cues, snapshots, scope, tickMs, sink).also { it.start() }
            }
        }
    }

    fun pause(): Job = launchCatching { current().pause() }
    fun resume(): Job = launchCatching { current().resume() }
    fun skipStep(): Job = launchCatching { current().skipStep() }
    fun repeatStep(): Job = launchCatching { current().repeatStep() }
    fun repDone(): Job = launchCatching { current().repDone() }

    /** Re-derives the state now (the window came back, or a test moved its clock). */
    fun refresh(): Job = launchCatching { ticker?.refresh() }

    /**
     * Finishes with the peak pain (0–10). When a done exercise asks for effort (the program's
     * `asksEffort`, rule P5) the records wait for [answerEffort]; otherwise they are saved now. The
     * snapshot is dropped only after saving.
     */
    fun finish(peakPain: Int): Job = launchCatching {
        val ticker = current()
        ticker.finish(peakPain)
        val records = ticker.records()
        val question = repository.effortQuestion(records)
        if (question == null) {
            save(records, null)
        } else {
            pending = records
            update { effortQuestion = question }
        }
    }

    /**
     * The answer to "how did the load feel?" ([effort] null: skipped). It goes on the records of the
     * exercises that ask for it, then the session is saved.
     */
    fun answerEffort(effort: Effort?): Job = launchCatching {
        val records = pending ?: return@launchCatching
        save(records, effort)
    }

    /** The core puts the answer on the exercises it asked about and saves, all or nothing. */
    private suspend fun save(records: List<SessionRecord>, effort: Effort?) {
        repository.saveSessionWithEffort(records, effort)
        snapshots.clear()
        pending = null
        update { effortQuestion = null; saved = true }
    }

    /** The screen went away: stop ticking (the snapshot keeps the session). */
    fun close() {
        ticker?.stop()
    }

    private fun current(): SessionTicker = checkNotNull(ticker) { "open() the session first" }

    private fun launchCatching(block: suspend () -> Unit): Job = scope.launch {
        try {
            if (message != null) update { message = null }
            block()
        } catch (e: FirstStepException) {
            update { message = e.reasonText }
        }
    }
}

/** The guided session screen's whole state: one value, one flow ([SessionViewModel.state]). */
sealed interface SessionUiState {
    /** Why the last action was refused (e.g. no program yet), or null. */
    val message: String?

    /** No session yet (opening, or refused: see [message]). */
    data class Loading(override val message: String?) : SessionUiState

    /** Not started, running or paused: the figure, the tempo ring, the counters and the controls. */
    data class Active(
        val session: SessionState,
        /** Today's plan entry for the current exercise (load, how-to), when the plan has it. */
        val exercise: ProgramExercise?,
        override val message: String?,
    ) : SessionUiState

    /** Every step done: the peak-pain question (CLINICAL P1). */
    data class AwaitingPain(val session: SessionState, override val message: String?) : SessionUiState

    /** Finished; the core's "how did the load feel?" question waits for its answer before saving (rule P5). */
    data class AskingEffort(val session: SessionState, val question: EffortQuestion, override val message: String?) : SessionUiState

    /** Finished; [saved] once the records are in the journal. */
    data class Finished(val session: SessionState, val saved: Boolean, override val message: String?) : SessionUiState

    companion object {
        fun of(
            session: SessionState?,
            question: EffortQuestion?,
            saved: Boolean,
            message: String?,
            exercises: List<ProgramExercise>,
        ): SessionUiState = when {
            session == null -> Loading(message)
            session.status == SessionStatus.AWAITING_PAIN -> AwaitingPain(session, message)
            session.status == SessionStatus.FINISHED && question != null && !saved -> AskingEffort(session, question, message)
            session.status == SessionStatus.FINISHED -> Finished(session, saved, message)
            else -> Active(session, exercises.firstOrNull { it.exerciseId == session.exerciseId && it.level == session.level }, message)
        }
    }
}
