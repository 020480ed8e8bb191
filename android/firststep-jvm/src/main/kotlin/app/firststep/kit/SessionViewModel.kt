package app.firststep.kit

import app.firststep.core.Effort
import app.firststep.core.EffortQuestion
import app.firststep.core.FirstStepException
import app.firststep.core.SessionRecord
import app.firststep.core.SessionState
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
     * The session's live state; null before a session exists. Set synchronously by the ticker: after
     * an event's or [refresh]'s job has completed, this is the state the core derived at that instant.
     */
    val session: StateFlow<SessionState?> = published.state

    private val mutableMessage = MutableStateFlow<String?>(null)
    /** Why the last action was refused (e.g. no program yet), for a snackbar. */
    val message: StateFlow<String?> = mutableMessage.asStateFlow()

    private val mutableSaved = MutableStateFlow(false)
    /** True once the finished session's records are in the journal. */
    val saved: StateFlow<Boolean> = mutableSaved.asStateFlow()

    private val mutableEffortQuestion = MutableStateFlow<EffortQuestion?>(null)
    /**
     * The core's "how did the load feel?" question (rule P5) after the peak pain, while it waits for
     * [answerEffort]; null when not asked. Whether and what to ask is the core's decision.
     */
    val effortQuestion: StateFlow<EffortQuestion?> = mutableEffortQuestion.asStateFlow()

    /** The finished session's records waiting for the effort answer. */
    private var pending: List<SessionRecord>? = null

    /** Continues a session the OS interrupted, or starts today's session. */
    fun open(): Job {
        ticker?.stop()
        ticker = null
        val sink = published.sinkFor()
        mutableSaved.value = false
        mutableEffortQuestion.value = null
        pending = null
        return launchCatching {
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
            mutableEffortQuestion.value = question
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
        mutableEffortQuestion.value = null
        mutableSaved.value = true
    }

    /** The screen went away: stop ticking (the snapshot keeps the session). */
    fun close() {
        ticker?.stop()
    }

    private fun current(): SessionTicker = checkNotNull(ticker) { "open() the session first" }

    private fun launchCatching(block: suspend () -> Unit): Job = scope.launch {
        try {
            mutableMessage.value = null
            block()
        } catch (e: FirstStepException) {
            mutableMessage.value = e.reasonText
        }
    }
}
