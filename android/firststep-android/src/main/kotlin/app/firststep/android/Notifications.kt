package app.firststep.android

import android.app.NotificationChannel
import android.app.NotificationManager
import android.content.Context

/** Notification channels, created at app start and before every post (creating is idempotent). */
object Channels {
    const val MORNING = "morning_pain"
    const val REMINDERS = "reminders"
    const val SESSION = "guided_session"

    fun ensure(context: Context) {
        val nm = context.getSystemService(NotificationManager::class.java)
        nm.createNotificationChannels(
            listOf(
                // The one-tap check must be seen on the lock screen before getting up.
                NotificationChannel(MORNING, Chrome.CHANNEL_MORNING, NotificationManager.IMPORTANCE_HIGH),
                NotificationChannel(REMINDERS, Chrome.CHANNEL_REMINDERS, NotificationManager.IMPORTANCE_DEFAULT),
                // Silent: the session's cues play through audio focus, the notification only shows the step.
                NotificationChannel(SESSION, Chrome.CHANNEL_SESSION, NotificationManager.IMPORTANCE_LOW),
            ),
        )
    }
}
