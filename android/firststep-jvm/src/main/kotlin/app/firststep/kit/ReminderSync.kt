package app.firststep.kit

import app.firststep.core.Reminder

/**
 * The port the Android app implements with AlarmManager + notifications (iOS: UNUserNotificationCenter).
 * Ids are the core's stable reminder ids, e.g. "morning_pain:2026-11-24".
 */
interface ReminderScheduler {
    /** Schedules [reminder], replacing a pending one with the same id. */
    fun schedule(reminder: Reminder)

    fun cancel(id: String)

    /** Ids of the reminders currently pending. */
    fun scheduledIds(): Set<String>

    /**
     * The reminder as it was scheduled, if the platform kept it (to detect a changed time or text).
     * Unknown (null) means "reschedule to be safe".
     */
    fun scheduled(id: String): Reminder? = null
}

/** What a sync did: ids cancelled, reminders (re)scheduled, ids left as they were. */
data class ReminderPlan(
    val cancel: List<String>,
    val schedule: List<Reminder>,
    val keep: List<String>,
)

/**
 * Diffs the core's reminders against what the platform has pending. The core is the source of
 * truth; the shell only converges to it: cancel what disappeared (pain already logged, reminders
 * disabled), schedule what is new or changed (a new time, a new zone), keep what is identical.
 */
object ReminderSync {
    /** The diff alone (pure). [scheduled] returns what was scheduled under an id, or null if unknown. */
    fun plan(desired: List<Reminder>, scheduledIds: Set<String>, scheduled: (String) -> Reminder? = { null }): ReminderPlan {
        val wanted = desired.associateBy { it.id }
        val cancel = scheduledIds.filter { it !in wanted }.sorted()
        val keep = mutableListOf<String>()
        val schedule = mutableListOf<Reminder>()
        for (reminder in wanted.values) {
            if (reminder.id in scheduledIds && scheduled(reminder.id) == reminder) keep += reminder.id else schedule += reminder
        }
        return ReminderPlan(cancel, schedule.sortedBy { it.fireAtMs }, keep.sorted())
    }

    /** Applies the diff to [scheduler]: cancellations first, so a full platform queue has room. */
    fun apply(desired: List<Reminder>, scheduler: ReminderScheduler): ReminderPlan {
        val plan = plan(desired, scheduler.scheduledIds(), scheduler::scheduled)
        plan.cancel.forEach(scheduler::cancel)
        plan.schedule.forEach(scheduler::schedule)
        return plan
    }
}
