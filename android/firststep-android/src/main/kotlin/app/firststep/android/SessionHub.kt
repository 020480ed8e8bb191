package app.firststep.android

import android.app.Notification
import android.app.NotificationManager
import android.content.Intent
import android.os.Handler
import android.os.Looper
import app.firststep.core.FirstStepException
import app.firststep.core.GuidedSession
import app.firststep.core.SessionState
import app.firststep.core.SessionStatus
import app.firststep.kit.CurrentSession
import app.firststep.kit.SessionTicker
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.android.asCoroutineDispatcher
import kotlinx.coroutines.asCoroutineDispatcher
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import java.io.File

/**
 * The one guided session of the process. The screen and the foreground service both talk to it:
 * the screen renders [state] and sends taps, the service keeps the process alive with the screen
 * off, shows the step in its notification and routes the notification's buttons here. The kit's
 * [SessionTicker] drives the core's session on the [SessionTimeline] clock; the snapshot is saved
 * after every event and at every step change, so a killed process continues and a reboot resumes
 * it paused.
 */
class SessionHub internal constructor(private val platform: Platform) {
    private val handler = Handler(Looper.getMainLooper())
    private val scope = CoroutineScope(SupervisorJob() + handler.asCoroutineDispatcher("firststep-session").immediate)
    private val io = platform.background.asCoroutineDispatcher()

    val timeline = SessionTimeline(File(platform.context.filesDir, SNAPSHOT_FILE), platform.bootClock)
    val cues = AndroidCuePlayer(platform.context, handler) { platform.preferences.cueSound.value }

    @Volatile private var ticker: SessionTicker? = null
    private val published = CurrentSession()
    private var session: GuidedSession? = null
    private var savedStep: StepKey? = null

    /** The session's live state; null when there is none. Set by the ticker itself (see [CurrentSession]). */
    val state: StateFlow<SessionState?> = published.state

    private val mutableMessage = MutableStateFlow<String?>(null)
    /** The core's refusal of the last action (e.g. no program yet), for the screen to show. */
    val message: StateFlow<String?> = mutableMessage.asStateFlow()

    init {
        scope.launch {
            state.collect { s -> if (s != null) saveAtStepChange(s) }
        }
    }

    /** Continues the saved session or starts today's, then holds it in the foreground service. */
    fun begin(): Job = launchCatching {
        if (open() == null) {
            val started = withContext(io) { platform.core.startSession(platform.clock.now()) }
            timeline.reset()
            track(started).start()
        }
        GuidedSessionService.show(platform.context)
    }

    /** Restores a saved session (after the process was killed or the phone restarted) without starting a new one. */
    fun restore(): Job = launchCatching { open() }

    fun pause(): Job = launchCatching { open()?.pause() }
    fun resume(): Job = launchCatching {
        open()?.resume()
        GuidedSessionService.show(platform.context)
    }
    fun skipStep(): Job = launchCatching { open()?.skipStep() }
    fun repeatStep(): Job = launchCatching { open()?.repeatStep() }
    fun repDone(): Job = launchCatching { open()?.repDone() }

    /** Ends with the peak pain felt (0–10), saves the records, then drops the snapshot. */
    fun finish(peakPain: Int): Job = launchCatching {
        val current = open() ?: return@launchCatching
        current.finish(peakPain)
        val records = current.records()
        withContext(io) { platform.core.saveSession(platform.clock.now(), records) }
        timeline.clearNow()
        current.stop()
        session = null
        savedStep = null
        ticker = null
        published.clear()
    }

    /**
     * The app's screen takes the session over (onStart): a saved session is restored here first (so
     * a reboot pauses it), then this hub lets go — ticking stops, the snapshot is saved — and the
     * screen's own view model continues it from the same snapshot on the same [timeline] clock.
     */
    fun handToScreen(): Job = launchCatching {
        val current = open() ?: return@launchCatching
        current.stop()
        session?.let { timeline.saveNow(it.snapshot()) }
        session = null
        savedStep = null
        ticker = null
        published.clear()
        platform.context.stopService(GuidedSessionService.intent(platform.context))
    }

    /** The screen went away (onStop) with a session open: continue it here, in the foreground service. */
    fun takeFromScreen(): Job = launchCatching {
        val current = open() ?: return@launchCatching
        val status = current.state.value?.status
        if (status == SessionStatus.RUNNING || status == SessionStatus.PAUSED) GuidedSessionService.show(platform.context)
    }

    /** After a reboot: a session was interrupted; say so (it is restored paused when opened). */
    fun announceInterrupted() {
        if (!timeline.exists()) return
        Channels.ensure(platform.context)
        val context = platform.context
        val notification = Notification.Builder(context, Channels.REMINDERS)
            .setSmallIcon(android.R.drawable.ic_media_pause)
            .setContentTitle(Chrome.CHANNEL_SESSION)
            .setContentText(Chrome.SESSION_PAUSED_AFTER_RESTART)
            .setContentIntent(DeepLinks.pending(context, DeepLinks.Link(DeepLinks.Screen.SESSION)))
            .setAutoCancel(true)
            .build()
        context.getSystemService(NotificationManager::class.java).notify(INTERRUPTED_TAG, 1, notification)
    }

    /** The current ticker, restoring a saved session if this process has none yet. */
    internal suspend fun open(): SessionTicker? {
        ticker?.let { return it }
        val loaded = timeline.open() ?: return null
        val restored = GuidedSession.restore(loaded.snapshot)
        val t = track(restored)
        val now = t.refresh()
        // The monotonic clock restarted with the phone: nobody knows how long the runner kept going,
        // so the session waits, paused at the last saved instant.
        if (loaded.rebooted && now.status == SessionStatus.RUNNING) t.pause()
        return t
    }

    private fun track(guided: GuidedSession): SessionTicker {
        session = guided
        savedStep = null
        return SessionTicker(guided, timeline.clock, cues, timeline, scope, onState = published.sinkFor()).also { ticker = it }
    }

    /** Between events the ticker does not save; a snapshot at each new step bounds what a reboot loses. */
    private fun saveAtStepChange(s: SessionState) {
        val key = StepKey.of(s)
        if (key == savedStep) return
        savedStep = key
        if (s.status == SessionStatus.FINISHED) return
        session?.let { timeline.saveNow(it.snapshot()) }
    }

    private fun launchCatching(block: suspend () -> Unit): Job = scope.launch {
        try {
            mutableMessage.value = null
            block()
        } catch (e: FirstStepException) {
            mutableMessage.value = e.coreMessage
            // A refused tap (e.g. "skip" when the time already ran out) still shows where the session is.
            try {
                ticker?.refresh()
            } catch (ignored: FirstStepException) {
            }
        }
    }

    companion object {
        const val SNAPSHOT_FILE = "guided_session.json"
        const val INTERRUPTED_TAG = "session_interrupted"
    }
}

/** What makes a step a different step (the notification and the snapshot follow it, not the ticks). */
data class StepKey(
    val status: SessionStatus,
    val exercise: UInt,
    val set: UInt,
    val rep: UInt,
    val phase: app.firststep.core.Phase,
    val side: app.firststep.core.Side,
) {
    companion object {
        fun of(s: SessionState) = StepKey(s.status, s.exerciseIndex, s.set, s.rep, s.phase, s.side)
    }
}
