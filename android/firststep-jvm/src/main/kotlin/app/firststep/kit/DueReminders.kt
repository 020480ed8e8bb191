package app.firststep.kit

import app.firststep.core.Reminder

/**
 * Reminders for an app that is open (the desktop app has no background daemon): the core plans
 * them as values; this picks the ones whose time has come since the last look, each once.
 * The plan is re-read from the core on every look, so a reminder the runner made moot (pain
 * already logged) is not in it any more and is never shown.
 */
class DueReminders(private var lastLookMs: Long) {
    private val shown = mutableSetOf<String>()
    private var planned: List<Reminder> = emptyList()

    /** Replaces the plan (the core's `reminders(now)`, which lists only reminders still to come). */
    fun plan(reminders: List<Reminder>) {
        planned = reminders
    }

    /** Reminders of the plan due in (last look, [nowMs]], oldest first; each is returned once. */
    fun due(nowMs: Long): List<Reminder> {
        val due = planned.filter { it.fireAtMs in (lastLookMs + 1)..nowMs && it.id !in shown }.sortedBy { it.fireAtMs }
        shown += due.map { it.id }
        lastLookMs = maxOf(lastLookMs, nowMs)
        return due
    }

    /** The next reminder still to come after [nowMs], for the home screen. */
    fun next(nowMs: Long): Reminder? = planned.filter { it.fireAtMs > nowMs }.minByOrNull { it.fireAtMs }
}
