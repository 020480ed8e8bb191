package app.firststep.ui

import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onAllNodesWithTag
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.onNodeWithText
import app.firststep.core.Effort
import androidx.compose.ui.semantics.SemanticsProperties
import androidx.compose.ui.semantics.getOrNull
import app.firststep.core.FirstStep
import app.firststep.core.FirstStepException
import app.firststep.kit.FieldError
import app.firststep.core.Phase
import app.firststep.core.ReturnToRunAnswers
import app.firststep.core.Units
import app.firststep.core.ReturnToRunState
import app.firststep.core.RunningState
import app.firststep.core.SessionStatus
import kotlinx.coroutines.runBlocking
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import java.io.File
import java.time.LocalDate

/** The first day of the seeded programs below; [PROGRAM_DAY_8] is the eighth. */
const val PROGRAM_START = "2026-09-01"
const val PROGRAM_DAY_8 = "2026-09-08"

/**
 * The answers of tests/scenarios/effort_based_load_steps.json and return_to_run_pass_walk_run.json:
 * a left heel, first-step pain 3, calf [heelLeft]/24 raises, nothing else found, not running now.
 */
fun programAnswers(heelLeft: Int, weeklyKm: Double = 0.0) = """
    {"date": "$PROGRAM_START", "affected_side": "left", "weeks_since_onset": 8, "first_step_pain": 3, "red_flags": [],
     "knee_to_wall_cm": {"left": 12.0, "right": 12.5}, "heel_raise_reps": {"left": $heelLeft, "right": 24},
     "toe_grip": {"left": "pass", "right": "pass"}, "arch_control": {"left": "pass", "right": "pass"},
     "single_leg_squat": {"left": "good", "right": "good"}, "balance_seconds": {"left": 45, "right": 45}, "weekly_km_now": $weeklyKm}
""".trimIndent()

/**
 * Seven calm mornings (pain 2) with every planned exercise done, then day 8's pain: the calf ladder
 * moves from L1 to L2 (rule P4), Rathleff's first stage where loads go by effort (P5).
 */
fun seedSevenCalmDays(path: File, heelLeft: Int, weeklyKm: Double = 0.0) = FirstStep.open(path.path).use { core ->
    core.submitAssessmentJson(morning(PROGRAM_START), programAnswers(heelLeft, weeklyKm))
    var day = LocalDate.parse(PROGRAM_START)
    while (day.toString() != PROGRAM_DAY_8) {
        val now = morning(day.toString())
        core.logPain(now, null, 2, null, null)
        for (e in core.planFor(day.toString()).exercises) {
            core.logSession(now, null, e.exerciseId, e.sets.toLong(), e.reps?.toLong(), if (e.reps == null) e.holdSeconds?.toLong() else null, 1, true)
        }
        day = day.plusDays(1)
    }
    core.logPain(morning(PROGRAM_DAY_8), null, 1, null, null)
}

/** The program's new pieces on the real core: the effort question (P5), the PSFS (M2) and the return-to-run self-test (RR1). */
class ProgramFeaturesTest {
    @get:Rule val rule = createComposeRule()
    private var app: TestApp? = null

    @After fun close() { app?.close() }

    private fun start(db: File, today: String): TestApp {
        val a = TestApp(db, clock = FixedClock(today)).also { app = it }
        rule.setContent { FirstStepApp(a.graph) }
        a.graph.start()
        rule.waitForTag("home-next-step")
        return a
    }

    @Test
    fun `after a session with an effort-based exercise the runner is asked how the load felt and the answer is logged`() {
        val db = tempDb().also { seedSevenCalmDays(it, heelLeft = 16) }
        val calf = FirstStep.open(db.path).use { it.program()!!.exercises.single { e -> e.exerciseId == "calf_loading" } }
        assertEquals("calf ladder at Rathleff's first stage", 2, calf.level.toInt())
        assertTrue(calf.asksEffort)
        val app = start(db, PROGRAM_DAY_8)
        // Today's plan says how many exercises and about how long.
        val plan = app.reopen { it.home(morning(PROGRAM_DAY_8)) }.plan!!
        assertEquals(EnglishStrings.planSummary(plan.exercises.size, plan.minutes.toInt()), rule.onNodeWithTag("home-plan-summary").text())
        assertTrue(plan.minutes > 0u)

        rule.tap("home-start-session")
        rule.waitForTag("session-phase")
        val vm = app.graph.session
        var guard = 0
        while (vm.session.value!!.status == SessionStatus.RUNNING && guard++ < 20_000) {
            if (vm.session.value!!.phase == Phase.SELF_PACED_REP) runBlocking { vm.repDone().join() }
            else { app.monotonic.ms += 2_000; runBlocking { vm.refresh().join() } }
        }
        assertEquals(SessionStatus.AWAITING_PAIN, vm.session.value!!.status)
        rule.tap("session-pain-2")
        // Not saved yet: the question waits for an answer.
        rule.waitForTag("session-effort")
        assertEquals(calf.name, rule.onNodeWithTag("session-effort-exercises").text())
        assertTrue(app.reopen { it.sessions(PROGRAM_DAY_8, PROGRAM_DAY_8) }.isEmpty())
        rule.tap("effort-too_easy")
        rule.waitForTag("session-saved")

        val records = app.reopen { it.sessions(PROGRAM_DAY_8, PROGRAM_DAY_8) }
        assertEquals(plan.exercises.map { it.exerciseId }.sorted(), records.map { it.exerciseId }.distinct().sorted())
        assertEquals(Effort.TOO_EASY, records.single { it.exerciseId == "calf_loading" }.effort)
        assertTrue("only exercises that ask carry an effort", records.filter { it.exerciseId != "calf_loading" }.all { it.effort == null })
    }

    @Test
    fun `skipping the effort question saves the session without an effort`() {
        val db = tempDb().also { seedSevenCalmDays(it, heelLeft = 16) }
        val app = start(db, PROGRAM_DAY_8)
        rule.tap("home-start-session")
        rule.waitForTag("session-phase")
        val vm = app.graph.session
        var guard = 0
        while (vm.session.value!!.status == SessionStatus.RUNNING && guard++ < 20_000) {
            if (vm.session.value!!.phase == Phase.SELF_PACED_REP) runBlocking { vm.repDone().join() }
            else { app.monotonic.ms += 2_000; runBlocking { vm.refresh().join() } }
        }
        rule.tap("session-pain-1")
        rule.tap("effort-skip")
        rule.waitForTag("session-saved")
        val calf = app.reopen { it.sessions(PROGRAM_DAY_8, PROGRAM_DAY_8) }.single { it.exerciseId == "calf_loading" }
        assertNull(calf.effort)
        assertEquals(1, calf.peakPain.toInt())
    }

    @Test
    fun `the PSFS activities are named, refused with the core's words when too few, rated, and shown first to latest`() {
        val db = tempDb().also { seedJournal(it, weeks = 3) }
        val app = start(db, TODAY)
        rule.tap("tab-progress")
        rule.waitForTag("progress-psfs")
        val empty = app.reopen { it.psfs(morning(TODAY)) }
        assertEquals(empty.text, rule.onNodeWithTag("psfs-text").text())

        rule.tap("psfs-name")
        rule.waitForTag("screen-psfs-activities")
        rule.type("psfs-name-0", "Run 10 km")
        rule.type("psfs-name-1", "Walk the dog")
        rule.tap("psfs-save-activities")
        // Two names: the core refuses, and its message is what the runner reads.
        rule.waitForTag("psfs-error")
        val refusal = rule.onNodeWithTag("psfs-error").text()
        val expected = runCatching { app.reopen { it.setPsfsActivities(morning(TODAY), listOf("Run 10 km", "Walk the dog")) } }.exceptionOrNull()
        assertTrue("the core refuses two names", expected is FirstStepException)
        assertEquals(FieldError.of(expected as FirstStepException).message, refusal)
        assertTrue(app.reopen { it.psfs(morning(TODAY)) }.activities.isEmpty())

        rule.type("psfs-name-2", "Stairs at work")
        rule.tap("psfs-save-activities")
        // Named: straight to the first rating.
        rule.waitForTag("screen-psfs-rate")
        val ids = app.reopen { it.psfs(morning(TODAY)) }.activities.map { it.id }
        assertEquals(3, ids.size)
        for ((i, id) in ids.withIndex()) rule.tap("psfs-score-$id-${3 + i}")
        rule.tap("psfs-save-rating")
        rule.waitForTag("screen-progress")
        rule.waitForTag("psfs-activity-${ids[0]}")

        val psfs = app.reopen { it.psfs(morning(TODAY)) }
        assertEquals(listOf(3.0, 4.0, 5.0), psfs.activities.map { it.first?.score })
        assertFalse(psfs.due)
        rule.waitUntil(5_000) { rule.onNodeWithTag("psfs-activity-${ids[0]}").text() == "Run 10 km: ${EnglishStrings.psfsFirstLatest(3, null)}" }
        rule.onNodeWithTag("psfs-rate").assertExists()

        // Two weeks later the rating is due: "Rate now", and the card shows first → latest.
        app.clock.moment = morning(LocalDate.parse(TODAY).plusDays(14).toString())
        runBlocking { app.graph.progress.refresh().join() }
        rule.tap("psfs-rate-now")
        rule.waitForTag("screen-psfs-rate")
        for (id in ids) rule.tap("psfs-score-$id-7")
        rule.tap("psfs-save-rating")
        rule.waitForTag("screen-progress")
        rule.waitUntil(5_000) {
            rule.onNodeWithTag("psfs-activity-${ids[0]}").text().startsWith("Run 10 km: ${EnglishStrings.psfsFirstLatest(3, 7)}")
        }
        val later = app.reopen { it.psfs(app.clock.moment) }
        assertEquals(listOf(7.0, 7.0, 7.0), later.activities.map { it.latest?.score })
        assertEquals(later.text, rule.onNodeWithTag("psfs-text").text())

        // The trend shows both rating dates in the core's words (rule M2).
        rule.tap("tab-trend")
        rule.waitForTag("trend-psfs")
        val end = LocalDate.parse(TODAY).plusDays(14).toString()
        val expectedLine = app.reopen { it.trend(end, 4u) }.psfsText
        assertTrue(expectedLine!!.contains("4.0 on $TODAY → 7.0 on $end"))
        rule.waitUntil(5_000) { rule.onNodeWithTag("trend-psfs").text() == expectedLine }
    }

    @Test
    fun `the return-to-run self-test shows each criterion and is stored, and a typo is refused in the core's words`() {
        val db = tempDb().also { seedSevenCalmDays(it, heelLeft = 22) }
        val app = start(db, PROGRAM_DAY_8)
        val card = app.reopen { it.progress(morning(PROGRAM_DAY_8), null) }.running.returnToRun!!
        assertEquals(ReturnToRunState.OFFERED, card.state)
        rule.waitForTag("home-running-return-to-run")
        assertEquals(card.text, rule.onNodeWithTag("home-running-return-to-run-text").text())

        rule.tap("tab-progress")
        rule.tap("progress-running-take-test")
        rule.waitForTag("screen-return-to-run")
        rule.tap("self-test-walk-1")
        rule.type("self-test-heel-affected", "250")
        rule.type("self-test-heel-other", "24")
        rule.tap("self-test-hop-4")
        rule.tap("self-test-submit")
        // 250 raises is a typo: the core names the field and its range, and nothing is stored.
        rule.waitUntil(10_000) { app.graph.returnToRun.state.value.error != null }
        val error = app.graph.returnToRun.state.value.error!!
        assertTrue(error.concerns("heel_raises_affected"))
        rule.waitUntil(5_000) {
            rule.onNodeWithTag("self-test-heel-affected").fetchSemanticsNode().config
                .getOrNull(SemanticsProperties.Error) == error.message
        }
        assertTrue(app.reopen { it.returnToRunChecks() }.isEmpty())

        rule.type("self-test-heel-affected", "22")
        rule.tap("self-test-submit")
        rule.waitForTag("self-test-result")
        val check = app.reopen { it.returnToRunChecks() }.single()
        assertFalse("hops at 4 are above 2", check.passed)
        assertEquals(EnglishStrings.selfTestVerdict(false), rule.onNodeWithTag("self-test-verdict").text())
        assertEquals(check.advice, rule.onNodeWithTag("self-test-advice").text())
        for (c in check.criteria) rule.onNodeWithTag("criterion-${c.id}-${if (c.passed) "passed" else "failed"}", useUnmergedTree = true).assertExists()
        assertTrue(check.criteria.single { it.id == "hops" }.let { !it.passed })
        assertTrue(check.criteria.single { it.id == "heel_raises" }.passed)

        // Back on progress the card says "not yet" and offers the test again.
        rule.tap("self-test-done")
        rule.waitForTag("screen-progress")
        val after = app.reopen { it.progress(morning(PROGRAM_DAY_8), null) }.running.returnToRun!!
        assertEquals(ReturnToRunState.NOT_YET, after.state)
        rule.waitUntil(5_000) { rule.onNodeWithTag("progress-running-return-to-run-text").text() == after.text }
        rule.onNodeWithTag("progress-running-take-test").assertExists()
    }

    @Test
    fun `after a failed self-test running is not yet with no weekly number and the card shows what is missing`() {
        // rule RR2: a failed self-test never allows more running than a pass — "not yet: walk and
        // cross-train", with no weekly distance, although the assessment gave 30 km a week.
        val db = tempDb().also { seedSevenCalmDays(it, heelLeft = 22, weeklyKm = 30.0) }
        FirstStep.open(db.path).use { core ->
            core.takeReturnToRunTest(morning(PROGRAM_DAY_8), ReturnToRunAnswers(1u, 22u, 24u, 4u))
        }
        val app = start(db, PROGRAM_DAY_8)
        val running = app.reopen { it.progress(morning(PROGRAM_DAY_8), null) }.running
        assertEquals(RunningState.AMBER, running.state)
        assertEquals(ReturnToRunState.NOT_YET, running.returnToRun?.state)
        assertTrue(running.reason, running.reason.startsWith("Not yet: walk and cross-train"))
        assertNull(running.reduceTo)
        rule.tap("tab-progress")
        rule.waitForTag("progress-running-return-to-run-text")
        assertEquals(running.returnToRun!!.text, rule.onNodeWithTag("progress-running-return-to-run-text").text())
        assertTrue(rule.onAllNodesWithTag("progress-running-reduce").fetchSemanticsNodes().isEmpty())
        rule.onNodeWithText(running.reason, substring = true).assertExists()
        // Home's running card says the same.
        rule.tap("tab-today")
        rule.waitForTag("home-running-return-to-run")
        assertTrue(rule.onAllNodesWithTag("home-running-reduce").fetchSemanticsNodes().isEmpty())
    }

    @Test
    fun `the running cards show the core's race verdict in the last 14 days`() {
        // rule A8: a half marathon 5 days after day 8, with settled mornings and no sore run: race it easy.
        val db = tempDb()
        FirstStep.open(db.path).use { core ->
            val race = LocalDate.parse(PROGRAM_DAY_8).plusDays(5).toString()
            core.submitAssessmentJson(morning(PROGRAM_START), programAnswers(22, 30.0).replace("}\n", "}\n").trimEnd('}') +
                ", \"race\": {\"date\": \"$race\", \"distance_km\": 21.1}}")
            var day = LocalDate.parse(PROGRAM_START)
            while (day.toString() <= PROGRAM_DAY_8) {
                core.logPain(morning(day.toString()), null, 2, null, null)
                day = day.plusDays(1)
            }
        }
        val app = start(db, PROGRAM_DAY_8)
        val verdict = app.reopen { it.progress(morning(PROGRAM_DAY_8), null) }.running.race!!
        assertTrue(verdict.verdict, verdict.go && verdict.verdict.contains("easy plan"))
        rule.waitForTag("home-running-race")
        assertEquals(verdict.verdict, rule.onNodeWithTag("home-running-race").text())
        rule.tap("tab-progress")
        rule.waitForTag("progress-running-race")
        assertEquals(verdict.verdict, rule.onNodeWithTag("progress-running-race").text())
    }

    @Test
    fun `a runner who reads miles sees the reduced week in miles`() {
        // 30 km a week at the assessment and yesterday's 5 km run hurt 4 (above running's 3): amber,
        // 2/3 of the usual week (the days before logging began count at the assessment's 30 km, A7).
        val db = tempDb().also { seedSevenCalmDays(it, heelLeft = 22, weeklyKm = 30.0) }
        FirstStep.open(db.path).use { core ->
            core.logRun(morning(PROGRAM_DAY_8), LocalDate.parse(PROGRAM_DAY_8).minusDays(1).toString(), 5.0, 30.0, 4, 2, null, null)
            core.saveSettings(core.settings().copy(units = Units.IMPERIAL))
        }
        start(db, PROGRAM_DAY_8)
        rule.waitForTag("home-running-reduce")
        // 20 km is 12.4 miles, rounded to whole miles from 10 up, as the advice text says.
        assertEquals("Reduce to about 12 mi this week", rule.onNodeWithTag("home-running-reduce").text())
    }

    @Test
    fun `an exercise's why opens its lesson in the reader`() {
        val db = tempDb().also { seedJournal(it, weeks = 3) }
        val app = start(db, TODAY)
        val exercise = app.reopen { it.home(morning(TODAY)) }.plan!!.exercises.first { it.lessonId != null }
        val lesson = app.reopen { it.lesson(morning(TODAY), exercise.lessonId!!) }
        rule.tap("why-${exercise.exerciseId}")
        rule.waitForTag("lesson-title")
        assertEquals("${lesson.id} · ${lesson.title}", rule.onNodeWithTag("lesson-title").text())
        // Back returns to today.
        rule.tap("nav-back")
        rule.waitForTag("screen-home")
    }
}
