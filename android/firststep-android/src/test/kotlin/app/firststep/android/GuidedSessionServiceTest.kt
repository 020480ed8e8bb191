package app.firststep.android

import android.app.Notification
import android.app.NotificationManager
import android.content.pm.ServiceInfo
import android.os.Looper
import android.os.PowerManager
import app.firststep.core.FirstStep
import app.firststep.core.SessionStatus
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNotEquals
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.Robolectric
import org.robolectric.RobolectricTestRunner
import org.robolectric.Shadows.shadowOf
import org.robolectric.android.controller.ServiceController
import org.robolectric.annotation.Config
import org.robolectric.shadows.ShadowPowerManager
import java.time.Duration
import kotlin.math.ceil

/** The guided session held by a `health` foreground service, on the real core's session engine. */
@RunWith(RobolectricTestRunner::class)
@Config(sdk = [34], manifest = Config.NONE, application = TestApp::class)
class GuidedSessionServiceTest {
    private val clock = TestClock(TestClock.at("2026-06-01T18:00", "Europe/Berlin"))
    private val platform = Fixture.install(clock).also { it.core.submitAssessmentJson(clock.now(), Fixture.answersJson("2026-06-01")) }
    private val app = Fixture.app
    private val hub = platform.sessions
    private var controller: ServiceController<GuidedSessionService>? = null

    @After
    fun tearDown() {
        controller?.destroy()
        platform.core.close()
    }

    /** Starts today's session as the session screen does, then lets the system start the service it asked for. */
    private fun startSession(): GuidedSessionService {
        hub.begin()
        Fixture.idle()
        val intent = shadowOf(app).nextStartedService
        assertNotNull("the hub asked for the foreground service", intent)
        assertEquals(GuidedSessionService::class.java.name, intent.component!!.className)
        controller = Robolectric.buildService(GuidedSessionService::class.java, intent).create().startCommand(0, 1)
        Fixture.idle()
        return controller!!.get()
    }

    private fun command(action: String) {
        controller!!.withIntent(GuidedSessionService.intent(app, action)).startCommand(0, 2)
        Fixture.idle()
    }

    private fun posted(): Notification = shadowOf(app.getSystemService(NotificationManager::class.java)).getNotification(GuidedSessionService.NOTIFICATION_ID)

    private fun advance(ms: Long) = shadowOf(Looper.getMainLooper()).idleFor(Duration.ofMillis(ms))

    @Test
    fun startsInTheForegroundAsHealthShowingTheStepAndItsCountdown() {
        val service = startSession()
        val state = hub.state.value!!

        assertEquals(ServiceInfo.FOREGROUND_SERVICE_TYPE_HEALTH, service.foregroundServiceType)
        val n = shadowOf(service).lastForegroundNotification
        assertEquals(GuidedSessionService.NOTIFICATION_ID, shadowOf(service).lastForegroundNotificationId)
        assertEquals(SessionStatus.RUNNING, state.status)
        assertEquals(state.exerciseName, n.extras.getString(Notification.EXTRA_TITLE))
        assertTrue(n.extras.getCharSequence(Notification.EXTRA_TEXT).toString().startsWith(state.phaseLabel))
        assertTrue(n.extras.getBoolean(Notification.EXTRA_SHOW_CHRONOMETER))
        assertTrue(n.extras.getBoolean(Notification.EXTRA_CHRONOMETER_COUNT_DOWN))
        assertEquals("the countdown ends at the step's end", clock.now().instantMs + ceil(state.secondsRemaining!! * 1000).toLong(), n.`when`)
        assertTrue(n.flags and Notification.FLAG_ONGOING_EVENT != 0)
        assertEquals(listOf(Chrome.PAUSE, Chrome.SKIP), n.actions.map { it.title.toString() })
        assertTrue("cues stay on time with the screen off", ShadowPowerManager.getLatestWakeLock()?.isHeld == true)
    }

    @Test
    fun theNotificationChangesAtStepChangesNotEveryTick() {
        val service = startSession()
        val first = hub.state.value!!
        val posts = service.notificationPosts
        val firstWhen = shadowOf(service).lastForegroundNotification.`when`

        advance(1_000) // ten ticks inside the same step
        assertTrue(hub.state.value!!.secondsRemaining!! < first.secondsRemaining!!)
        assertEquals(posts, service.notificationPosts)

        advance(ceil(first.secondsRemaining!! * 1000).toLong()) // past the step's end
        val next = hub.state.value!!
        assertNotEquals(StepKey.of(first), StepKey.of(next))
        assertTrue(service.notificationPosts > posts)
        assertNotEquals(firstWhen, posted().`when`)
        assertEquals(next.exerciseName, posted().extras.getString(Notification.EXTRA_TITLE))
    }

    @Test
    fun pauseResumeAndSkipFromTheNotification() {
        startSession()
        val first = hub.state.value!!

        command(GuidedSessionService.ACTION_PAUSE)
        assertEquals(SessionStatus.PAUSED, hub.state.value!!.status)
        val paused = posted()
        assertEquals(listOf(Chrome.RESUME, Chrome.SKIP), paused.actions.map { it.title.toString() })
        assertFalse("no countdown while paused", paused.extras.getBoolean(Notification.EXTRA_SHOW_CHRONOMETER))
        assertEquals(Chrome.PAUSED, paused.extras.getCharSequence(Notification.EXTRA_SUB_TEXT).toString())
        advance(5_000)
        assertEquals("a paused timer does not move", first.secondsRemaining!!, hub.state.value!!.secondsRemaining!!, 0.01)

        command(GuidedSessionService.ACTION_RESUME)
        assertEquals(SessionStatus.RUNNING, hub.state.value!!.status)

        command(GuidedSessionService.ACTION_SKIP)
        assertNotEquals(StepKey.of(first), StepKey.of(hub.state.value!!))
        assertEquals(SessionStatus.RUNNING, hub.state.value!!.status)
    }

    @Test
    fun theSystemRestartsTheKilledServiceAndItContinuesTheSession() {
        startSession()
        val before = hub.state.value!!
        controller!!.destroy()
        controller = null
        advance(1_500)
        // The process died: a new one (new hub, new core handle on the same journal) is started by
        // the system for the sticky service, with no intent.
        val again = Platform(app, FirstStep.open(platform.core.databasePath()), clock, AndroidBootClock(app), { it.run() }, Fixture.LAYOUT, PainUndo { _, _ -> null })
        app.installed = again
        val restarted = Robolectric.buildService(GuidedSessionService::class.java, null).create().startCommand(0, 1)
        controller = restarted
        Fixture.idle()

        val state = again.sessions.state.value!!
        assertEquals(SessionStatus.RUNNING, state.status)
        assertEquals(before.exerciseName, state.exerciseName)
        assertTrue("the time while the process was dead counted", state.elapsedActiveMs >= 1_500)
        assertEquals(ServiceInfo.FOREGROUND_SERVICE_TYPE_HEALTH, restarted.get().foregroundServiceType)
        assertEquals(state.exerciseName, posted().extras.getString(Notification.EXTRA_TITLE))
        again.core.close()
    }

    @Test
    fun leavesTheForegroundWhenAllStepsAreDoneAndAsksForThePeakPain() {
        val service = startSession()
        var guard = 0
        while (hub.state.value!!.status == SessionStatus.RUNNING && guard++ < 2_000) {
            hub.skipStep()
            Fixture.idle()
        }
        assertEquals(SessionStatus.AWAITING_PAIN, hub.state.value!!.status)
        assertTrue(shadowOf(service).isForegroundStopped)
        assertTrue(shadowOf(service).isStoppedBySelf)
        assertFalse(ShadowPowerManager.getLatestWakeLock()!!.isHeld)
        val ask = shadowOf(app.getSystemService(NotificationManager::class.java)).getNotification(GuidedSessionService.DONE_TAG, 1)
        assertEquals(Chrome.SESSION_LOG_PEAK_PAIN, ask.extras.getCharSequence(Notification.EXTRA_TEXT).toString())

        // The screen finishes it with the peak pain: the core takes the records (every step was
        // skipped, so none counts as done), the snapshot goes and the hub is free for tomorrow.
        hub.finish(3)
        Fixture.idle()
        assertEquals(null, hub.message.value)
        assertEquals(null, hub.state.value)
        assertEquals(emptyList<Any>(), platform.core.sessions("2026-06-01", "2026-06-01"))
        assertFalse(hub.timeline.exists())
    }
}
