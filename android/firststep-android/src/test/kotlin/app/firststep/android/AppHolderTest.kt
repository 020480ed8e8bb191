package app.firststep.android

import android.app.Activity
import android.content.Intent
import android.content.res.Configuration
import android.net.Uri
import android.os.Bundle
import app.firststep.kit.Route
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotSame
import org.junit.Assert.assertSame
import org.junit.Assert.assertTrue
import org.junit.Before
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.Robolectric
import org.robolectric.RobolectricTestRunner
import org.robolectric.android.controller.ActivityController
import org.robolectric.annotation.Config
import java.io.File

/**
 * Keeps [AppHolder] exactly as a Jetpack ViewModel does (the Gradle app's MainActivity uses one): the
 * recreated activity gets the same holder through `onRetainNonConfigurationInstance`, and only an
 * activity finishing for good closes it. It attaches itself as the document launcher, like MainActivity.
 */
class HolderActivity : Activity(), DocumentPicker.Launcher {
    lateinit var holder: AppHolder
    val created = mutableListOf<String>()
    var journalChanges = 0

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        holder = lastNonConfigurationInstance as AppHolder? ?: AppHolder(platform())
        holder.attach(this) { journalChanges++ }
        // A deep link is routed once, not again by every recreation of the activity it opened.
        if (savedInstanceState == null) DeepLinks.parse(intent?.data)?.let(holder::open)
    }

    override fun onRetainNonConfigurationInstance(): Any = holder

    override fun onDestroy() {
        holder.detach(this)
        if (!isChangingConfigurations) holder.close()
        super.onDestroy()
    }

    override fun create(suggestedName: String) { created += suggestedName }
    override fun open() = Unit
}

/** Issue 26: a rotation keeps the screen, the back stack and what was typed (the graph is not rebuilt). */
@RunWith(RobolectricTestRunner::class)
@Config(sdk = [34], manifest = Config.NONE, application = TestApp::class)
class AppHolderTest {
    private val clock = TestClock(TestClock.at("2026-06-01T08:00", "Europe/Berlin"))
    private lateinit var platform: Platform

    @Before
    fun journalWithAProgram() {
        platform = Fixture.install(clock)
        platform.core.submitAssessmentJson(clock.now(), Fixture.answersJson("2026-06-01"))
    }

    @After
    fun close() = platform.core.close()

    /** Runs the main looper until [done] (the repository's calls run on Dispatchers.IO meanwhile). */
    private fun waitFor(what: String, done: () -> Boolean) {
        val end = System.currentTimeMillis() + 10_000
        while (!done()) {
            check(System.currentTimeMillis() < end) { "timed out waiting for $what" }
            Fixture.idle()
            Thread.sleep(5)
        }
    }

    private fun launch(intent: Intent? = null): ActivityController<HolderActivity> =
        (if (intent == null) Robolectric.buildActivity(HolderActivity::class.java) else Robolectric.buildActivity(HolderActivity::class.java, intent)).setup()

    private fun rotate(controller: ActivityController<HolderActivity>) {
        val landscape = Configuration(controller.get().resources.configuration).apply { orientation = Configuration.ORIENTATION_LANDSCAPE }
        controller.configurationChange(landscape)
    }

    private fun ActivityController<HolderActivity>.routes() = get().holder.graph.navigator.routes.value

    /** Lets anything still queued run, so a graph wrongly restarted would have reset the stack by now. */
    private fun settle() = repeat(20) { Fixture.idle(); Thread.sleep(5) }

    @Test
    fun aRotationKeepsTheScreenTheBackStackAndTheForm() {
        val controller = launch()
        val first = controller.get()
        val holder = first.holder
        val graph = holder.graph
        waitFor("home") { graph.home.state.value is app.firststep.kit.HomeUiState.Ready }

        graph.navigate(Route.Progress)
        graph.navigate(Route.ReturnToRun)
        graph.returnToRun.setWalkPain(3)
        graph.returnToRun.setHeelRaisesAffected("22")
        assertEquals(listOf(Route.Progress, Route.ReturnToRun), controller.routes())

        rotate(controller)
        settle()
        val second = controller.get()
        assertNotSame("the activity was recreated", first, second)
        assertSame("the recreated activity shows the same graph", holder, second.holder)
        assertEquals(listOf(Route.Progress, Route.ReturnToRun), controller.routes())
        assertEquals(3, graph.returnToRun.state.value.walkPain)
        assertEquals("22", graph.returnToRun.state.value.heelRaisesAffected)
        assertSame("the new activity launches the picker", second, holder.files.launcher)
        assertTrue(holder.isOpen)

        // Back still goes where it went before the rotation; a second recreation changes nothing either.
        controller.recreate()
        settle()
        assertSame(holder, controller.get().holder)
        assertTrue(graph.navigator.back())
        assertEquals(listOf(Route.Progress), controller.routes())

        // Finishing for good ends the graph's work and lets go of the activity.
        controller.get().finish()
        controller.pause().stop().destroy()
        assertFalse(holder.isOpen)
        assertEquals(null, holder.files.launcher)
    }

    @Test
    fun aDeepLinkOpensItsScreenOnceAndARotationDoesNotOpenItAgain() {
        val link = DeepLinks.uri(DeepLinks.Link(DeepLinks.Screen.PAIN, "2026-06-01"))
        val controller = launch(Intent(Intent.ACTION_VIEW, link))
        // Opened after the start route is known, so the start does not wipe it.
        waitFor("the pain form") { controller.routes() == listOf(Route.Home, Route.Morning) }

        rotate(controller)
        settle()
        assertEquals(listOf(Route.Home, Route.Morning), controller.routes())
        controller.get().finish()
        controller.pause().stop().destroy()
    }

    @Test
    fun anExportStartedBeforeARotationIsWrittenWhenThePickerAnswersTheNewActivity() {
        val controller = launch()
        val holder = controller.get().holder
        waitFor("home") { holder.graph.home.state.value is app.firststep.kit.HomeUiState.Ready }
        holder.graph.navigate(Route.Settings)
        val export = holder.graph.settings.exportBackup()
        waitFor("the picker") { controller.get().created.isNotEmpty() }
        assertEquals(listOf(app.firststep.kit.SettingsViewModel.BACKUP_NAME), controller.get().created)

        rotate(controller)
        val out = File(Fixture.app.filesDir, "chosen-backup.json")
        holder.files.created(Uri.fromFile(out)) // the system delivers the choice to the recreated activity
        waitFor("the export") { export.isCompleted }

        assertTrue(out.readText().contains("\"pain\""))
        assertEquals(app.firststep.kit.Transfer.Exported(Uri.fromFile(out).toString()), (holder.graph.settings.state.value as app.firststep.kit.SettingsUiState.Ready).transfer)
        assertEquals(listOf(Route.Settings), controller.routes())
        controller.get().finish()
        controller.pause().stop().destroy()
    }
}
