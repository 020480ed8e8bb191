package app.firststep.ui

import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.size
import androidx.compose.runtime.Composable
import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.ui.ImageComposeScene
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalDensity
import androidx.compose.ui.unit.Density
import androidx.compose.ui.unit.dp
import androidx.compose.ui.use
import app.firststep.core.FirstStep
import app.firststep.kit.AnswerSide
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
fun renderFrame(fontScale: Float = 1f, content: @Composable () -> Unit): Image =
    ImageComposeScene((PHONE_W * RENDER_DENSITY).toInt(), (PHONE_H * RENDER_DENSITY).toInt(), Density(RENDER_DENSITY, fontScale)) {
        content()
    }.use { scene ->
        scene.render(0)
        scene.render(1_000_000_000L)
    }

fun Image.writePng(out: File): File {
    out.parentFile?.mkdirs()
    out.writeBytes(encodeToData(EncodedImageFormat.PNG)!!.bytes)
    return out
}

/** A shot: a file name saying the screen, its theme and font scale, and how to get the app there. */
data class Shot(val name: String, val dark: Boolean = false, val fontScale: Float = 1f, val go: ScreenSetup.() -> Unit)

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

    fun home() { graph.navigate(Route.Home); waitFor("home") { !graph.home.state.value.loading && graph.home.state.value.home != null } }

    fun safetyResult(level: RedFlagLevel) = FirstStep.open(tempDb().path).use { core ->
        core.submitSafetyScreen(morning(TODAY), listOf(core.safetyQuestions().first { it.level == level }.id))
    }
}

val allShots: List<Shot> = listOf(
    Shot("welcome") { graph.navigator.reset(Route.Welcome) },
    Shot("safety") {
        graph.navigator.reset(Route.Welcome); graph.navigate(Route.Safety)
        waitFor("questions") { graph.safety.state.value.questions.isNotEmpty() }
    },
    Shot("safety-urgent") { safetyResult(RedFlagLevel.URGENT).let { graph.navigator.reset(Route.Urgent(it.advice, it.reasons)) } },
    Shot("safety-refer") { graph.navigator.reset(Route.Refer(safetyResult(RedFlagLevel.REFER))) },
    Shot("assessment") {
        graph.navigator.reset(Route.Home); graph.navigate(Route.Assessment)
        waitFor("catalogue") { graph.assessment.state.value.items.isNotEmpty() }
        graph.assessment.goTo(graph.assessment.state.value.items.indexOfFirst { it.id == "knee_to_wall_cm" })
        graph.assessment.setSide("knee_to_wall_cm", AnswerSide.LEFT, "8.5")
    },
    Shot("assessment-error") {
        graph.navigator.reset(Route.Home); graph.navigate(Route.Assessment)
        waitFor("catalogue") { graph.assessment.state.value.items.isNotEmpty() }
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
        waitFor("session") { graph.session.session.value != null }
        app.monotonic.ms += 7_500
        runBlocking { graph.session.refresh().join() }
    },
    Shot("morning-pain") { home(); graph.navigate(Route.Morning); waitFor("morning") { graph.morning.state.value.today.isNotEmpty() } },
    Shot("log-run") {
        home(); graph.navigate(Route.Run); waitFor("run") { graph.run.state.value.today.isNotEmpty() }
        graph.run.setDistance("15")
        waitFor("spike warning") { graph.run.state.value.guidance?.longRunWarning != null }
    },
    Shot("trend") { graph.navigate(Route.Trend); graph.trend.selectWeeks(8); waitFor("trend") { graph.trend.state.value.chart?.dates?.size == 56 } },
    Shot("progress") { graph.navigate(Route.Progress); waitFor("progress") { graph.progress.state.value.report != null } },
    Shot("lessons") {
        // Week 2 of the seeded program, so later lessons show locked; the clock goes back after loading.
        val today = app.clock.moment
        val start = java.time.LocalDate.parse(TODAY).minusDays(8 * 7L - 1)
        app.clock.moment = morning(start.plusDays(16).toString())
        graph.navigate(Route.Lessons)
        waitFor("lessons") { graph.lessons.state.value.lessons.isNotEmpty() }
        app.clock.moment = today
    },
    Shot("lesson") {
        graph.navigate(Route.Lessons)
        waitFor("lessons") { graph.lessons.state.value.lessons.isNotEmpty() }
        runBlocking { graph.lessons.open("E1").join() }
    },
    Shot("settings") { graph.navigate(Route.Settings); waitFor("settings") { graph.settings.state.value.settings != null } },
    Shot("home-dark", dark = true) { home() },
    Shot("session-dark", dark = true) {
        home(); graph.navigate(Route.Session)
        waitFor("session") { graph.session.session.value != null }
        app.monotonic.ms += 7_500
        runBlocking { graph.session.refresh().join() }
    },
    Shot("trend-dark", dark = true) { graph.navigate(Route.Trend); graph.trend.selectWeeks(8); waitFor("trend") { graph.trend.state.value.chart?.dates?.size == 56 } },
    Shot("home-large-font", fontScale = 2f) { home() },
    Shot("session-large-font", fontScale = 2f) {
        home(); graph.navigate(Route.Session)
        waitFor("session") { graph.session.session.value != null }
        app.monotonic.ms += 7_500
        runBlocking { graph.session.refresh().join() }
    },
)

/** Renders every shot of [shots] from a fresh seeded journal into [dir]; returns the files. */
fun renderShots(dir: File, shots: List<Shot> = allShots): List<File> {
    val db = tempDb().also { seedJournal(it, weeks = 8) }
    return TestApp(db).use { app ->
        val setup = ScreenSetup(app)
        app.graph.start()
        setup.waitFor("start") { app.graph.home.state.value.home != null }
        shots.map { shot ->
            shot.go(setup)
            Thread.sleep(50)
            renderFrame(shot.fontScale) { FirstStepApp(app.graph, dark = shot.dark) }.writePng(File(dir, "${shot.name}.png"))
        }
    }
}
