package app.firststep.android

import android.app.AlarmManager
import android.app.Notification
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.Context
import android.content.Intent
import android.net.Uri
import android.os.Build
import app.firststep.core.Reminder
import app.firststep.core.ReminderKind
import app.firststep.kit.ReminderPlan
import app.firststep.kit.ReminderScheduler
import app.firststep.kit.ReminderSync
import org.json.JSONObject

/** How an alarm was armed: on the minute, or inexact (still allowed in Doze) without the permission. */
enum class AlarmMode { EXACT, INEXACT }

/**
 * The kit's [ReminderScheduler] on AlarmManager. One PendingIntent per reminder id (the id is in
 * the intent's data URI, so ids never share or overwrite an alarm). Exact with
 * `setExactAndAllowWhileIdle` when `canScheduleExactAlarms()`, else `setAndAllowWhileIdle` — never
 * `setWindow`, which does not fire in Doze. What was armed (the reminder and the mode) is kept in
 * [ReminderStore], so a sync keeps identical alarms and re-arms every one when the exact-alarm
 * permission changes.
 */
class AlarmReminderScheduler(
    private val context: Context,
    private val store: ReminderStore = ReminderStore(context),
) : ReminderScheduler {
    private val alarms: AlarmManager = context.getSystemService(AlarmManager::class.java)

    fun mode(): AlarmMode =
        if (Build.VERSION.SDK_INT < Build.VERSION_CODES.S || alarms.canScheduleExactAlarms()) AlarmMode.EXACT else AlarmMode.INEXACT

    override fun schedule(reminder: Reminder) {
        val operation = ReminderIntents.fire(context, reminder)
        var mode = mode()
        if (mode == AlarmMode.EXACT) {
            try {
                alarms.setExactAndAllowWhileIdle(AlarmManager.RTC_WAKEUP, reminder.fireAtMs, operation)
            } catch (revoked: SecurityException) {
                // The permission was withdrawn between the check and the call.
                mode = AlarmMode.INEXACT
            }
        }
        if (mode == AlarmMode.INEXACT) alarms.setAndAllowWhileIdle(AlarmManager.RTC_WAKEUP, reminder.fireAtMs, operation)
        store.put(reminder, mode)
    }

    override fun cancel(id: String) {
        ReminderIntents.existing(context, id)?.let { operation ->
            alarms.cancel(operation)
            operation.cancel()
        }
        store.remove(id)
    }

    override fun scheduledIds(): Set<String> = store.ids()

    /** The reminder as armed, only if it was armed in today's mode (a permission change re-arms it). */
    override fun scheduled(id: String): Reminder? = store.get(id)?.takeIf { it.second == mode() }?.first

    /** After a reboot (or an update, or a clock change) the system's alarms are gone or suspect: forget them all. */
    fun forgetAll() {
        store.ids().forEach(::cancel)
    }
}

/** The broadcasts an alarm sends: one per reminder id, to [ReminderReceiver]. */
object ReminderIntents {
    const val ACTION_FIRE = "app.firststep.android.action.REMINDER"
    const val EXTRA_ID = "id"
    const val EXTRA_KIND = "kind"
    const val EXTRA_DATE = "local_date"
    const val EXTRA_TIME = "local_time"
    const val EXTRA_FIRE_AT = "fire_at_ms"
    const val EXTRA_TITLE = "title"
    const val EXTRA_BODY = "body"

    private fun base(context: Context, id: String): Intent =
        Intent(context, ReminderReceiver::class.java)
            .setAction(ACTION_FIRE)
            .setData(Uri.Builder().scheme(DeepLinks.SCHEME).authority("reminder").appendPath(id).build())

    fun fire(context: Context, reminder: Reminder): PendingIntent =
        PendingIntent.getBroadcast(
            context,
            0,
            base(context, reminder.id)
                .putExtra(EXTRA_ID, reminder.id)
                .putExtra(EXTRA_KIND, reminder.kind.name)
                .putExtra(EXTRA_DATE, reminder.localDate)
                .putExtra(EXTRA_TIME, reminder.localTime)
                .putExtra(EXTRA_FIRE_AT, reminder.fireAtMs)
                .putExtra(EXTRA_TITLE, reminder.title)
                .putExtra(EXTRA_BODY, reminder.body),
            PendingIntent.FLAG_IMMUTABLE or PendingIntent.FLAG_UPDATE_CURRENT,
        )

    fun existing(context: Context, id: String): PendingIntent? =
        PendingIntent.getBroadcast(context, 0, base(context, id), PendingIntent.FLAG_IMMUTABLE or PendingIntent.FLAG_NO_CREATE)

    /** The reminder an alarm carried (its values as the core planned them). */
    fun reminder(intent: Intent): Reminder? {
        val id = intent.getStringExtra(EXTRA_ID) ?: return null
        val kind = intent.getStringExtra(EXTRA_KIND)?.let { name -> ReminderKind.entries.firstOrNull { it.name == name } } ?: return null
        return Reminder(
            id,
            kind,
            intent.getStringExtra(EXTRA_DATE) ?: return null,
            intent.getStringExtra(EXTRA_TIME).orEmpty(),
            intent.getLongExtra(EXTRA_FIRE_AT, 0L),
            intent.getStringExtra(EXTRA_TITLE).orEmpty(),
            intent.getStringExtra(EXTRA_BODY).orEmpty(),
        )
    }
}

/** What is armed: id → (reminder, mode), in private SharedPreferences so it survives the process. */
class ReminderStore(context: Context) {
    private val prefs = context.getSharedPreferences("armed_reminders", Context.MODE_PRIVATE)

    fun put(reminder: Reminder, mode: AlarmMode) {
        val json = JSONObject()
            .put("kind", reminder.kind.name)
            .put("date", reminder.localDate)
            .put("time", reminder.localTime)
            .put("at", reminder.fireAtMs)
            .put("title", reminder.title)
            .put("body", reminder.body)
            .put("mode", mode.name)
        prefs.edit().putString(reminder.id, json.toString()).commit()
    }

    fun get(id: String): Pair<Reminder, AlarmMode>? {
        val json = prefs.getString(id, null)?.let(::JSONObject) ?: return null
        val kind = ReminderKind.entries.firstOrNull { it.name == json.optString("kind") } ?: return null
        val mode = AlarmMode.entries.firstOrNull { it.name == json.optString("mode") } ?: return null
        return Reminder(id, kind, json.getString("date"), json.getString("time"), json.getLong("at"), json.getString("title"), json.getString("body")) to mode
    }

    fun remove(id: String) {
        prefs.edit().remove(id).commit()
    }

    fun ids(): Set<String> = prefs.all.keys.toSet()
}

/** Converges the alarms to the core's 14-day plan. */
object ReminderArming {
    /**
     * Asks the core for the reminders from now and applies the diff. [forgetArmed] first drops
     * what the store believes is armed (after a reboot the system has no alarms left).
     */
    fun sync(context: Context, forgetArmed: Boolean = false): ReminderPlan {
        val platform = context.platform()
        val scheduler = AlarmReminderScheduler(context.applicationContext)
        if (forgetArmed) scheduler.forgetAll()
        return ReminderSync.apply(platform.core.reminders(platform.clock.now()), scheduler)
    }
}

/**
 * Re-arms the reminders whenever the system may have lost or moved them: after a reboot, an app
 * update, a change of time zone or of the clock, and when the exact-alarm permission changes.
 * A session interrupted by a reboot is offered again (paused) from a notification.
 */
class RearmReceiver : AsyncReceiver() {
    override fun handle(context: Context, intent: Intent) {
        val action = intent.action ?: return
        if (action !in HANDLED) return
        // Alarms do not survive a reboot; after an update or a clock change they are re-armed anyway.
        ReminderArming.sync(context, forgetArmed = action in FORGET)
        if (action == Intent.ACTION_BOOT_COMPLETED) context.platform().sessions.announceInterrupted()
    }

    companion object {
        /** `android.app.action.SCHEDULE_EXACT_ALARM_PERMISSION_STATE_CHANGED`. */
        val EXACT_ALARM_PERMISSION_CHANGED: String = AlarmManager.ACTION_SCHEDULE_EXACT_ALARM_PERMISSION_STATE_CHANGED
        val HANDLED = setOf(
            Intent.ACTION_BOOT_COMPLETED,
            Intent.ACTION_MY_PACKAGE_REPLACED,
            Intent.ACTION_TIMEZONE_CHANGED,
            Intent.ACTION_TIME_CHANGED, // "android.intent.action.TIME_SET"
            EXACT_ALARM_PERMISSION_CHANGED,
        )
        private val FORGET = setOf(Intent.ACTION_BOOT_COMPLETED, Intent.ACTION_MY_PACKAGE_REPLACED, Intent.ACTION_TIME_CHANGED)
    }
}

/**
 * An alarm fired: shows the reminder the core planned. A morning pain reminder is skipped when
 * the core already has that morning's score; it becomes the one-tap notification otherwise.
 * Then the 14-day window is topped up.
 */
class ReminderReceiver : AsyncReceiver() {
    enum class Outcome { SHOWN, SKIPPED_LOGGED, IGNORED }

    override fun handle(context: Context, intent: Intent) {
        show(context, intent)
        ReminderArming.sync(context)
    }

    fun show(context: Context, intent: Intent): Outcome {
        if (intent.action != ReminderIntents.ACTION_FIRE) return Outcome.IGNORED
        val reminder = ReminderIntents.reminder(intent) ?: return Outcome.IGNORED
        ReminderStore(context).remove(reminder.id) // it fired; nothing is armed under this id any more
        val platform = context.platform()
        return when (reminder.kind) {
            ReminderKind.MORNING_PAIN -> {
                if (platform.core.painEntries(reminder.localDate, reminder.localDate).isNotEmpty()) {
                    Outcome.SKIPPED_LOGGED
                } else {
                    PainNotifications.ask(context, PainNotifications.Ask(reminder.localDate, reminder.title, reminder.body))
                    Outcome.SHOWN
                }
            }
            ReminderKind.SESSION, ReminderKind.REASSESSMENT -> {
                Channels.ensure(context)
                val notification = Notification.Builder(context, Channels.REMINDERS)
                    .setSmallIcon(android.R.drawable.ic_popup_reminder)
                    .setContentTitle(reminder.title)
                    .setContentText(reminder.body)
                    .setStyle(Notification.BigTextStyle().bigText(reminder.body))
                    .setCategory(Notification.CATEGORY_REMINDER)
                    .setContentIntent(DeepLinks.pending(context, DeepLinks.forReminder(reminder.kind, reminder.localDate)))
                    .setAutoCancel(true)
                    .build()
                context.getSystemService(NotificationManager::class.java).notify(reminder.id, NOTIFICATION_ID, notification)
                Outcome.SHOWN
            }
        }
    }

    companion object {
        /** Notifications are told apart by tag (the reminder id); the id is constant. */
        const val NOTIFICATION_ID = 1
    }
}
