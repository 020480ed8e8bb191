package app.firststep.android

import android.Manifest
import android.app.AlarmManager
import android.app.NotificationManager
import android.content.Context
import android.content.Intent
import android.content.pm.PackageManager
import android.net.Uri
import android.os.Build
import android.os.PowerManager
import android.provider.Settings

/**
 * "Will my reminders fire?" for the settings screen: notification permission, exact alarms and
 * battery optimisation, each with its state and the system screen that fixes it.
 */
object ReminderHealth {
    enum class Check { NOTIFICATIONS, EXACT_ALARMS, BATTERY }

    data class Item(
        val check: Check,
        val label: String,
        val ok: Boolean,
        val state: String,
        /** Opens the system screen that changes it (shown as a button while not [ok]). */
        val fix: Intent,
        val fixLabel: String = Chrome.HEALTH_FIX,
    )

    fun check(context: Context): List<Item> = listOf(notifications(context), exactAlarms(context), battery(context))

    fun notifications(context: Context): Item {
        val nm = context.getSystemService(NotificationManager::class.java)
        val permitted = Build.VERSION.SDK_INT < Build.VERSION_CODES.TIRAMISU ||
            context.checkSelfPermission(Manifest.permission.POST_NOTIFICATIONS) == PackageManager.PERMISSION_GRANTED
        val morningBlocked = nm.getNotificationChannel(Channels.MORNING)?.importance == NotificationManager.IMPORTANCE_NONE
        val ok = permitted && nm.areNotificationsEnabled() && !morningBlocked
        return Item(
            Check.NOTIFICATIONS,
            Chrome.HEALTH_NOTIFICATIONS,
            ok,
            if (ok) Chrome.HEALTH_ALLOWED else Chrome.HEALTH_BLOCKED,
            Intent(Settings.ACTION_APP_NOTIFICATION_SETTINGS).putExtra(Settings.EXTRA_APP_PACKAGE, context.packageName).addFlags(Intent.FLAG_ACTIVITY_NEW_TASK),
        )
    }

    fun exactAlarms(context: Context): Item {
        val ok = Build.VERSION.SDK_INT < Build.VERSION_CODES.S || context.getSystemService(AlarmManager::class.java).canScheduleExactAlarms()
        return Item(
            Check.EXACT_ALARMS,
            Chrome.HEALTH_EXACT_ALARMS,
            ok,
            if (ok) Chrome.HEALTH_ALLOWED else Chrome.HEALTH_INEXACT,
            Intent(Settings.ACTION_REQUEST_SCHEDULE_EXACT_ALARM, Uri.parse("package:${context.packageName}")).addFlags(Intent.FLAG_ACTIVITY_NEW_TASK),
        )
    }

    fun battery(context: Context): Item {
        val ok = context.getSystemService(PowerManager::class.java).isIgnoringBatteryOptimizations(context.packageName)
        return Item(
            Check.BATTERY,
            Chrome.HEALTH_BATTERY,
            ok,
            if (ok) Chrome.HEALTH_UNRESTRICTED else Chrome.HEALTH_OPTIMISED,
            // The list screen (no REQUEST_IGNORE_BATTERY_OPTIMIZATIONS permission, which store policy restricts).
            Intent(Settings.ACTION_IGNORE_BATTERY_OPTIMIZATION_SETTINGS).addFlags(Intent.FLAG_ACTIVITY_NEW_TASK),
        )
    }
}

/**
 * When to ask for POST_NOTIFICATIONS (Android 13+): once the runner has a program (the reminders
 * then have a purpose), not at first launch, and only once by this prompt.
 */
object NotificationPermission {
    private const val PREFS = "notification_permission"
    private const val ASKED = "asked"

    fun shouldAsk(context: Context, hasProgram: Boolean): Boolean =
        Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU &&
            hasProgram &&
            context.checkSelfPermission(Manifest.permission.POST_NOTIFICATIONS) != PackageManager.PERMISSION_GRANTED &&
            !context.getSharedPreferences(PREFS, Context.MODE_PRIVATE).getBoolean(ASKED, false)

    fun markAsked(context: Context) {
        context.getSharedPreferences(PREFS, Context.MODE_PRIVATE).edit().putBoolean(ASKED, true).apply()
    }
}
