package app.firststep.android

/**
 * Every user-visible string the Android platform layer adds: chrome only (labels, buttons, channel
 * names). Reminder titles and bodies, exercise names, phase labels, cue texts and every refusal
 * message come from the core's values; no rule, threshold or advice is worded here.
 * (In the Gradle app these could move to res/values/strings.xml for translation; they are kept in
 * code so the Maven/Robolectric build, which has no resource compiler, uses the same text.)
 */
object Chrome {
    const val CHANNEL_MORNING = "Morning pain check"
    const val CHANNEL_REMINDERS = "Reminders"
    const val CHANNEL_SESSION = "Guided session"

    fun logged(score: Int): String = "Logged $score"
    const val UNDO = "Undo"
    const val NOT_LOGGED = "Not logged"

    const val PAUSE = "Pause"
    const val RESUME = "Resume"
    const val SKIP = "Skip"
    const val PAUSED = "Paused"
    const val SESSION_STARTING = "Starting your session"
    const val SESSION_PAUSED_AFTER_RESTART = "Paused while your phone restarted. Tap to continue."
    const val SESSION_LOG_PEAK_PAIN = "Tap to log the peak pain and save the session."

    fun setOf(set: Int, count: Int): String = "Set $set of $count"
    fun repOf(rep: Int, count: Int): String = "rep $rep of $count"

    const val HEALTH_NOTIFICATIONS = "Notifications"
    const val HEALTH_EXACT_ALARMS = "Reminders on the minute"
    const val HEALTH_BATTERY = "Battery optimisation"
    const val HEALTH_ALLOWED = "Allowed"
    const val HEALTH_BLOCKED = "Blocked"
    const val HEALTH_INEXACT = "Not allowed: reminders may come a few minutes late"
    const val HEALTH_OPTIMISED = "On: the phone may delay reminders"
    const val HEALTH_UNRESTRICTED = "Off for FirstStep"
    const val HEALTH_FIX = "Open settings"
}
