package app.firststep.ui

import androidx.compose.ui.graphics.toArgb
import androidx.compose.ui.graphics.toPixelMap
import androidx.compose.ui.test.SemanticsNodeInteraction
import androidx.compose.ui.test.captureToImage
import androidx.compose.ui.test.junit4.ComposeContentTestRule
import androidx.compose.ui.test.onAllNodesWithTag
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performTextReplacement
import app.firststep.kit.AppGraph
import app.firststep.kit.Route
import app.firststep.core.Cue
import app.firststep.core.FirstStep
import app.firststep.core.Moment
import app.firststep.kit.Clock
import app.firststep.kit.CuePlayer
import app.firststep.kit.FilePicker
import app.firststep.kit.FirstStepRepository
import app.firststep.kit.InMemoryPreferenceStore
import app.firststep.kit.ShellPreferences
import app.firststep.kit.MonotonicClock
import app.firststep.kit.SnapshotStore
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.runBlocking
import java.io.File
import java.nio.file.Files
import java.time.LocalDate
import java.time.ZoneOffset

/** `date` at 08:00 UTC in zone "UTC". */
fun morning(date: String): Moment = Moment(LocalDate.parse(date).atTime(8, 0).toInstant(ZoneOffset.UTC).toEpochMilli(), "UTC")

/** A wall clock the test moves by hand. */
class FixedClock(var moment: Moment) : Clock {
    constructor(date: String) : this(morning(date))
    override fun now(): Moment = moment
}

/** A monotonic clock the test moves by hand (the session's time line). */
class ManualClock(@Volatile var ms: Long = 1_000_000) : MonotonicClock {
    override fun nowMs(): Long = ms
}

/** The fake cue player: records every cue shown and played. */
class RecordingCues : CuePlayer {
    val shown = java.util.Collections.synchronizedList(mutableListOf<Cue>())
    val played = java.util.Collections.synchronizedList(mutableListOf<Cue>())
    override fun show(cue: Cue) { shown += cue }
    override fun play(cue: Cue) { played += cue }
}

class MemorySnapshots : SnapshotStore {
    @Volatile var snapshot: String? = null
    override suspend fun save(snapshot: String) { this.snapshot = snapshot }
    override suspend fun load(): String? = snapshot
    override suspend fun clear() { snapshot = null }
}

/** Files in a temp folder: saves land there; [toOpen] is what the "open" dialog returns. */
class TempFiles(val dir: File = Files.createTempDirectory("firststep-files").toFile()) : FilePicker {
    var toOpen: String? = null
    override suspend fun save(suggestedName: String, content: String): String = File(dir, suggestedName).also { it.writeText(content) }.path
    override suspend fun open(): String? = toOpen
}

const val TODAY = "2026-03-02"

fun tempDb(): File = Files.createTempDirectory("firststep-ui").resolve("journal.db").toFile()

/** A complete valid assessment (left heel): stretch, the calf ladder and balance work. */
fun answersJson(date: String, pain: Int = 5): String = """
    {"date": "$date", "affected_side": "left", "weeks_since_onset": 6, "first_step_pain": $pain,
     "red_flags": [], "knee_to_wall_cm": {"left": 12.0, "right": 12.5},
     "heel_raise_reps": {"left": 24, "right": 25}, "toe_grip": {"left": "pass", "right": "pass"},
     "arch_control": {"left": "pass", "right": "pass"}, "single_leg_squat": {"left": "good", "right": "good"},
     "balance_seconds": {"left": 20, "right": 40}}
""".trimIndent()

/**
 * A journal with a program from [weeks] weeks before [end] and daily morning pain falling slowly,
 * except the days in [missing] (offsets from the start); sessions most days, a run every third day.
 */
/**
 * [spikeWeek]: in that week (0 = the first) the runner runs 10 km on six days (a jump in load);
 * [flareDay]: that morning's pain is 8 (a flare).
 */
fun seedJournal(
    path: File,
    end: String = TODAY,
    weeks: Int = 8,
    missing: Set<Int> = setOf(10, 11, 30),
    logToday: Boolean = false,
    spikeWeek: Int? = null,
    flareDay: Int? = null,
) {
    val endDay = LocalDate.parse(end)
    val start = endDay.minusDays(weeks * 7L - 1)
    FirstStep.open(path.path).use { core ->
        core.submitAssessmentJson(morning(start.toString()), answersJson(start.toString(), 6))
        var day = start
        var i = 0
        while (day.isBefore(endDay) || (logToday && day == endDay)) {
            val now = morning(day.toString())
            val score = if (i == flareDay) 8 else (6 - i / 14).coerceAtLeast(1)
            if (i !in missing) core.logPain(now, null, score.toLong(), if (i % 2 == 0) 10 else null, null)
            // Every exercise of the day's plan, most days (the rules then move levels: markers, decisions).
            if (day != endDay && i % 5 != 4) {
                for (e in core.planFor(day.toString()).exercises) {
                    core.logSession(now, null, e.exerciseId, e.sets.toLong(), e.reps?.toLong(), if (e.reps == null) e.holdSeconds?.toLong() else null, 1, true)
                }
            }
            if (spikeWeek != null && i / 7 == spikeWeek) {
                if (i % 7 != 6) core.logRun(now, null, 10.0, 60.0, 3, 3, null, null)
            } else if (i % 3 == 0 && day != endDay) core.logRun(now, null, 4.0 + (i % 4), 30.0, 2, 2, null, null)
            day = day.plusDays(1)
            i++
        }
    }
}

/** The app on a journal file with hand-moved clocks, recorded cues and temp files. */
class TestApp(
    val db: File = tempDb(),
    val clock: FixedClock = FixedClock(TODAY),
    val monotonic: ManualClock = ManualClock(),
    val cues: RecordingCues = RecordingCues(),
    val files: TempFiles = TempFiles(),
    tickMs: Long = 20,
    val preferences: ShellPreferences = ShellPreferences(InMemoryPreferenceStore()),
) : AutoCloseable {
    val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default)
    val repository: FirstStepRepository = runBlocking { FirstStepRepository.open(db.path, clock) }
    val snapshots = MemorySnapshots()
    val graph = AppGraph(repository, scope, monotonic, cues, snapshots, files, tickMs, preferences = preferences)

    /** Reads the journal through a second, independent handle (what a restarted app would see). */
    fun <T> reopen(block: (FirstStep) -> T): T = FirstStep.open(db.path).use(block)

    override fun close() {
        graph.session.close()
        scope.cancel()
        repository.close()
    }
}

fun ComposeContentTestRule.waitForTag(tag: String, timeoutMs: Long = 10_000) =
    waitUntil(timeoutMs) { onAllNodesWithTag(tag, useUnmergedTree = true).fetchSemanticsNodes().isNotEmpty() }

fun ComposeContentTestRule.tap(tag: String) {
    waitForTag(tag)
    val node = onNodeWithTag(tag)
    try { node.performScrollTo() } catch (_: AssertionError) { /* not in a scrolling column (tab bar, top bar) */ }
    node.performClick()
}

fun ComposeContentTestRule.type(tag: String, text: String) {
    waitForTag(tag)
    onNodeWithTag(tag).performScrollTo().performTextReplacement(text)
}

fun SemanticsNodeInteraction.text(): String =
    fetchSemanticsNode().config.getOrElse(androidx.compose.ui.semantics.SemanticsProperties.Text) { emptyList() }.joinToString("") { it.text }

/** The session figure's pixels inside the circle inscribed in its box (outside it: 0, the ring's area). */
fun ComposeContentTestRule.figurePixelsInsideRing(): IntArray {
    waitForIdle()
    val map = onNodeWithTag("exercise-figure").captureToImage().toPixelMap()
    val r = minOf(map.width, map.height) / 2.0
    return IntArray(map.width * map.height) { i ->
        val x = i % map.width
        val y = i / map.width
        if (Math.hypot(x + 0.5 - map.width / 2.0, y + 0.5 - map.height / 2.0) < r) map[x, y].toArgb() else 0
    }
}
