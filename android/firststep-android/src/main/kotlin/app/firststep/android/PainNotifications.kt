package app.firststep.android

import android.app.Notification
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.Context
import android.content.Intent
import android.graphics.drawable.Icon
import android.net.Uri
import android.widget.RemoteViews
import app.firststep.core.FirstStepException

/**
 * Resource ids of the one-tap layouts (res/layout/notification_pain*.xml): a compact row and an
 * expanded two-row grid, each with one button per score of the 0–10 scale.
 */
data class PainLayout(
    val compact: Int,
    val expanded: Int,
    /** Button ids, index = score. */
    val scoreButtons: List<Int>,
) {
    init {
        require(scoreButtons.size == PainNotifications.SCORES.count()) { "one button per score ${PainNotifications.SCORES}" }
    }

    companion object {
        /** Resolves the ids by name from the app's resources (the Maven build has no R class). */
        fun fromResources(context: Context): PainLayout {
            val res = context.resources
            val pkg = context.packageName
            return PainLayout(
                compact = res.getIdentifier("notification_pain", "layout", pkg),
                expanded = res.getIdentifier("notification_pain_expanded", "layout", pkg),
                scoreButtons = PainNotifications.SCORES.map { res.getIdentifier("pain_$it", "id", pkg) },
            )
        }
    }
}

/**
 * The morning notification: the core's reminder title and body above the scores; a tap logs that
 * score for the reminder's date through [PainTapReceiver] without opening the app, then the
 * notification says "Logged N" with an undo for that day. A refusal shows the core's message.
 */
object PainNotifications {
    /** The product's first-step pain scale (the core validates every score). */
    val SCORES = 0..10

    const val ACTION_LOG = "app.firststep.android.action.LOG_PAIN"
    const val ACTION_UNDO = "app.firststep.android.action.UNDO_PAIN"
    const val EXTRA_DATE = "date"
    const val EXTRA_SCORE = "score"
    const val EXTRA_TITLE = "title"
    const val EXTRA_BODY = "body"
    const val NOTIFICATION_ID = 1

    /** The question for one morning, as the core worded it. */
    data class Ask(val date: String, val title: String, val body: String)

    fun tag(date: String) = "morning_pain:$date"

    /** Shows the score grid for [ask] (optionally with a [message] above it, e.g. after an undo was refused). */
    fun ask(context: Context, ask: Ask, message: String? = null): Notification {
        val layout = context.platform().painLayout
        val compact = grid(context, layout.compact, layout, ask)
        val expanded = grid(context, layout.expanded, layout, ask)
        val text = message ?: ask.body
        val notification = builder(context, ask)
            .setContentText(text)
            .setStyle(Notification.DecoratedCustomViewStyle())
            .setCustomContentView(compact)
            .setCustomBigContentView(expanded)
            .setCategory(Notification.CATEGORY_REMINDER)
            .build()
        post(context, ask.date, notification)
        return notification
    }

    /** "Logged N" with an undo for that day. */
    fun logged(context: Context, ask: Ask, score: Int): Notification {
        val notification = builder(context, ask)
            .setContentText(Chrome.logged(score))
            .addAction(Notification.Action.Builder(Icon.createWithResource(context, android.R.drawable.ic_menu_revert), Chrome.UNDO, undoIntent(context, ask)).build())
            .setTimeoutAfter(LOGGED_VISIBLE_MS)
            .build()
        post(context, ask.date, notification)
        return notification
    }

    /** The core refused the tap: its message is shown, never dropped; the notification opens the pain screen for that day. */
    fun refused(context: Context, ask: Ask, message: String): Notification {
        val notification = builder(context, ask)
            .setSubText(Chrome.NOT_LOGGED)
            .setContentText(message)
            .setStyle(Notification.BigTextStyle().bigText(message))
            .build()
        post(context, ask.date, notification)
        return notification
    }

    /** The broadcast one score button sends: unique per (date, score). */
    fun scoreIntent(context: Context, ask: Ask, score: Int): PendingIntent =
        broadcast(context, ACTION_LOG, ask, "$score").let { intent ->
            PendingIntent.getBroadcast(context, 0, intent.putExtra(EXTRA_SCORE, score), PendingIntent.FLAG_IMMUTABLE or PendingIntent.FLAG_UPDATE_CURRENT)
        }

    fun undoIntent(context: Context, ask: Ask): PendingIntent =
        PendingIntent.getBroadcast(context, 0, broadcast(context, ACTION_UNDO, ask, "undo"), PendingIntent.FLAG_IMMUTABLE or PendingIntent.FLAG_UPDATE_CURRENT)

    fun ask(intent: Intent): Ask? {
        val date = intent.getStringExtra(EXTRA_DATE) ?: return null
        return Ask(date, intent.getStringExtra(EXTRA_TITLE).orEmpty(), intent.getStringExtra(EXTRA_BODY).orEmpty())
    }

    private fun broadcast(context: Context, action: String, ask: Ask, leaf: String): Intent =
        Intent(context, PainTapReceiver::class.java)
            .setAction(action)
            .setData(Uri.Builder().scheme(DeepLinks.SCHEME).authority("pain").appendPath(ask.date).appendPath(leaf).build())
            .putExtra(EXTRA_DATE, ask.date)
            .putExtra(EXTRA_TITLE, ask.title)
            .putExtra(EXTRA_BODY, ask.body)

    private fun grid(context: Context, layoutId: Int, layout: PainLayout, ask: Ask): RemoteViews =
        RemoteViews(context.packageName, layoutId).apply {
            layout.scoreButtons.forEachIndexed { score, viewId -> setOnClickPendingIntent(viewId, scoreIntent(context, ask, score)) }
        }

    private fun builder(context: Context, ask: Ask): Notification.Builder {
        Channels.ensure(context)
        return Notification.Builder(context, Channels.MORNING)
            .setSmallIcon(android.R.drawable.ic_popup_reminder)
            .setContentTitle(ask.title)
            .setContentIntent(DeepLinks.pending(context, DeepLinks.Link(DeepLinks.Screen.PAIN, ask.date)))
            .setOnlyAlertOnce(true)
            .setAutoCancel(true)
    }

    private fun post(context: Context, date: String, notification: Notification) =
        context.getSystemService(NotificationManager::class.java).notify(tag(date), NOTIFICATION_ID, notification)

    /** "Logged N" stays long enough to undo a slip of the thumb, then goes away by itself. */
    private const val LOGGED_VISIBLE_MS = 10 * 60 * 1000L
}

/**
 * The score buttons and the undo of the morning notification: writes through the core for the
 * reminder's date (so a tap after midnight logs the morning it asked about, or shows the core's
 * refusal), then re-arms the reminders.
 */
class PainTapReceiver : AsyncReceiver() {
    sealed interface Outcome {
        data class Logged(val date: String, val score: Int) : Outcome
        data class Undone(val date: String, val restoredScore: Int?) : Outcome
        data class Refused(val date: String, val message: String) : Outcome
        data object Ignored : Outcome
    }

    override fun handle(context: Context, intent: Intent) {
        apply(context, intent)
    }

    fun apply(context: Context, intent: Intent): Outcome {
        val ask = PainNotifications.ask(intent) ?: return Outcome.Ignored
        val platform = context.platform()
        val outcome = when (intent.action) {
            PainNotifications.ACTION_LOG -> {
                val score = intent.getIntExtra(PainNotifications.EXTRA_SCORE, -1)
                try {
                    val log = platform.core.logPain(platform.clock.now(), ask.date, score.toLong(), null, null)
                    PainNotifications.logged(context, ask, log.entry.score.toInt())
                    Outcome.Logged(log.entry.date, log.entry.score.toInt())
                } catch (e: FirstStepException) {
                    val message = e.coreMessage
                    PainNotifications.refused(context, ask, message)
                    Outcome.Refused(ask.date, message)
                }
            }
            PainNotifications.ACTION_UNDO -> try {
                val restored = platform.painUndo.undoPain(ask.date, platform.clock.now())
                // An undone edit brings the earlier score back (still undoable); otherwise the question returns.
                if (restored != null) PainNotifications.logged(context, ask, restored.score.toInt()) else PainNotifications.ask(context, ask)
                Outcome.Undone(ask.date, restored?.score?.toInt())
            } catch (e: FirstStepException) {
                val message = e.coreMessage
                PainNotifications.ask(context, ask, message)
                Outcome.Refused(ask.date, message)
            }
            else -> return Outcome.Ignored
        }
        // The plan changed (a logged morning needs no reminder; an undone one does).
        try {
            ReminderArming.sync(context)
        } catch (e: FirstStepException) {
            android.util.Log.w("PainTapReceiver", "re-arming reminders failed", e)
        }
        return outcome
    }
}
