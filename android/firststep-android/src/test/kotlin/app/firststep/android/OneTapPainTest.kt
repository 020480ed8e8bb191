package app.firststep.android

import android.app.Notification
import android.app.NotificationManager
import android.content.Context
import android.content.IntentFilter
import app.firststep.core.FirstStepException
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.Shadows.shadowOf
import org.robolectric.annotation.Config

/** The morning notification's eleven buttons write through the real core for the reminder's date. */
@RunWith(RobolectricTestRunner::class)
@Config(sdk = [34], manifest = Config.NONE, application = TestApp::class)
class OneTapPainTest {
    private val zone = "Europe/Berlin"
    private val clock = TestClock(TestClock.at("2026-05-12T07:00", zone))
    private val platform = Fixture.install(clock) // the real core's undo
    private val app = Fixture.app
    private val nm = app.getSystemService(NotificationManager::class.java)
    private val ask get() = platform.core.reminders(TestClock.at("2026-05-12T06:00", zone)).first().let {
        PainNotifications.Ask(it.localDate, it.title, it.body)
    }

    @After
    fun close() = platform.core.close()

    private fun shown(date: String): Notification = shadowOf(nm).getNotification(PainNotifications.tag(date), PainNotifications.NOTIFICATION_ID)

    /** Registers the receiver as the manifest does, so taps go through the framework and goAsync. */
    private fun registerReceiver() {
        val filter = IntentFilter().apply {
            addAction(PainNotifications.ACTION_LOG)
            addAction(PainNotifications.ACTION_UNDO)
            addDataScheme(DeepLinks.SCHEME)
        }
        app.registerReceiver(PainTapReceiver(), filter, Context.RECEIVER_NOT_EXPORTED)
    }

    /** Taps score [score] on the shown notification's expanded grid. */
    private fun tap(date: String, score: Int) {
        val buttons = shown(date).bigContentView.clickIntents()
        buttons.getValue(Fixture.LAYOUT.scoreButtons[score]).send()
        Fixture.idle()
    }

    @Test
    fun theQuestionHasElevenScoresForItsDate() {
        val ask = ask
        PainNotifications.ask(app, ask)

        val n = shown(ask.date)
        assertEquals(ask.title, n.extras.getString(Notification.EXTRA_TITLE))
        assertEquals(ask.body, n.extras.getCharSequence(Notification.EXTRA_TEXT).toString())
        assertEquals(Channels.MORNING, n.channelId)
        for (views in listOf(n.contentView, n.bigContentView)) {
            val buttons = views.clickIntents()
            assertEquals(Fixture.LAYOUT.scoreButtons.toSet(), buttons.keys)
            Fixture.LAYOUT.scoreButtons.forEachIndexed { score, id ->
                val intent = shadowOf(buttons.getValue(id)).savedIntent
                assertTrue(shadowOf(buttons.getValue(id)).isBroadcast)
                assertEquals(PainTapReceiver::class.java.name, intent.component!!.className)
                assertEquals(score, intent.getIntExtra(PainNotifications.EXTRA_SCORE, -1))
                assertEquals(ask.date, intent.getStringExtra(PainNotifications.EXTRA_DATE))
            }
        }
        assertEquals(Fixture.LAYOUT.expanded, n.bigContentView.layoutId)
        assertEquals(Fixture.LAYOUT.compact, n.contentView.layoutId)
    }

    @Test
    fun oneTapLogsTheScoreAndOffersUndo() {
        registerReceiver()
        val ask = ask
        PainNotifications.ask(app, ask)

        tap(ask.date, 4)

        val entries = platform.core.painEntries(ask.date, ask.date)
        assertEquals(listOf(4), entries.map { it.score.toInt() })
        assertEquals(clock.now().instantMs, entries.single().loggedAtMs)
        val n = shown(ask.date)
        assertEquals("Logged 4", n.extras.getCharSequence(Notification.EXTRA_TEXT).toString())
        val undo = n.actions.single()
        assertEquals(Chrome.UNDO, undo.title.toString())
        assertEquals(ask.date, shadowOf(undo.actionIntent).savedIntent.getStringExtra(PainNotifications.EXTRA_DATE))
        // Re-armed after the log: no reminder is left for a logged morning.
        assertTrue(ReminderStore(app).ids().none { it == "morning_pain:${ask.date}" })

        // Undo: the core removes the day's score; the question comes back for another tap.
        undo.actionIntent.send()
        Fixture.idle()
        assertEquals(emptyList<Any>(), platform.core.painEntries(ask.date, ask.date))
        assertEquals(11, shown(ask.date).bigContentView.clickIntents().size)
        assertEquals("no score is left for the home screen", null, platform.core.home(clock.now()).lastPain)
    }

    @Test
    fun undoingAnEditRestoresTheEarlierScore() {
        registerReceiver()
        val ask = ask
        PainNotifications.ask(app, ask)
        tap(ask.date, 3)
        clock.set("2026-05-12T07:05")
        PainNotifications.ask(app, ask) // the question again (e.g. from the app), and a second answer
        tap(ask.date, 6)
        assertEquals(listOf(6), platform.core.painEntries(ask.date, ask.date).map { it.score.toInt() })

        shown(ask.date).actions.single().actionIntent.send()
        Fixture.idle()

        assertEquals(listOf(3), platform.core.painEntries(ask.date, ask.date).map { it.score.toInt() })
        assertEquals("Logged 3", shown(ask.date).extras.getCharSequence(Notification.EXTRA_TEXT).toString())
    }

    @Test
    fun aTapAfterMidnightLogsTheMorningItAskedAbout() {
        registerReceiver()
        val ask = ask
        PainNotifications.ask(app, ask)
        clock.set("2026-05-13T00:20") // answered in bed, after midnight

        tap(ask.date, 6)

        assertEquals(listOf(6), platform.core.painEntries(ask.date, ask.date).map { it.score.toInt() })
        assertEquals(emptyList<Any>(), platform.core.painEntries("2026-05-13", "2026-05-13"))
    }

    @Test
    fun aTapForAFutureDateShowsTheCoresRefusal() {
        registerReceiver()
        // Planned for the 12th in Berlin, tapped on the 11th's evening in New York (the clock moved west).
        val ask = ask
        PainNotifications.ask(app, ask)
        clock.moment = TestClock.at("2026-05-11T20:00", "America/New_York")
        val expected = try {
            platform.core.logPain(clock.now(), ask.date, 5, null, null)
            null
        } catch (e: FirstStepException) {
            e.coreMessage
        }
        assertNotNull("the core refuses a future morning", expected)

        tap(ask.date, 5)

        assertEquals(emptyList<Any>(), platform.core.painEntries(ask.date, ask.date))
        val n = shown(ask.date)
        assertEquals(expected, n.extras.getCharSequence(Notification.EXTRA_TEXT).toString())
        assertEquals(Chrome.NOT_LOGGED, n.extras.getCharSequence(Notification.EXTRA_SUB_TEXT).toString())
    }

    @Test
    fun anOutOfRangeScoreIsRefusedByTheCoreNotClamped() {
        val ask = ask
        val intent = shadowOf(PainNotifications.scoreIntent(app, ask, 11)).savedIntent
        val outcome = PainTapReceiver().apply(app, intent)
        assertTrue(outcome is PainTapReceiver.Outcome.Refused)
        assertEquals(emptyList<Any>(), platform.core.painEntries(ask.date, ask.date))
    }

    @Test
    fun aRefusedUndoShowsTheCoresMessageAndKeepsTheQuestion() {
        val ask = ask // nothing logged for that day: the core has nothing to undo
        val expected = try {
            platform.core.undoPain(clock.now(), ask.date)
            null
        } catch (e: FirstStepException) {
            e.coreMessage
        }
        assertNotNull("the core refuses", expected)
        val intent = shadowOf(PainNotifications.undoIntent(app, ask)).savedIntent

        val outcome = PainTapReceiver().apply(app, intent)

        assertEquals(PainTapReceiver.Outcome.Refused(ask.date, expected!!), outcome)
        val n = shown(ask.date)
        assertEquals(expected, n.extras.getCharSequence(Notification.EXTRA_TEXT).toString())
        assertEquals(11, n.bigContentView.clickIntents().size)
    }
}
