package app.firststep.kit

import app.firststep.core.Cue
import app.firststep.core.FirstStep
import app.firststep.core.Moment
import app.firststep.core.Reminder
import java.nio.file.Files
import java.nio.file.Path
import java.time.LocalDate
import java.time.ZoneOffset

/** `date` at 08:00 UTC in zone "UTC" (the scenario replay's morning). */
fun morning(date: String): Moment =
    Moment(LocalDate.parse(date).atTime(8, 0).toInstant(ZoneOffset.UTC).toEpochMilli(), "UTC")

/** A clock the test moves by hand. */
class FixedClock(var moment: Moment) : Clock {
    constructor(date: String) : this(morning(date))
    override fun now(): Moment = moment
}

/** A fresh journal in its own temp directory. */
fun tempDatabase(): Path = Files.createTempDirectory("firststep-kt").resolve("journal.db")

fun openTempCore(): FirstStep = FirstStep.open(tempDatabase().toString())

/** A complete assessment: left heel, pain 4, wobbly left balance → stretch, calf ladder L1, balance. */
fun answersJson(date: String, firstStepPain: Int = 4): String = """
    {"date": "$date", "affected_side": "left", "weeks_since_onset": 6, "first_step_pain": $firstStepPain,
     "red_flags": [], "knee_to_wall_cm": {"left": 12.0, "right": 12.5},
     "heel_raise_reps": {"left": 24, "right": 25}, "toe_grip": {"left": "pass", "right": "pass"},
     "arch_control": {"left": "pass", "right": "pass"}, "single_leg_squat": {"left": "good", "right": "good"},
     "balance_seconds": {"left": 20, "right": 40}}
""".trimIndent()

/** Records what the ticker forwarded. */
class RecordingCuePlayer : CuePlayer {
    val shown = mutableListOf<Cue>()
    val played = mutableListOf<Cue>()
    override fun show(cue: Cue) { shown += cue }
    override fun play(cue: Cue) { played += cue }
}

class MemorySnapshotStore : SnapshotStore {
    var snapshot: String? = null
    var saves = 0
    override suspend fun save(snapshot: String) { this.snapshot = snapshot; saves++ }
    override suspend fun load(): String? = snapshot
    override suspend fun clear() { snapshot = null }
}

/** An in-memory platform scheduler that remembers what it scheduled. */
class FakeReminderScheduler(initial: List<Reminder> = emptyList()) : ReminderScheduler {
    val pending = initial.associateBy { it.id }.toMutableMap()
    val calls = mutableListOf<String>()
    override fun schedule(reminder: Reminder) { pending[reminder.id] = reminder; calls += "schedule ${reminder.id}" }
    override fun cancel(id: String) { pending.remove(id); calls += "cancel $id" }
    override fun scheduledIds(): Set<String> = pending.keys.toSet()
    override fun scheduled(id: String): Reminder? = pending[id]
}
