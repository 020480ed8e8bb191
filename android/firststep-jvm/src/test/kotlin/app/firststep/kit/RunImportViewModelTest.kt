package app.firststep.kit

import app.firststep.core.ImportStatus
import app.firststep.core.JournalChange
import app.firststep.core.Moment
import app.firststep.core.RunSource
import kotlinx.coroutines.ExperimentalCoroutinesApi
import kotlinx.coroutines.test.StandardTestDispatcher
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.runTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.io.File
import java.io.IOException
import java.time.Instant

/**
 * "Import runs…" (issue 23) on the real core and a real journal file, with the public activity files
 * the core's tests use (tests/activities/README.md credits them).
 */
@OptIn(ExperimentalCoroutinesApi::class)
class RunImportViewModelTest {
    /** 2017-08-01 09:00 in Berlin: three days after the Garmin GPX run of 2017-07-29. */
    private val clock = FixedClock(Moment(Instant.parse("2017-08-01T07:00:00Z").toEpochMilli(), "Europe/Berlin"))

    private class Fixture(scope: TestScope, clock: Clock, picked: List<RunFile> = emptyList()) {
        val repo = FirstStepRepository(openTempCore(), clock, StandardTestDispatcher(scope.testScheduler))
        val changes = mutableListOf<JournalChange>()
        var picks = 0
        val vm = RunImportViewModel(repo, { picks++; picked }, scope.backgroundScope) { changes += it }
    }

    @Test
    fun `an imported GPX run appears on the runs list and the app is told to refresh`() = runTest {
        val f = Fixture(this, clock, listOf(activity("garmin-activity.gpx")))
        f.vm.load().join()
        assertTrue(f.vm.state.value.readsFiles, "the desktop library is built with activity-files")
        assertTrue(f.vm.state.value.runs.isEmpty())

        f.vm.chooseFiles().join()
        val s = f.vm.state.value
        assertEquals(1, f.picks)
        assertEquals(listOf(ImportStatus.IMPORTED), s.results.map { it.status })
        assertEquals("garmin-activity.gpx", s.results[0].file)
        assertTrue(s.results[0].lines.first().startsWith("Added: 12.8"), "${s.results[0].lines}")
        assertEquals(1, s.runs.size)
        val run = s.runs[0]
        assertEquals("2017-07-29", run.date)
        assertEquals(RunSource.FILE, run.source)
        assertEquals(12.82, run.distanceKm, 0.005)
        assertEquals(listOf(JournalChange.RUNS_IMPORTED), f.changes)
        assertEquals(run, f.repo.runs("2017-07-29", "2017-07-29").single())
        f.repo.close()
    }

    @Test
    fun `the same file again is matched as already imported, stored once and nothing refreshed`() = runTest {
        val f = Fixture(this, clock)
        f.vm.importFiles(listOf(activity("garmin-activity.gpx"))).join()
        f.vm.importFiles(listOf(activity("garmin-activity.gpx", as_ = "copy of it.gpx"))).join()
        val s = f.vm.state.value
        assertEquals(ImportStatus.IMPORTED, s.results.single().status)
        assertTrue(s.results.single().lines.first().startsWith("Already imported"), "${s.results}")
        assertEquals(1, s.runs.size)
        assertEquals(1, f.repo.runs("2017-07-01", "2017-08-01").size)
        assertEquals(listOf(JournalChange.RUNS_IMPORTED), f.changes, "only the first import wrote")
        f.repo.close()
    }

    @Test
    fun `a run typed in by hand is matched by the import and kept`() = runTest {
        val f = Fixture(this, clock)
        f.repo.logRun(12.7, date = "2017-07-29")
        f.vm.importFiles(listOf(activity("garmin-activity.gpx"))).join()
        val line = f.vm.state.value.results.single().lines.first()
        assertTrue(line.startsWith("Already in your journal") && line.contains("the run you typed in"), line)
        val stored = f.repo.runs("2017-07-29", "2017-07-29").single()
        assertEquals(RunSource.MANUAL, stored.source)
        assertEquals(12.7, stored.distanceKm, 1e-9)
        f.repo.close()
    }

    @Test
    fun `damaged, settings and other-sport files are refused or skipped with the reason, and write nothing`() = runTest {
        val f = Fixture(this, clock)
        val fit = File(activitiesDir, "hrv-activity.fit").readBytes()
        val cut = RunFile("cut.fit") { fit.copyOf(fit.size / 3) }
        f.vm.importFiles(listOf(cut, activity("Settings.fit"), activity("garmin-fenix-5-bike.fit"), activity("strava_route_example.gpx"))).join()
        val s = f.vm.state.value
        assertEquals(listOf("cut.fit", "Settings.fit", "garmin-fenix-5-bike.fit", "strava_route_example.gpx"), s.results.map { it.file })
        assertEquals(listOf(ImportStatus.REFUSED, ImportStatus.REFUSED, ImportStatus.SKIPPED, ImportStatus.SKIPPED), s.results.map { it.status })
        assertTrue(s.results[0].lines.single().contains("damaged"), "${s.results[0].lines}")
        assertTrue(s.results[1].lines.single().contains("settings file"), "${s.results[1].lines}")
        assertTrue(s.results[2].lines.single().contains("cycling"), "${s.results[2].lines}")
        assertTrue(s.results[3].lines.single().contains("no timestamps"), "${s.results[3].lines}")
        assertTrue(s.runs.isEmpty())
        assertTrue(f.repo.runs("2000-01-01", "2017-08-01").isEmpty())
        assertTrue(f.changes.isEmpty(), "nothing written, nothing to refresh")
        f.repo.close()
    }

    @Test
    fun `a file that cannot be opened is listed with the system's words and the others still import`() = runTest {
        val f = Fixture(this, clock)
        val gone = RunFile("gone.fit") { throw IOException("gone.fit (No such file or directory)") }
        f.vm.importFiles(listOf(gone, activity("garmin-activity.gpx"))).join()
        val s = f.vm.state.value
        assertEquals(ImportStatus.REFUSED, s.results[0].status)
        assertEquals("gone.fit (No such file or directory)", s.results[0].openError)
        assertEquals(ImportStatus.IMPORTED, s.results[1].status)
        assertEquals(1, s.runs.size)
        f.repo.close()
    }

    @Test
    fun `cancelling the dialog imports nothing and keeps the list`() = runTest {
        val f = Fixture(this, clock)
        f.vm.load().join()
        f.vm.chooseFiles().join()
        assertEquals(1, f.picks)
        assertTrue(f.vm.state.value.results.isEmpty())
        assertNull(f.vm.state.value.error)
        assertTrue(f.changes.isEmpty())
        f.repo.close()
    }

    companion object {
        /** The repository's public test files (tests/activities), from this module's folder. */
        val activitiesDir = File(System.getProperty("firststep.activities.dir") ?: "../../tests/activities")

        fun activity(name: String, as_: String = name) = File(activitiesDir, name).let { RunFile(as_) { it.readBytes() } }
    }
}
