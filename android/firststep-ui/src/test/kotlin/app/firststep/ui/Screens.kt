package app.firststep.ui

import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.size
import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.ui.ExperimentalComposeUiApi
import androidx.compose.ui.ImageComposeScene
import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.input.pointer.PointerEventType
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalDensity
import androidx.compose.ui.unit.Density
import androidx.compose.ui.unit.dp
import androidx.compose.ui.use
import app.firststep.kit.AppGraph
import app.firststep.kit.Route
import app.firststep.core.FirstStep
import app.firststep.core.Phase
import app.firststep.core.PsfsRating
import app.firststep.core.SessionStatus
import app.firststep.kit.AnswerSide
import app.firststep.kit.AssessmentUiState
import app.firststep.kit.HomeUiState
import app.firststep.kit.PsfsUiState
import app.firststep.kit.SafetyUiState
import app.firststep.kit.LessonsUiState
import app.firststep.kit.ProgressUiState
import app.firststep.kit.SettingsUiState
import app.firststep.kit.TrendUiState
import app.firststep.core.RedFlagLevel
import kotlinx.coroutines.runBlocking
import org.jetbrains.skia.EncodedImageFormat
import org.jetbrains.skia.Image
import java.io.File

/** Phone size in dp (a common Android phone) and the density the PNGs are drawn at. */
const val PHONE_W = 412
const val PHONE_H = 915
const val RENDER_DENSITY = 2f

/** The app at phone size with an optional font scale (as the system setting would apply it). */
@Composable
fun PhoneFrame(fontScale: Float = 1f, content: @Composable () -> Unit) {
    val density = LocalDensity.current
    CompositionLocalProvider(LocalDensity provides Density(density.density, fontScale)) {
        Box(Modifier.size(PHONE_W.dp, PHONE_H.dp)) { content() }
    }
}

/** Draws [content] off-screen at phone size and returns the frame (no window, no display). */
@OptIn(ExperimentalComposeUiApi::class)
fun renderFrame(fontScale: Float = 1f, scrollToEnd: Boolean = false, width: Int = PHONE_W, height: Int = PHONE_H, content: @Composable () -> Unit): Image =
    ImageComposeScene((width * RENDER_DENSITY).toInt(), (height * RENDER_DENSITY).toInt(), Density(RENDER_DENSITY, fontScale)) {
        content()
    }.use { scene ->
        scene.render(0)
        if (scrollToEnd) {
            // The mouse wheel, as a runner would scroll: far enough to reach the end of any screen.
            val middle = Offset(width * RENDER_DENSITY / 2, height * RENDER_DENSITY / 2)
            repeat(60) { scene.sendPointerEvent(PointerEventType.Scroll, middle, scrollDelta = Offset(0f, 10f)); scene.render(it * 16_000_000L) }
            scene.render(500_000_000L)
        }
        scene.render(2_000_000_000L)
    }

fun Image.writePng(out: File): File {
    out.parentFile?.mkdirs()
    out.writeBytes(encodeToData(EncodedImageFormat.PNG)!!.bytes)
    return out
}

/** A shot: a file name saying the screen, its theme and font scale, and how to get the app there. */
data class Shot(
    val name: String,
    val dark: Boolean = false,
    val fontScale: Float = 1f,
    val scrollToEnd: Boolean = false,
    /** Frame size in dp: the phone unless a shot says otherwise (the desktop window). */
    val width: Int = PHONE_W,
    val height: Int = PHONE_H,
    val go: ScreenSetup.() -> Unit,
)

/** Puts a seeded app on a screen and waits until its state is loaded (renders read the state as it is). */
class ScreenSetup(val app: TestApp) {
    val graph get() = app.graph

    fun waitFor(what: String, condition: () -> Boolean) {
        val deadline = System.currentTimeMillis() + 15_000
        while (!condition()) {
            check(System.currentTimeMillis() < deadline) { "timed out waiting for $what" }
            Thread.sleep(10)
        }
    }

    fun trend8() {
        graph.navigate(Route.Trend)
        runBlocking { graph.trend.selectWeeks(8).join() }
        waitFor("trend") { (graph.trend.state.value as? TrendUiState.Ready)?.chart?.dates?.size == 56 }
    }

    fun home() { graph.navigate(Route.Home); waitFor("home") { graph.home.state.value is HomeUiState.Ready } }

    fun safetyResult(level: RedFlagLevel) = FirstStep.open(tempDb().path).use { core ->
        core.submitSafetyScreen(morning(TODAY), listOf(core.safetyQuestions().first { it.level == level }.id))
    }
}

val allShots: List<Shot> = listOf(
    Shot("welcome") { graph.navigator.reset(Route.Welcome) },
    Shot("safety") {
        graph.navigator.reset(Route.Welcome); graph.navigate(Route.Safety)
        waitFor("questions") { (graph.safety.state.value as? SafetyUiState.Ready)?.questions?.isNotEmpty() == true }
    },
    Shot("safety-urgent") { safetyResult(RedFlagLevel.URGENT).let { graph.navigator.reset(Route.Urgent(it.advice, it.reasons)) } },
    Shot("safety-refer") { graph.navigator.reset(Route.Refer(safetyResult(RedFlagLevel.REFER))) },
    Shot("assessment") {
        graph.navigator.reset(Route.Home); graph.navigate(Route.Assessment)
        waitFor("catalogue") { (graph.assessment.state.value as? AssessmentUiState.Ready)?.items?.isNotEmpty() == true }
        graph.assessment.goTo((graph.assessment.state.value as AssessmentUiState.Ready).items.indexOfFirst { it.id == "knee_to_wall_cm" })
        graph.assessment.setSide("knee_to_wall_cm", AnswerSide.LEFT, "8.5")
    },
    Shot("assessment-error") {
        graph.navigator.reset(Route.Home); graph.navigate(Route.Assessment)
        waitFor("catalogue") { (graph.assessment.state.value as? AssessmentUiState.Ready)?.items?.isNotEmpty() == true }
        val a = graph.assessment
        a.setValue("affected_side", "left"); a.setValue("first_step_pain", "5")
        a.setSide("knee_to_wall_cm", AnswerSide.LEFT, "45"); a.setSide("knee_to_wall_cm", AnswerSide.RIGHT, "11")
        a.setSide("heel_raise_reps", AnswerSide.LEFT, "14"); a.setSide("heel_raise_reps", AnswerSide.RIGHT, "25")
        runBlocking { a.submit().join() }
    },
    Shot("findings") {
        val result = app.reopen { it.latestAssessment()!! }
        graph.navigator.reset(Route.Findings(result))
    },
    Shot("home") { home() },
    Shot("session") {
        home(); graph.navigate(Route.Session)
        sessionMidRep()
    },
    Shot("morning-pain") { home(); graph.navigate(Route.Morning); waitFor("morning") { graph.morning.state.value.today.isNotEmpty() } },
    Shot("log-run") {
        home(); graph.navigate(Route.Run); waitFor("run") { graph.run.state.value.today.isNotEmpty() }
        graph.run.setDistance("15")
        waitFor("spike warning") { graph.run.state.value.guidance?.longRunWarning != null }
    },
    Shot("trend") { trend8() },
    // Issue 22: the readout open on a day (as a finger or the mouse leaves it), the load charts, the desktop window.
    Shot("trend-readout") { trend8(); graph.trend.select(36) },
    Shot("trend-load", scrollToEnd = true) { trend8() },
    Shot("trend-desktop", width = 1200, height = 900) { trend8(); graph.trend.select(36) },
    Shot("progress") { graph.navigate(Route.Progress); waitFor("progress") { graph.progress.state.value is ProgressUiState.Ready } },
    Shot("lessons") {
        // Week 2 of the seeded program, so later lessons show locked; the clock goes back after loading.
        val today = app.clock.moment
        val start = java.time.LocalDate.parse(TODAY).minusDays(8 * 7L - 1)
        app.clock.moment = morning(start.plusDays(16).toString())
        graph.navigate(Route.Lessons)
        waitFor("lessons") { (graph.lessons.state.value as? LessonsUiState.Ready)?.lessons?.isNotEmpty() == true }
        app.clock.moment = today
    },
    Shot("lesson") {
        graph.navigate(Route.Lessons)
        // Navigating starts a refresh on a multi-threaded scope, and a refresh closes the reader:
        // open E1 until it stays open for three checks in a row.
        var steady = 0
        repeat(40) {
            if (steady < 3) {
                if ((graph.lessons.state.value as? LessonsUiState.Ready)?.open?.id == "E1") steady++ else { steady = 0; runBlocking { graph.lessons.open("E1").join() } }
                Thread.sleep(50)
            }
        }
        waitFor("lesson E1 open") { (graph.lessons.state.value as? LessonsUiState.Ready)?.open?.id == "E1" }
    },
    Shot("settings") { graph.navigate(Route.Settings); waitFor("settings") { graph.settings.state.value is SettingsUiState.Ready } },
    Shot("home-dark", dark = true) { home() },
    Shot("session-dark", dark = true) {
        home(); graph.navigate(Route.Session)
        sessionMidRep()
    },
    Shot("trend-dark", dark = true) { trend8() },
    Shot("trend-readout-dark", dark = true) { trend8(); graph.trend.select(36) },
    Shot("home-large-font", fontScale = 2f) { home() },
    Shot("session-large-font", fontScale = 2f) {
        home(); graph.navigate(Route.Session)
        sessionMidRep()
    },    // Issue 27 (P7): a flare morning logged — home shows today's load cut at once. Last: it changes the journal.
    Shot("home-flare") {
        app.reopen { it.logPain(morning(TODAY), null, 8, null, null) }
        home()
        runBlocking { graph.home.refresh().join() }
        waitFor("flare card") { (graph.home.state.value as? HomeUiState.Ready)?.home?.plan?.flare != null }
    },
)

/** The answers of tests/scenarios/every_finding_five_exercises.json: every finding, some set aside (V1). */
const val EVERY_FINDING_ANSWERS = """{"affected_side": "left", "weeks_since_onset": 8, "red_flags": [], "knee_to_wall_cm": {"left": 6.0, "right": 11.0},
 "heel_raise_reps": {"left": 12, "right": 22}, "toe_grip": {"left": "fail", "right": "fail"}, "arch_control": {"left": "fail", "right": "pass"},
 "single_leg_squat": {"left": "poor", "right": "good"}, "balance_seconds": {"left": 8, "right": 20}, "date": "2026-09-01", "first_step_pain": 4,
 "overstride": true, "cadence_spm": 160}"""

/**
 * Issue 21's picture: the session mid-rep — steps skipped to the first tempo "up" of a loaded
 * exercise (the calf ladder), then halfway through it on the session clock.
 */
fun ScreenSetup.sessionMidRep() {
    val vm = graph.session
    waitFor("session") { vm.session.value != null }
    var guard = 0
    while (vm.session.value!!.phase != Phase.UP && guard++ < 500) {
        if (vm.session.value!!.phase == Phase.SELF_PACED_REP) runBlocking { vm.repDone().join() }
        else runBlocking { vm.skipStep().join() }
    }
    val up = vm.session.value!!
    val stepMs = ((up.secondsRemaining ?: 0.0) * 1000).toLong()
    app.monotonic.ms += stepMs / 2
    runBlocking { vm.refresh().join() }
}

/** Runs today's guided session to its end on the test clock and gives the peak pain. */
fun ScreenSetup.finishSession(peakPain: Int) {
    val vm = graph.session
    waitFor("session") { vm.session.value != null }
    var guard = 0
    while (vm.session.value!!.status == SessionStatus.RUNNING && guard++ < 20_000) {
        if (vm.session.value!!.phase == Phase.SELF_PACED_REP) runBlocking { vm.repDone().join() }
        else { app.monotonic.ms += 2_000; runBlocking { vm.refresh().join() } }
    }
    runBlocking { vm.finish(peakPain).join() }
}

/**
 * The revised program's screens (P5, V1, M2, RR1) on a journal at day 8 of a program: the calf ladder
 * at L2 (asks for effort), not running (the return-to-run card is offered), three PSFS activities
 * rated on day 1 and day 8.
 */
val programShots: List<Shot> = listOf(
    Shot("home-return-to-run") { home() },
    Shot("home-plan", scrollToEnd = true) { home() },
    Shot("findings-set-aside", scrollToEnd = true) {
        val result = FirstStep.open(tempDb().path).use { it.submitAssessmentJson(morning("2026-09-01"), EVERY_FINDING_ANSWERS) }
        graph.navigator.reset(Route.Findings(result))
    },
    Shot("session-effort") {
        home(); graph.navigate(Route.Session)
        finishSession(2)
        waitFor("effort question") { graph.session.state.value is app.firststep.kit.SessionUiState.AskingEffort }
    },
    Shot("progress-psfs") {
        graph.session.close(); graph.navigate(Route.Progress)
        waitFor("progress") { (graph.progress.state.value as? ProgressUiState.Ready)?.psfs != null }
    },
    Shot("psfs-activities-error") {
        graph.navigate(Route.Progress); graph.navigate(Route.PsfsActivities)
        waitFor("psfs") { graph.psfs.state.value !is PsfsUiState.Loading }
        graph.psfs.setName(2, ""); graph.psfs.setName(1, "")
        runBlocking { graph.psfs.saveActivities().join() }
        waitFor("refusal") { (graph.psfs.state.value as? PsfsUiState.Ready)?.error != null }
    },
    Shot("psfs-rate") {
        graph.navigate(Route.Progress); graph.navigate(Route.PsfsRate)
        waitFor("psfs") { graph.psfs.state.value is PsfsUiState.Ready }
        (graph.psfs.state.value as PsfsUiState.Ready).psfs.activities.forEachIndexed { i, a -> graph.psfs.setScore(a.id, 5 + i) }
    },
    Shot("return-to-run-test") {
        graph.navigate(Route.Progress); graph.navigate(Route.ReturnToRun)
        graph.returnToRun.setWalkPain(1); graph.returnToRun.setHeelRaisesAffected("22"); graph.returnToRun.setHeelRaisesOther("24")
    },
    Shot("return-to-run-result") {
        graph.returnToRun.setHopPain(3)
        runBlocking { graph.returnToRun.submit().join() }
        waitFor("verdict") { graph.returnToRun.state.value.result != null }
    },
    Shot("progress-return-to-run") {
        graph.navigate(Route.Progress)
        waitFor("progress") { (graph.progress.state.value as? ProgressUiState.Ready)?.report?.running?.returnToRun?.lastCheck != null }
    },
)

/** Renders [programShots] from a journal seeded for them (see there) into [dir]. */
fun renderProgramShots(dir: File, shots: List<Shot> = programShots): List<File> {
    val db = tempDb().also { path ->
        seedSevenCalmDays(path, heelLeft = 22)
        FirstStep.open(path.path).use { core ->
            val ids = core.setPsfsActivities(morning(PROGRAM_START), listOf("Run 10 km", "Walk the dog", "Stairs at work")).map { it.id }
            core.ratePsfs(morning(PROGRAM_START), null, ids.zip(listOf(3, 4, 2)).map { (id, v) -> PsfsRating(id, v.toUByte()) })
            core.ratePsfs(morning(PROGRAM_DAY_8), null, ids.zip(listOf(6, 5, 5)).map { (id, v) -> PsfsRating(id, v.toUByte()) })
        }
    }
    return renderFrom(TestApp(db, clock = FixedClock(PROGRAM_DAY_8)), dir, shots)
}

/** Rule P9: the home screen with the maintenance offer (Accept / Not now), after eight calm weeks. */
val maintenanceShots: List<Shot> = listOf(
    Shot("home-maintenance-offer") {
        home()
        runBlocking { graph.home.logPain(1).join() }
        waitFor("offer") { (graph.home.state.value as? HomeUiState.Ready)?.home?.plan?.maintenance != null }
    },
)

/** Renders [maintenanceShots] from a journal assessed 8 weeks before [TODAY] whose mornings settled to 0–1. */
fun renderMaintenanceShots(dir: File, shots: List<Shot> = maintenanceShots): List<File> {
    val db = tempDb().also { seedCalmEightWeeks(it) }
    return renderFrom(TestApp(db), dir, shots)
}

/** Assessed 56 days before [TODAY] at pain 6; mornings settle to 0–1 within two weeks (rule P9's offer is due today). */
fun seedCalmEightWeeks(path: File) {
    val start = java.time.LocalDate.parse(TODAY).minusDays(56)
    FirstStep.open(path.path).use { core ->
        core.submitAssessmentJson(morning(start.toString()), answersJson(start.toString(), 6))
        val scores = listOf(6, 6, 5, 5, 4, 4, 3, 3, 3, 2, 2, 2, 2)
        for (d in 0 until 56) {
            core.logPain(morning(start.plusDays(d.toLong()).toString()), null, scores.getOrElse(d) { if (d % 3 == 0) 0 else 1 }.toLong(), null, null)
        }
    }
}

/** Renders every shot of [shots] from a fresh seeded journal into [dir]; returns the files. */
fun renderShots(dir: File, shots: List<Shot> = allShots): List<File> {
    val db = tempDb().also { seedJournal(it, weeks = 8) }
    return renderFrom(TestApp(db), dir, shots)
}

private fun renderFrom(testApp: TestApp, dir: File, shots: List<Shot>): List<File> {
    return testApp.use { app ->
        val setup = ScreenSetup(app)
        app.graph.start()
        setup.waitFor("start") { app.graph.home.state.value is HomeUiState.Ready }
        shots.map { shot ->
            shot.go(setup)
            Thread.sleep(50)
            renderFrame(shot.fontScale, shot.scrollToEnd, shot.width, shot.height) { FirstStepApp(app.graph, dark = shot.dark) }.writePng(File(dir, "${shot.name}.png"))
        }
    }
}
