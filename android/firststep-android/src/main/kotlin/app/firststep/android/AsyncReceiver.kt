package app.firststep.android

import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import android.util.Log

/**
 * A receiver whose work touches the journal: [goAsync] keeps the broadcast alive while [handle]
 * runs on the platform's background executor, then finishes it. Exceptions are logged, never
 * thrown into the system (a crashing receiver would lose the next broadcasts too).
 */
abstract class AsyncReceiver : BroadcastReceiver() {
    final override fun onReceive(context: Context, intent: Intent) {
        val pending: PendingResult? = goAsync()
        val app = context.applicationContext
        app.platform().background.execute {
            try {
                handle(app, intent)
            } catch (e: Exception) {
                Log.w(javaClass.simpleName, "${intent.action} failed", e)
            } finally {
                pending?.finish()
            }
        }
    }

    /** Runs off the main thread with the broadcast kept alive. */
    abstract fun handle(context: Context, intent: Intent)
}
