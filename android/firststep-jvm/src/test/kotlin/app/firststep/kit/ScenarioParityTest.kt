package app.firststep.kit

import app.firststep.core.DecisionAction
import app.firststep.core.FirstStep
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

            val days = scenario.getJSONArray("days").objects()
            for (day in days) {
                val moment = morning(day.getString("date"))
                day.longOrNull("pain")?.let { core.logPain(moment, null, it, null, null) }
                for (s in day.getJSONArray("sessions").objects()) {
                    core.logSession(
                        moment, null, s.getString("exercise_id"), s.getLong("sets_done"),
                        s.longOrNull("reps_done"), s.longOrNull("hold_seconds_done"), s.getLong("peak_pain"), s.getBoolean("completed"),
                    )
                }
                day.optJSONObject("clinician_visit")?.let { core.recordClinicianVisit(moment, null, it.getBoolean("cleared")) }
                for (r in day.getJSONArray("runs").objects()) {
                    core.logRun(moment, null, r.getDouble("distance_km"), r.doubleOrNull("minutes"), r.longOrNull("pain_during"), r.longOrNull("pain_after"), null, null)
                }
            }

            if (days.isNotEmpty()) {
                val actual = core.decisions(days.first().getString("date"), days.last().getString("date"))
                    .filter { it.action != DecisionAction.HOLD }
                    .sortedWith(compareBy({ it.date }, { it.exerciseId }))
                    .map { listOf(it.date, it.exerciseId, it.action.snake(), it.fromLevel.toInt(), it.toLevel.toInt(), it.rule) }
                val wanted = scenario.getJSONArray("expect_decisions").objects()
                    .map { listOf(it.getString("date"), it.getString("exercise_id"), it.getString("action"), it.getInt("from_level"), it.getInt("to_level"), it.getString("rule")) }
                assertEquals(wanted, actual, "$name: decisions")
            }

            if (!scenario.isNull("expect_running")) {
                val running = scenario.getJSONObject("expect_running")
                val guidance = core.progress(morning(running.getString("date")), running.doubleOrNull("planned_run_km")).running
                assertEquals(running.getString("state"), guidance.state.snake(), "$name: running state")
                assertEquals(running.getBoolean("long_run_warning"), guidance.longRunWarning != null, "$name: long-run warning")
            }

            // Home-screen checks (R1 seek care, R2 plan, R4 referral banner), as the Rust replay.
            for (home in scenario.optJSONArray("expect_home")?.objects().orEmpty()) {
                val date = home.getString("date")
                val screen = core.home(morning(date))
                assertEquals(home.getString("next_step"), screen.nextStep.snake(), "$name: home $date next step")
                val wanted = home.optJSONObject("referral")?.let { it.getString("rule") + " " + it.getString("level") }
                assertEquals(wanted, screen.referral?.let { it.rule + " " + it.level.snake() }, "$name: home $date referral")
                home.optJSONArray("plan")?.let { plan ->
                    assertEquals((0 until plan.length()).map { plan.getString(it) }, screen.plan?.exercises?.map { it.exerciseId }, "$name: home $date plan")
                }
            }
        }
    }
}

/** The serde name of a generated enum constant (LONG_NAME → long_name). */
fun Enum<*>.snake(): String = name.lowercase()

fun JSONArray.objects(): List<JSONObject> = (0 until length()).map { getJSONObject(it) }
fun JSONObject.longOrNull(key: String): Long? = if (isNull(key)) null else getLong(key)
fun JSONObject.doubleOrNull(key: String): Double? = if (isNull(key)) null else getDouble(key)
