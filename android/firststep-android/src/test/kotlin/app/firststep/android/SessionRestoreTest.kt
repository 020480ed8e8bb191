package app.firststep.android

import app.firststep.core.SessionStatus
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNull
import org.junit.Test
import android.os.Looper
import app.firststep.kit.SessionTicker
import org.robolectric.Shadows.shadowOf
import java.time.Duration
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.annotation.Config

/** A session survives the process being killed, and a reboot brings it back paused. */
@RunWith(RobolectricTestRunner::class)
@Config(sdk = [34], manifest = Config.NONE, application = TestApp::class)
class SessionRestoreTest {
    private val clock = TestClock(TestClock.at("2026-06-01T18:00", "Europe/Berlin"))
    private val boot = TestBootClock(elapsedMs = 10_000, boot = 3)
    private val platforms = mutableListOf<Platform>()

    /** A fresh process: a new Platform (new hub, new core handle) over the same files. */
    private fun process(bootClock: TestBootClock = boot): Platform {
        val journal = platforms.firstOrNull()?.core?.databasePath()
        val p = if (journal == null) {
            Fixture.install(clock, bootClock).also { it.core.submitAssessmentJson(clock.now(), Fixture.answersJson("2026-06-01")) }
        } else {
            Platform(Fixture.app, app.firststep.core.FirstStep.open(journal), clock, bootClock, { it.run() }, Fixture.LAYOUT, PainUndo { _, _ -> null })
                .also { Fixture.app.installed = it }
        }
        platforms += p
        return p
    }

    @After
    fun close() = platforms.forEach { it.core.close() }

    @Test
    fun aKilledProcessContinuesTheRunningSession() {
        val first = process().sessions
        first.begin()
        Fixture.idle()
        assertEquals(SessionStatus.RUNNING, first.state.value!!.status)

        boot.elapsedMs += 2_000 // killed; the runner keeps going for two seconds
        val second = process().sessions
        second.restore()
        Fixture.idle()

        val state = second.state.value!!
        assertEquals(SessionStatus.RUNNING, state.status)
        assertEquals("the two seconds counted", 2_000L, state.elapsedActiveMs)
    }

    @Test
    fun aRebootRestoresThePausedSessionAtTheLastSavedInstant() {
        val first = process().sessions
        first.begin()
        Fixture.idle()
        boot.elapsedMs += 600
        first.pause()
        Fixture.idle()
        boot.elapsedMs += 100
        first.resume()
        Fixture.idle()
        boot.elapsedMs += 400 // running when the phone restarts

        val rebooted = TestBootClock(elapsedMs = 50, boot = 4) // the monotonic clock starts again near zero
        val second = process(rebooted).sessions
        second.restore()
        Fixture.idle()

        val state = second.state.value!!
        assertEquals(SessionStatus.PAUSED, state.status)
        assertEquals("active until the last save (the resume), nothing invented", 600L, state.elapsedActiveMs)

        // It continues on the new boot's clock without "time went backwards".
        second.resume()
        Fixture.idle()
        rebooted.elapsedMs += 1_000
        second.pause()
        Fixture.idle()
        assertNull(second.message.value)
        assertEquals(1_600L, second.state.value!!.elapsedActiveMs)
    }

    @Test
    fun aFinishedSessionReachesTheJournal() {
        val hub = process().sessions
        hub.begin()
        Fixture.idle()
        boot.elapsedMs += 2 * 60 * 60 * 1000L // the timed steps all ran out; self-paced ones wait for a tap
        shadowOf(Looper.getMainLooper()).idleFor(Duration.ofMillis(SessionTicker.DEFAULT_TICK_MS)) // one tick
        var guard = 0
        while (hub.state.value!!.status == SessionStatus.RUNNING && guard++ < 2_000) {
            hub.repDone()
            Fixture.idle()
            if (hub.state.value!!.status == SessionStatus.RUNNING) hub.skipStep()
            Fixture.idle()
        }
        assertEquals(SessionStatus.AWAITING_PAIN, hub.state.value!!.status)

        hub.finish(2)
        Fixture.idle()

        val core = platforms.last().core
        val saved = core.sessions("2026-06-01", "2026-06-01")
        assertEquals(null, hub.message.value)
        assertEquals(true, saved.isNotEmpty())
        assertEquals(setOf(2), saved.map { it.peakPain.toInt() }.toSet())
        assertEquals(false, hub.timeline.exists())
    }

    @Test
    fun nothingSavedNothingRestored() {
        val hub = process().sessions
        hub.restore()
        Fixture.idle()
        assertNull(hub.state.value)
    }
}
