package app.firststep.ui

import androidx.compose.ui.test.junit4.createComposeRule
import androidx.compose.ui.test.onAllNodesWithTag
import androidx.compose.ui.test.onNodeWithTag
import app.firststep.core.Moment
import app.firststep.core.RunSource
import app.firststep.desktop.droppedRunFiles
import app.firststep.kit.AppGraph
import app.firststep.kit.FirstStepRepository
import app.firststep.kit.Route
import app.firststep.kit.RunFile
import app.firststep.kit.RunFilePicker
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.runBlocking
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertTrue
import org.junit.Rule
import org.junit.Test
import java.awt.datatransfer.DataFlavor
import java.awt.datatransfer.Transferable
import java.io.File
import java.nio.file.Files
import java.time.Instant

/**
 * "Import runs…" and files dropped on the window (issue 23), on a real journal with the public
 * activity files the core's tests use (tests/activities/README.md credits them).
 */
class RunImportTest {
    @get:Rule val rule = createComposeRule()

    /** 2017-08-01 09:00 in Berlin: three days after the Garmin GPX run. */
    private val clock = FixedClock(Moment(Instant.parse("2017-08-01T07:00:00Z").toEpochMilli(), "Europe/Berlin"))
    private val db = tempDb()
    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default)
    private val repository = runBlocking { FirstStepRepository.open(db.path, clock).also { it.submitAssessmentJson(answersJson("2017-07-20")) } }
    /** What the "Import runs…" dialog returns next. */
    @Volatile private var picked: List<RunFile> = emptyList()
    private val graph = AppGraph(repository, scope, ManualClock(), RecordingCues(), MemorySnapshots(), TempFiles(), 20,
        runFiles = RunFilePicker { picked })

    @After fun close() {
        graph.session.close()
        scope.cancel()
        repository.close()
    }

    private fun openRuns() {
        rule.setContent { FirstStepApp(graph) }
        graph.navigate(Route.Run)
        rule.waitForTag("run-import-choose")
    }

    private fun texts(tag: String): List<String> =
        rule.onAllNodesWithTag(tag, useUnmergedTree = true).fetchSemanticsNodes().map { n ->
            n.config.getOrElse(androidx.compose.ui.semantics.SemanticsProperties.Text) { emptyList() }.joinToString("") { it.text }
        }

    @Test
    fun `an imported GPX run is listed, and the same file again is already imported, stored once`() {
        openRuns()
        assertEquals(listOf(EnglishStrings.runListEmpty), texts("run-list-empty"))
        picked = listOf(activity("garmin-activity.gpx"))
        rule.tap("run-import-choose")
        rule.waitForTag("run-list-0")
        assertEquals("garmin-activity.gpx — Imported", rule.onNodeWithTag("run-import-result-0").text())
        assertTrue(texts("run-import-line-0").toString(), texts("run-import-line-0").first().startsWith("Added: 12.82 km on 2017-07-29"))
        assertEquals("2017-07-29 · 12.8 km · from a file", rule.onNodeWithTag("run-list-0").text())
        val stored = FirstStepRepositoryCheck.runs(db)
        assertEquals(1, stored.size)
        assertEquals(RunSource.FILE, stored[0].source)

        rule.tap("run-import-choose")
        rule.waitUntil(10_000) { texts("run-import-line-0").firstOrNull()?.startsWith("Already imported") == true }
        assertEquals(1, FirstStepRepositoryCheck.runs(db).size)
        assertTrue(texts("run-list-1").isEmpty())
    }

    @Test
    fun `a damaged file is refused with the reason and nothing is written`() {
        openRuns()
        val fit = File(activitiesDir, "hrv-activity.fit").readBytes()
        picked = listOf(RunFile("cut.fit") { fit.copyOf(fit.size / 3) }, activity("Settings.fit"))
        rule.tap("run-import-choose")
        rule.waitForTag("run-import-result-1")
        assertEquals("cut.fit — Refused", rule.onNodeWithTag("run-import-result-0").text())
        assertTrue(texts("run-import-line-0").toString(), texts("run-import-line-0").single().contains("damaged"))
        assertEquals("Settings.fit — Refused", rule.onNodeWithTag("run-import-result-1").text())
        assertTrue(texts("run-import-line-1").single().contains("settings file"))
        assertTrue(FirstStepRepositoryCheck.runs(db).isEmpty())
        rule.tap("run-import-dismiss")
        rule.waitUntil(5_000) { texts("run-import-result-0").isEmpty() }
    }

    @Test
    fun `a folder dropped on the window opens the runs screen and imports its activity files`() {
        rule.setContent { FirstStepApp(graph) }
        graph.start()
        val folder = Files.createTempDirectory("GARMIN").resolve("Activity").toFile().apply { mkdirs() }
        for (name in listOf("garmin-activity.gpx", "garmin-fenix-5-bike.fit")) File(activitiesDir, name).copyTo(File(folder, name))
        File(folder, "notes.txt").writeText("not an activity")
        val files = droppedRunFiles(fileList(folder))
        assertEquals(listOf("garmin-activity.gpx", "garmin-fenix-5-bike.fit"), files.map { it.name })

        runBlocking { graph.importRuns(files)!!.join() }
        rule.waitForTag("run-import-result-1")
        assertEquals(Route.Run, graph.navigator.current)
        assertEquals("garmin-activity.gpx — Imported", rule.onNodeWithTag("run-import-result-0").text())
        assertEquals("garmin-fenix-5-bike.fit — Skipped", rule.onNodeWithTag("run-import-result-1").text())
        assertTrue(texts("run-import-line-1").single().contains("cycling"))
        assertEquals(1, FirstStepRepositoryCheck.runs(db).size)
    }

    /** What a desktop drag of [files] carries. */
    private fun fileList(vararg files: File) = object : Transferable {
        override fun getTransferDataFlavors() = arrayOf(DataFlavor.javaFileListFlavor)
        override fun isDataFlavorSupported(flavor: DataFlavor) = flavor == DataFlavor.javaFileListFlavor
        override fun getTransferData(flavor: DataFlavor): Any = files.toList()
    }

    private companion object {
        val activitiesDir = File(System.getProperty("firststep.activities.dir") ?: "../../tests/activities")
        fun activity(name: String) = RunFile(name) { File(activitiesDir, name).readBytes() }
    }
}

/** The journal read through a second handle, as a restarted app would see it. */
private object FirstStepRepositoryCheck {
    fun runs(db: File) = app.firststep.core.FirstStep.open(db.path).use { it.runs("2000-01-01", "2017-08-01") }
}
