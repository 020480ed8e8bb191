package app.firststep.android

import android.app.AlarmManager
import android.content.Intent
import app.firststep.core.ReminderKind
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNotNull
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.Shadows.shadowOf
import org.robolectric.annotation.Config
import org.robolectric.shadows.ShadowAlarmManager
import java.time.Instant
import java.time.LocalDate
import java.time.LocalTime
import java.time.ZoneId
import java.time.ZoneOffset

/** Alarms armed from the real core's 14-day plan, through AlarmManager. */
@RunWith(RobolectricTestRunner::class)
@Config(sdk = [34], manifest = Config.NONE, application = TestApp::class)
class ReminderAlarmsTest {
    private val berlin = "Europe/Berlin"
    // Wednesday before the spring change (Sunday 2026-03-29, 02:00 → 03:00 in Berlin).
    private val clock = TestClock(TestClock.at("2026-03-25T10:00", berlin))
    private val platform = Fixture.install(clock)
    private val app = Fixture.app
    private val alarmManager = app.getSystemService(AlarmManager::class.java)
    private val alarms get() = shadowOf(alarmManager).scheduledAlarms

    @After
    fun tearDown() {
        ShadowAlarmManager.setCanScheduleExactAlarms(false)
        platform.core.close()
    }

    /** 07:00 in [zone] on every day from [from] for [days] days, as instants (computed without the core). */
    private fun sevenAm(from: String, days: Int, zone: String): Set<Long> =
        (0 until days).map { LocalDate.parse(from).plusDays(it.toLong()).atTime(7, 0).atZone(ZoneId.of(zone)).toInstant().toEpochMilli() }.toSet()

    private fun reminderOf(alarm: ShadowAlarmManager.ScheduledAlarm) =
        ReminderIntents.reminder(shadowOf(alarm.operation).savedIntent)!!

    @Test
    fun exactAlarmsAtSevenLocalAcrossTheDstChange() {
        ShadowAlarmManager.setCanScheduleExactAlarms(true)

        val plan = ReminderArming.sync(app)

        // Today's 07:00 has passed at 10:00: the next 13 mornings, every one at 07:00 Berlin time.
        assertEquals(sevenAm("2026-03-26", 13, berlin), alarms.map { it.triggerAtMs }.toSet())
        assertEquals(plan.schedule.size, alarms.size)
        val utcHours = alarms.associate { reminderOf(it).localDate to Instant.ofEpochMilli(it.triggerAtMs).atOffset(ZoneOffset.UTC).hour }
        assertEquals("before the change: UTC+1", 6, utcHours["2026-03-28"])
        assertEquals("after the change: UTC+2", 5, utcHours["2026-03-29"])
        for (alarm in alarms) {
            assertEquals(AlarmManager.RTC_WAKEUP, alarm.type)
            assertEquals("exact", ShadowAlarmManager.WINDOW_EXACT, alarm.windowLengthMs)
            assertTrue("fires in Doze", alarm.isAllowWhileIdle)
            assertEquals(ReminderReceiver::class.java.name, shadowOf(alarm.operation).savedIntent.component!!.className)
        }
        // One PendingIntent per reminder id.
        assertEquals(alarms.size, alarms.map { it.operation }.toSet().size)
        assertEquals(plan.schedule.map { it.id }.toSet(), alarms.map { reminderOf(it).id }.toSet())
    }

    @Test
    fun withoutExactPermissionAllowWhileIdleNotAWindow() {
        ShadowAlarmManager.setCanScheduleExactAlarms(false)

        ReminderArming.sync(app)

        assertEquals(sevenAm("2026-03-26", 13, berlin), alarms.map { it.triggerAtMs }.toSet())
        for (alarm in alarms) {
            // setAndAllowWhileIdle: inexact, but still fires in Doze (setWindow would have a positive window and no idle flag).
            assertEquals(ShadowAlarmManager.WINDOW_HEURISTIC, alarm.windowLengthMs)
            assertTrue(alarm.isAllowWhileIdle)
        }
        assertEquals(AlarmMode.INEXACT, AlarmReminderScheduler(app).mode())
    }

    @Test
    fun exactAlarmPermissionGrantedReArmsEveryAlarmExact() {
        ShadowAlarmManager.setCanScheduleExactAlarms(false)
        ReminderArming.sync(app)
        val count = alarms.size

        ShadowAlarmManager.setCanScheduleExactAlarms(true)
        RearmReceiver().handle(app, Intent(RearmReceiver.EXACT_ALARM_PERMISSION_CHANGED))

        assertEquals("replaced, not duplicated", count, alarms.size)
        assertTrue(alarms.all { it.windowLengthMs == ShadowAlarmManager.WINDOW_EXACT })
    }

    @Test
    fun bootCompletedReArmsAlarmsTheSystemDropped() {
        ShadowAlarmManager.setCanScheduleExactAlarms(true)
        ReminderArming.sync(app)
        val before = alarms.map { it.triggerAtMs }.toSet()
        // A reboot: the system forgets every alarm (our store still lists them).
        alarms.toList().forEach { alarmManager.cancel(it.operation) }
        assertEquals(0, alarms.size)

        RearmReceiver().handle(app, Intent(Intent.ACTION_BOOT_COMPLETED))

        assertEquals(before, alarms.map { it.triggerAtMs }.toSet())

        // An app update is treated the same way (alarms re-armed from the core, not trusted).
        alarms.toList().forEach { alarmManager.cancel(it.operation) }
        RearmReceiver().handle(app, Intent(Intent.ACTION_MY_PACKAGE_REPLACED))
        assertEquals(before, alarms.map { it.triggerAtMs }.toSet())
    }

    @Test
    fun timeZoneChangeMovesRemindersToSevenInTheNewZone() {
        ShadowAlarmManager.setCanScheduleExactAlarms(true)
        ReminderArming.sync(app)

        // Flying to New York: the same instant, another zone (10:00 Berlin = 05:00 New York, before 07:00).
        clock.moment = clock.moment.copy(timeZone = "America/New_York")
        RearmReceiver().handle(app, Intent(Intent.ACTION_TIMEZONE_CHANGED))

        assertEquals(sevenAm("2026-03-25", 14, "America/New_York"), alarms.map { it.triggerAtMs }.toSet())
        assertTrue(alarms.all { Instant.ofEpochMilli(it.triggerAtMs).atZone(ZoneId.of("America/New_York")).toLocalTime() == LocalTime.of(7, 0) })
    }

    @Test
    fun timeSetDropsPastRemindersAndArmsTheNewWindow() {
        ShadowAlarmManager.setCanScheduleExactAlarms(true)
        ReminderArming.sync(app)

        clock.set("2026-03-30T12:00") // the clock was set five days ahead
        RearmReceiver().handle(app, Intent(Intent.ACTION_TIME_CHANGED))

        assertEquals(sevenAm("2026-03-31", 13, berlin), alarms.map { it.triggerAtMs }.toSet())
        assertNull("the 26th's alarm is gone", ReminderIntents.existing(app, "morning_pain:2026-03-26"))
    }

    @Test
    fun staleReminderCancelledWhenTheMorningIsLogged() {
        ShadowAlarmManager.setCanScheduleExactAlarms(true)
        clock.set("2026-03-25T06:00") // before today's 07:00 reminder
        ReminderArming.sync(app)
        assertNotNull(ReminderIntents.existing(app, "morning_pain:2026-03-25"))

        platform.core.logPain(clock.now(), null, 3, null, null)
        val plan = ReminderArming.sync(app)

        assertEquals(listOf("morning_pain:2026-03-25"), plan.cancel)
        assertNull("its PendingIntent is cancelled too", ReminderIntents.existing(app, "morning_pain:2026-03-25"))
        assertEquals(sevenAm("2026-03-26", 13, berlin), alarms.map { it.triggerAtMs }.toSet())
        assertTrue(ReminderStore(app).ids().none { it.endsWith("2026-03-25") })
    }

    @Test
    fun dueMorningReminderSkippedWhenThatMorningIsAlreadyLogged() {
        ShadowAlarmManager.setCanScheduleExactAlarms(true)
        ReminderArming.sync(app)
        val fired = alarms.map { shadowOf(it.operation).savedIntent }.first { ReminderIntents.reminder(it)!!.localDate == "2026-03-26" }
        val nm = shadowOf(app.getSystemService(android.app.NotificationManager::class.java))

        // Logged in the app before the alarm went off (e.g. at 06:30): the alarm shows nothing.
        clock.set("2026-03-26T07:00")
        platform.core.logPain(TestClock.at("2026-03-26T06:30", berlin), null, 2, null, null)
        assertEquals(ReminderReceiver.Outcome.SKIPPED_LOGGED, ReminderReceiver().show(app, fired))
        assertEquals(0, nm.allNotifications.size)

        // The next morning is not logged: the one-tap question, worded by the core.
        val next = alarms.map { shadowOf(it.operation).savedIntent }.first { ReminderIntents.reminder(it)!!.localDate == "2026-03-27" }
        clock.set("2026-03-27T07:00")
        assertEquals(ReminderReceiver.Outcome.SHOWN, ReminderReceiver().show(app, next))
        val reminder = platform.core.reminders(TestClock.at("2026-03-27T06:00", berlin)).first { it.kind == ReminderKind.MORNING_PAIN }
        val shown = nm.getNotification(PainNotifications.tag("2026-03-27"), PainNotifications.NOTIFICATION_ID)
        assertEquals(reminder.title, shown.extras.getString(android.app.Notification.EXTRA_TITLE))
    }
}
