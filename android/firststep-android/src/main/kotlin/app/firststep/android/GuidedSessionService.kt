package app.firststep.android

import android.app.Notification
import android.app.NotificationManager
import android.app.PendingIntent
import android.app.Service
import android.content.Context
import android.content.Intent
import android.content.pm.ServiceInfo
import android.graphics.drawable.Icon
import android.os.Build
import android.os.Handler
import android.os.IBinder
import android.os.Looper
import android.os.PowerManager
import app.firststep.core.SessionState
import app.firststep.core.SessionStatus
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.android.asCoroutineDispatcher
import kotlinx.coroutines.cancel
import kotlinx.coroutines.launch
import kotlin.math.ceil

/**
 * Holds the guided session while the screen is off: a foreground service of type `health` whose
 * ongoing notification shows the current step with a countdown chronometer ending at the step's
 * end (re-posted at step changes only: the chronometer counts by itself) and pause/resume/skip
 * buttons. A partial wake lock keeps the cues on time while the session runs. When all steps are
 * done it leaves the foreground and asks (by notification) for the peak pain in the app.
 */
class GuidedSessionService : Service() {
    private val scope = CoroutineScope(SupervisorJob() + Handler(Looper.getMainLooper()).asCoroutineDispatcher().immediate)
    private var shownStep: StepKey? = null
    private var wakeLock: PowerManager.WakeLock? = null
    private var started = false

    /** How many times the notification was posted (the chronometer, not the service, counts the seconds). */
    var notificationPosts = 0
        private set

    private val hub get() = platform().sessions

    override fun onBind(intent: Intent?): IBinder? = null

    override fun onCreate() {
        super.onCreate()
        Channels.ensure(this)
        scope.launch { hub.state.collect(::render) }
    }

    override fun onStartCommand(intent: Intent?, flags: Int, startId: Int): Int {
        // Foreground first: startForegroundService() must be answered within seconds.
        if (!started) {
            goForeground(notification(hub.state.value))
            started = true
        }
        when (intent?.action) {
            ACTION_PAUSE -> hub.pause()
            ACTION_RESUME -> hub.resume()
            ACTION_SKIP -> hub.skipStep()
            // ACTION_SHOW, or a restart by the system after the process was killed (null intent).
            else -> scope.launch {
                hub.restore().join()
                if (hub.state.value == null) stopNow()
            }
        }
        return START_STICKY
    }

    override fun onDestroy() {
        releaseWakeLock()
        hub.cues.release()
        scope.cancel()
        super.onDestroy()
    }

    private fun render(state: SessionState?) {
        if (state == null) return
        when (state.status) {
            SessionStatus.AWAITING_PAIN, SessionStatus.FINISHED -> {
                if (state.status == SessionStatus.AWAITING_PAIN) askPeakPain(state)
                stopNow()
                return
            }
            SessionStatus.RUNNING -> acquireWakeLock()
            SessionStatus.PAUSED, SessionStatus.NOT_STARTED -> releaseWakeLock()
        }
        val key = StepKey.of(state)
        if (key == shownStep) return
        shownStep = key
        if (started) getSystemService(NotificationManager::class.java).notify(NOTIFICATION_ID, notification(state))
        notificationPosts++
    }

    private fun goForeground(notification: Notification) {
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.UPSIDE_DOWN_CAKE) {
            startForeground(NOTIFICATION_ID, notification, ServiceInfo.FOREGROUND_SERVICE_TYPE_HEALTH)
        } else {
            startForeground(NOTIFICATION_ID, notification)
        }
    }

    private fun stopNow() {
        releaseWakeLock()
        hub.cues.release()
        stopForeground(STOP_FOREGROUND_REMOVE)
        stopSelf()
    }

    /** The step, a countdown to its end, the set/rep, the session's progress and the buttons. */
    fun notification(state: SessionState?): Notification {
        val builder = Notification.Builder(this, Channels.SESSION)
            .setSmallIcon(android.R.drawable.ic_media_play)
            .setOngoing(true)
            .setOnlyAlertOnce(true)
            .setCategory(Notification.CATEGORY_WORKOUT)
            .setContentIntent(DeepLinks.pending(this, DeepLinks.Link(DeepLinks.Screen.SESSION)))
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.S) builder.setForegroundServiceBehavior(Notification.FOREGROUND_SERVICE_IMMEDIATE)
        if (state == null) return builder.setContentTitle(Chrome.SESSION_STARTING).build()

        val detail = buildList {
            add(state.phaseLabel)
            if (state.set > 0u) add(Chrome.setOf(state.set.toInt(), state.setCount.toInt()))
            if (state.rep > 0u && state.repCount > 1u) add(Chrome.repOf(state.rep.toInt(), state.repCount.toInt()))
        }.joinToString(" · ")
        builder.setContentTitle(state.exerciseName)
            .setContentText(detail)
            .setProgress(PROGRESS_MAX, (state.sessionProgress * PROGRESS_MAX).toInt(), false)
        val remaining = state.secondsRemaining
        if (state.status == SessionStatus.RUNNING && remaining != null) {
            // The system counts down to the step's end by itself: no per-second updates.
            val endsAt = platform().clock.now().instantMs + ceil(remaining * 1000).toLong()
            builder.setUsesChronometer(true).setChronometerCountDown(true).setShowWhen(true).setWhen(endsAt)
        } else {
            builder.setShowWhen(false)
        }
        if (state.status == SessionStatus.PAUSED) {
            builder.setSubText(Chrome.PAUSED)
            builder.addAction(action(ACTION_RESUME, Chrome.RESUME, android.R.drawable.ic_media_play))
        } else {
            builder.addAction(action(ACTION_PAUSE, Chrome.PAUSE, android.R.drawable.ic_media_pause))
        }
        builder.addAction(action(ACTION_SKIP, Chrome.SKIP, android.R.drawable.ic_media_next))
        return builder.build()
    }

    private fun askPeakPain(state: SessionState) {
        val notification = Notification.Builder(this, Channels.REMINDERS)
            .setSmallIcon(android.R.drawable.ic_popup_reminder)
            .setContentTitle(state.phaseLabel)
            .setContentText(Chrome.SESSION_LOG_PEAK_PAIN)
            .setContentIntent(DeepLinks.pending(this, DeepLinks.Link(DeepLinks.Screen.SESSION)))
            .setAutoCancel(true)
            .build()
        getSystemService(NotificationManager::class.java).notify(DONE_TAG, 1, notification)
    }

    private fun action(action: String, title: String, icon: Int): Notification.Action =
        Notification.Action.Builder(
            Icon.createWithResource(this, icon),
            title,
            PendingIntent.getService(this, 0, Intent(this, GuidedSessionService::class.java).setAction(action), PendingIntent.FLAG_IMMUTABLE or PendingIntent.FLAG_UPDATE_CURRENT),
        ).build()

    private fun acquireWakeLock() {
        if (wakeLock?.isHeld == true) return
        wakeLock = getSystemService(PowerManager::class.java)
            .newWakeLock(PowerManager.PARTIAL_WAKE_LOCK, WAKE_LOCK_TAG)
            .apply { acquire(WAKE_LOCK_MAX_MS) }
    }

    private fun releaseWakeLock() {
        wakeLock?.takeIf { it.isHeld }?.release()
        wakeLock = null
    }

    companion object {
        const val ACTION_SHOW = "app.firststep.android.session.SHOW"
        const val ACTION_PAUSE = "app.firststep.android.session.PAUSE"
        const val ACTION_RESUME = "app.firststep.android.session.RESUME"
        const val ACTION_SKIP = "app.firststep.android.session.SKIP"
        const val NOTIFICATION_ID = 7
        const val DONE_TAG = "session_done"
        const val WAKE_LOCK_TAG = "FirstStep:guided-session"
        /** A safety net only: the lock is released at pause and at the end. */
        private const val WAKE_LOCK_MAX_MS = 2 * 60 * 60 * 1000L
        private const val PROGRESS_MAX = 1000

        fun intent(context: Context, action: String = ACTION_SHOW): Intent =
            Intent(context, GuidedSessionService::class.java).setAction(action)

        /** Starts (or updates) the foreground service for the running session. */
        fun show(context: Context) {
            context.startForegroundService(intent(context))
        }
    }
}
