package app.firststep.kit

import app.firststep.core.DecisionAction
import app.firststep.core.Effort
import app.firststep.core.PsfsRating
import app.firststep.core.ReturnToRunAnswers
import app.firststep.core.FirstStep
import app.firststep.core.JournalChange
import app.firststep.core.SessionRecord
import app.firststep.core.StartRoute
import app.firststep.core.screensToRefresh
import org.json.JSONArray
import org.json.JSONObject
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory
import java.io.File

/**
 * Replays every scenario file (tests/scenarios, one JSON per runner) through the real core, exactly as docs/clinical-rules.md
 * describes, and checks Kotlin sees the same assessment, decisions and running advice as Rust.
 */
class ScenarioParityTest {
    private val dir = File(System.getProperty("firststep.scenarios.dir") ?: "../../tests/scenarios")

    @TestFactory
    fun scenarios(): List<DynamicTest> {
        val files = dir.listFiles { f -> f.name.endsWith(".json") }?.sortedBy { it.name }.orEmpty()
        check(files.isNotEmpty()) { "no scenario files in ${dir.absolutePath}" }
        return files.map { file -> DynamicTest.dynamicTest(file.nameWithoutExtension) { replay(JSONObject(file.readText())) } }
    }

    private fun replay(scenario: JSONObject) {
        val name = scenario.getString("name")
        FirstStep.open(tempDatabase().toString()).use { core ->
            val answers = scenario.getJSONObject("answers")
            // Where a fresh journal opens (issue 26): the core's route, never the shell's guess.
            scenario.optJSONObject("expect_home_before_assessment")?.let { before ->
                assertEquals(before.getString("start_route"), core.home(morning(answers.getString("date"))).startRoute.routeName(), "$name: start route before assessment")
            }
            val result = core.submitAssessmentJson(morning(answers.getString("date")), answers.toString())

            val expected = scenario.getJSONObject("expect_assessment")
            assertEquals(expected.getString("red_flag_level"), result.safety.level.snake(), "$name: red-flag level")
            assertEquals(
                expected.getJSONArray("findings").objects().map { Triple(it.getString("domain"), it.getString("side"), it.getString("severity")) }.toSet(),
                result.findings.map { Triple(it.domain.snake(), it.side.snake(), it.severity.snake()) }.toSet(),
                "$name: findings",
            )
            if (expected.isNull("program")) {
                assertNull(result.program, "$name: no program expected")
            } else {
                assertEquals(
                    expected.getJSONArray("program").objects().map { it.getString("id") to it.getInt("level") }.toSet(),
                    result.program?.exercises?.map { it.exerciseId to it.level.toInt() }?.toSet(),
                    "$name: program",
                )
            }

            // PSFS (rule M2): the activities are named on the assessment date, in the file's order.
            val start = answers.getString("date")
            val psfsNames = scenario.optJSONArray("psfs_activities")?.let { a -> (0 until a.length()).map { a.getString(it) } }.orEmpty()
            val psfsIds = if (psfsNames.isEmpty()) emptyList() else core.setPsfsActivities(morning(start), psfsNames).map { it.id }

            val days = scenario.optJSONArray("days")?.objects().orEmpty()
            for (day in days) {
                val date = day.getString("date")
                val moment = morning(date)
                day.longOrNull("pain")?.let { pain ->
                    val log = core.logPain(moment, null, pain, null, null)
                    // What the confirmation announces (issue 26): level changes and load added, never a hold.
                    day.optJSONArray("expect_announcements")?.let { want ->
                        assertEquals(
                            (0 until want.length()).map { want.getString(it) },
                            log.announcements.map { "${it.exerciseId} ${it.action.snake()} ${it.fromLevel}->${it.toLevel}" },
                            "$name: $date announcements",
                        )
                        assertEquals(listOfNotNull(log.flare?.text) + log.announcements.map { it.text }, log.messageLines, "$name: $date message lines")
                    }
                }
                // Whether the session asks how the load felt (issue 26): a present null means no question.
                if (day.has("expect_effort_question")) {
                    val records = day.optJSONArray("sessions")?.objects().orEmpty().map { s ->
                        SessionRecord(
                            date = date, exerciseId = s.getString("exercise_id"), level = 0u, setsDone = s.optLong("sets_done", 0).toUInt(),
                            repsDone = s.longOrNull("reps_done")?.toUInt(), holdSecondsDone = s.longOrNull("hold_seconds_done")?.toUInt(),
                            peakPain = s.optLong("peak_pain", 0).toUByte(), completed = s.optBoolean("completed", false), skippedSteps = 0u,
                            effort = null, repsInReserve = null,
                        )
                    }
                    val want = day.optJSONArray("expect_effort_question")?.let { a -> (0 until a.length()).map { a.getString(it) } }
                    assertEquals(want, core.effortQuestion(records)?.exerciseIds, "$name: $date effort question")
                }
                for (s in day.optJSONArray("sessions")?.objects().orEmpty()) {
                    core.logSession(
                        moment, null, s.getString("exercise_id"), s.optLong("sets_done", 0),
                        s.longOrNull("reps_done"), s.longOrNull("hold_seconds_done"), s.optLong("peak_pain", -1), s.optBoolean("completed", false),
                        s.stringOrNull("effort")?.let { e -> Effort.entries.first { it.snake() == e } },
                        s.longOrNull("reps_in_reserve"),
                    )
                }
                day.optJSONObject("clinician_visit")?.let { core.recordClinicianVisit(moment, null, it.getBoolean("cleared")) }
                for (r in day.optJSONArray("runs")?.objects().orEmpty()) {
                    core.logRun(moment, null, r.optDouble("distance_km", 0.0), r.doubleOrNull("minutes"), r.longOrNull("pain_during"), r.longOrNull("pain_after"), null, null)
                }
                // The return-to-run self-test (RR1), taken after the day's runs.
                day.optJSONObject("return_to_run")?.let { t ->
                    core.takeReturnToRunTest(moment, ReturnToRunAnswers(
                        walkPain = t.getInt("walk_pain").toUByte(),
                        heelRaisesAffected = t.getInt("heel_raises_affected").toUInt(),
                        heelRaisesOther = t.longOrNull("heel_raises_other")?.toUInt(),
                        hopPain = t.getInt("hop_pain").toUByte(),
                    ))
                }
                // PSFS ratings (M2), in the activities' order, rated after the runs.
                day.optJSONArray("psfs")?.let { scores ->
                    val ratings = psfsIds.zip((0 until scores.length()).map { scores.optInt(it, 99) })
                        .map { (id, score) -> PsfsRating(id, score.toUByte()) }
                    core.ratePsfs(moment, null, ratings)
                }
            }

            // Decisions in the journal's order from the assessment date, as the Rust replay compares them.
            val last = days.lastOrNull()?.getString("date") ?: start
            val actual = core.decisions(start, last)
                .filter { it.action != DecisionAction.HOLD }
                .map { listOf(it.date, it.exerciseId, it.action.snake(), it.fromLevel.toInt(), it.toLevel.toInt(), it.rule) }
            val wanted = scenario.optJSONArray("expect_decisions")?.objects().orEmpty()
                .map { listOf(it.getString("date"), it.getString("exercise_id"), it.getString("action"), it.getInt("from_level"), it.getInt("to_level"), it.getString("rule")) }
            assertEquals(wanted, actual, "$name: decisions")

            if (!scenario.isNull("expect_running")) {
                val running = scenario.getJSONObject("expect_running")
                val guidance = core.progress(morning(running.getString("date")), running.doubleOrNull("planned_run_km")).running
                assertEquals(running.getString("state"), guidance.state.snake(), "$name: running state (${guidance.reason})")
                assertEquals(running.getBoolean("long_run_warning"), guidance.longRunWarning != null, "$name: long-run warning")
                // Optional RR1 / X2 / A7 checks: a missing key means absent (card, step), or not checked (km, weekly).
                val card = guidance.returnToRun
                assertEquals(running.stringOrNull("return_to_run"), card?.state?.snake(), "$name: return-to-run card (${card?.text})")
                assertEquals(running.longOrNull("walk_run_step"), card?.step?.step?.toLong(), "$name: walk-run step")
                running.doubleOrNull("reduce_to_km")?.let { assertEquals(it, guidance.reduceToKm, "$name: reduce to km") }
                if (running.has("weekly_warning") && !running.isNull("weekly_warning")) {
                    assertEquals(running.getBoolean("weekly_warning"), guidance.weeklyWarning != null, "$name: weekly warning (${guidance.weeklyWarning})")
                }
            }

            // Home-screen checks (R1 seek care, R2 plan, R4 referral banner), as the Rust replay.
            for (home in scenario.optJSONArray("expect_home")?.objects().orEmpty()) {
                val date = home.getString("date")
                val screen = core.home(morning(date))
                assertEquals(home.getString("next_step"), screen.nextStep.snake(), "$name: home $date next step")
                home.stringOrNull("start_route")?.let { assertEquals(it, screen.startRoute.routeName(), "$name: home $date start route") }
                val wanted = home.optJSONObject("referral")?.let { it.getString("rule") + " " + it.getString("level") }
                assertEquals(wanted, screen.referral?.let { it.rule + " " + it.level.snake() }, "$name: home $date referral")
                home.optJSONArray("plan")?.let { plan ->
                    assertEquals((0 until plan.length()).map { plan.getString(it) }, screen.plan?.exercises?.map { it.exerciseId }, "$name: home $date plan")
                }
            }

            // PSFS checks (M2), each as of its date; means rounded to one decimal as the Rust replay does.
            for (expect in scenario.optJSONArray("expect_psfs")?.objects().orEmpty()) {
                val date = expect.getString("date")
                val psfs = core.psfs(morning(date))
                val got = mapOf(
                    "date" to date, "due" to psfs.due, "next_due" to psfs.nextDue,
                    "mean_first" to psfs.meanFirst?.round1(), "mean_latest" to psfs.meanLatest?.round1(), "mean_change" to psfs.meanChange?.round1(),
                    "detectable_change" to psfs.detectableChange, "detectable" to psfs.activities.map { it.detectable },
                )
                val want = expect.keys().asSequence().associateWith { key ->
                    when (val v = expect.get(key)) {
                        JSONObject.NULL -> null
                        is JSONArray -> (0 until v.length()).map { v.get(it) }
                        is Number -> if (key.startsWith("mean_")) v.toDouble() else v
                        else -> v
                    }
                }
                assertEquals(want, got, "$name: psfs $date (${psfs.text})")
            }
        }
    }
}

/** The core's table of which screens each write makes stale, as tests/shell-decisions pins it for all three languages. */
class ScreensToRefreshParityTest {
    private val table = File(System.getProperty("firststep.scenarios.dir") ?: "../../tests/scenarios").resolve("../shell-decisions/screens_to_refresh.json")

    @org.junit.jupiter.api.Test
    fun `every change reloads what the shared table says`() {
        val rows = JSONObject(table.readText()).getJSONObject("screens_to_refresh")
        assertEquals(JournalChange.entries.map { it.snake() }.toSet(), rows.keySet(), "one row per JournalChange")
        for (change in JournalChange.entries) {
            val want = rows.getJSONArray(change.snake()).let { a -> (0 until a.length()).map { a.getString(it) } }
            assertEquals(want, screensToRefresh(change).map { it.snake() }, "$change")
        }
    }
}

/** The route's name as the scenario files write it. */
fun StartRoute.routeName(): String = when (this) {
    is StartRoute.Welcome -> "welcome"
    is StartRoute.UrgentStop -> "urgent_stop"
    is StartRoute.Home -> "home"
}

/** The serde name of a generated enum constant (LONG_NAME → long_name). */
fun Enum<*>.snake(): String = name.lowercase()

fun JSONArray.objects(): List<JSONObject> = (0 until length()).map { getJSONObject(it) }
fun JSONObject.longOrNull(key: String): Long? = if (isNull(key)) null else getLong(key)
fun JSONObject.doubleOrNull(key: String): Double? = if (isNull(key)) null else getDouble(key)
fun JSONObject.stringOrNull(key: String): String? = if (isNull(key)) null else getString(key)

/** Rounded to one decimal, halves away from zero (Rust's `f64::round`). */
fun Double.round1(): Double = Math.signum(this) * Math.round(Math.abs(this) * 10.0) / 10.0
