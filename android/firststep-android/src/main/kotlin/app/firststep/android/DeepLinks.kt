package app.firststep.android

import android.app.PendingIntent
import android.content.Context
import android.content.Intent
import android.net.Uri
import app.firststep.core.ReminderKind

/**
 * Links from notifications to a screen of the app: `firststep://app/<screen>[?date=YYYY-MM-DD]`,
 * sent explicitly to the main activity, which routes with [parse].
 */
object DeepLinks {
    const val MAIN_ACTIVITY = "app.firststep.android.MainActivity"
    const val SCHEME = "firststep"
    private const val HOST = "app"

    enum class Screen(val path: String) { HOME("home"), PAIN("pain"), SESSION("session"), ASSESSMENT("assessment"), SETTINGS("settings") }

    data class Link(val screen: Screen, val date: String? = null)

    fun uri(link: Link): Uri = Uri.Builder().scheme(SCHEME).authority(HOST).appendPath(link.screen.path).apply {
        link.date?.let { appendQueryParameter("date", it) }
    }.build()

    fun parse(uri: Uri?): Link? {
        if (uri == null || uri.scheme != SCHEME || uri.authority != HOST) return null
        val screen = Screen.entries.firstOrNull { it.path == uri.pathSegments.firstOrNull() } ?: return null
        return Link(screen, uri.getQueryParameter("date"))
    }

    fun forReminder(kind: ReminderKind, date: String): Link = when (kind) {
        ReminderKind.MORNING_PAIN -> Link(Screen.PAIN, date)
        ReminderKind.SESSION -> Link(Screen.SESSION, date)
        ReminderKind.REASSESSMENT -> Link(Screen.ASSESSMENT, date)
    }

    fun intent(context: Context, link: Link): Intent =
        Intent(Intent.ACTION_VIEW, uri(link))
            .setClassName(context.packageName, context.platform().mainActivity)
            .addFlags(Intent.FLAG_ACTIVITY_NEW_TASK or Intent.FLAG_ACTIVITY_CLEAR_TOP or Intent.FLAG_ACTIVITY_SINGLE_TOP)

    /** One PendingIntent per link (the data URI differs), so links to different days never overwrite each other. */
    fun pending(context: Context, link: Link): PendingIntent =
        PendingIntent.getActivity(context, 0, intent(context, link), PendingIntent.FLAG_IMMUTABLE or PendingIntent.FLAG_UPDATE_CURRENT)
}
