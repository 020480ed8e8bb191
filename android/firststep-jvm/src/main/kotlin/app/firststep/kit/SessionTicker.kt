package app.firststep.kit

import app.firststep.core.Cue
import app.firststep.core.FirstStepException
import app.firststep.core.GuidedSession
import app.firststep.core.SessionEvent
import app.firststep.core.SessionRecord
import app.firststep.core.SessionState
import app.firststep.core.SessionStatus
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.isActive
import kotlinx.coroutines.launch
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock

/** Where cues go: a sound/vibration/voice line, and a visible banner. */
interface CuePlayer {
    /** Every cue, on time or late: the screen shows it. */
    fun show(cue: Cue)

    /** Only cues that are on time: a stale "up" sound after the app was in the background would mislead. */
    fun play(cue: Cue)
}

/** Persists the session snapshot so a killed app can continue the session (Android: a file or DataStore). */
interface SnapshotStore {
    suspend fun save(snapshot: String)
    suspend fun load(): String?
    suspend fun clear()
}

/**
 * Drives a [GuidedSession]: while it runs, asks the core for the state every [tickMs] on the
 * [clock]'s time line and publishes it; maps the runner's taps to events. The core owns timing
 * (the state at an instant is computed from the start and the pauses), so a late or dropped tick
 * never makes the timer drift; the ticker only decides how often to look.
 *
 * After every event the snapshot is saved through [snapshots], before the new state is published.
 */
class SessionTicker(
    private val session: GuidedSession,
    private val clock: MonotonicClock,
    private val cues: CuePlayer,
    private val snapshots: SnapshotStore,
    private val scope: CoroutineScope,
    private val tickMs: Long = DEFAULT_TICK_MS,
    /** Called with every new state, under the ticker's lock and in order (see [CurrentSession]). */
    private val onState: (SessionState) -> Unit = {},
) {
    private val mutableState = MutableStateFlow<SessionState?>(null)

    /** The latest state; null until the first event or tick. */
    val state: StateFlow<SessionState?> = mutableState.asStateFlow()

    // Events and ticks are serialised so cues are handed out once and in order.
    private val lock = Mutex()
    private var ticking: Job? = null

    init {
        require(tickMs > 0) { "tickMs must be positive" }
    }

    suspend fun start(): SessionState = send { SessionEvent.Start(it) }
    suspend fun pause(): SessionState = send { SessionEvent.Pause(it) }
    suspend fun resume(): SessionState = send { SessionEvent.Resume(it) }
    suspend fun skipStep(): SessionState = send { SessionEvent.SkipStep(it) }
    suspend fun repeatStep(): SessionState = send { SessionEvent.RepeatStep(it) }
    suspend fun repDone(): SessionState = send { SessionEvent.RepDone(it) }

    /** Ends the session with the peak pain felt during it (0–10, CLINICAL P1). */
    suspend fun finish(peakPain: Int): SessionState {
        // Out-of-range pain must reach the core as an InvalidInput, not wrap around in the UByte.
        val pain = if (peakPain in 0..255) peakPain.toUByte() else UByte.MAX_VALUE
        return send { SessionEvent.Finish(it, pain) }
    }

    /** One journal record per exercise; valid once finished. */
    fun records(): List<SessionRecord> = session.records()

    /** Asks for the current state now (e.g. when the screen comes back to the foreground). */
    suspend fun refresh(): SessionState = lock.withLock { publish(session.stateAt(clock.nowMs())) }

    /** Stops ticking; the session itself stays valid (its snapshot is saved). */
    fun stop() {
        ticking?.cancel()
        ticking = null
    }

    private suspend fun send(event: (Long) -> SessionEvent): SessionState = lock.withLock {
        val state = session.handle(event(clock.nowMs()))
        snapshots.save(session.snapshot())
        publish(state)
    }

    private fun publish(state: SessionState): SessionState {
        forward(state)
        updateTicking(state.status)
        return state
    }

    private fun forward(state: SessionState): SessionState {
        for (cue in state.cues) {
            cues.show(cue)
            if (!cue.late) cues.play(cue)
        }
        mutableState.value = state
        onState(state)
        return state
    }

    private fun updateTicking(status: SessionStatus) {
        if (status != SessionStatus.RUNNING) {
            stop()
        } else if (ticking?.isActive != true) {
            ticking = scope.launch {
                while (isActive) {
                    delay(tickMs)
                    // A refused look (e.g. a clock that went backwards) ends the loop instead of
                    // crashing the UI scope; the next event or refresh() reports the error.
                    val state = try {
                        lock.withLock { forward(session.stateAt(clock.nowMs())) }
                    } catch (e: FirstStepException) {
                        break
                    }
                    if (state.status != SessionStatus.RUNNING) break
                }
            }
        }
    }

    companion object {
        /** Design choice: 10 Hz is smooth for a progress ring and far below the 1 s "late" threshold. */
        const val DEFAULT_TICK_MS = 100L

        /**
         * Re-creates a ticker from a saved snapshot (after the OS killed the app) and resumes
         * ticking if the session was running. The clock must be the same time line as before.
         */
        suspend fun restore(
            snapshot: String,
            clock: MonotonicClock,
            cues: CuePlayer,
            snapshots: SnapshotStore,
            scope: CoroutineScope,
            tickMs: Long = DEFAULT_TICK_MS,
            onState: (SessionState) -> Unit = {},
        ): SessionTicker {
            val ticker = SessionTicker(GuidedSession.restore(snapshot), clock, cues, snapshots, scope, tickMs, onState)
            ticker.refresh()
            return ticker
        }
    }
}
