package app.firststep.android

import android.Manifest
import android.app.NotificationManager
import android.os.PowerManager
import android.provider.Settings
import org.junit.After
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.RuntimeEnvironment
import org.robolectric.Shadows.shadowOf
import org.robolectric.annotation.Config
import org.robolectric.shadows.ShadowAlarmManager

@RunWith(RobolectricTestRunner::class)
@Config(sdk = [34], manifest = Config.NONE)
class ReminderHealthTest {
    private val app = RuntimeEnvironment.getApplication()
    private val pkg = app.packageName

    @After
    fun reset() = ShadowAlarmManager.setCanScheduleExactAlarms(false)

    private fun allGood() {
        shadowOf(app).grantPermissions(Manifest.permission.POST_NOTIFICATIONS)
        ShadowAlarmManager.setCanScheduleExactAlarms(true)
        shadowOf(app.getSystemService(PowerManager::class.java)).setIgnoringBatteryOptimizations(pkg, true)
    }

    @Test
    fun everythingAllowed() {
        allGood()
        val items = ReminderHealth.check(app)
        assertEquals(listOf(ReminderHealth.Check.NOTIFICATIONS, ReminderHealth.Check.EXACT_ALARMS, ReminderHealth.Check.BATTERY), items.map { it.check })
        assertTrue(items.all { it.ok })
    }

    @Test
    fun eachProblemWithTheScreenThatFixesIt() {
        allGood()
        shadowOf(app).denyPermissions(Manifest.permission.POST_NOTIFICATIONS)
        ShadowAlarmManager.setCanScheduleExactAlarms(false)
        shadowOf(app.getSystemService(PowerManager::class.java)).setIgnoringBatteryOptimizations(pkg, false)

        val (notifications, exact, battery) = ReminderHealth.check(app)

        assertFalse(notifications.ok)
        assertEquals(Settings.ACTION_APP_NOTIFICATION_SETTINGS, notifications.fix.action)
        assertEquals(pkg, notifications.fix.getStringExtra(Settings.EXTRA_APP_PACKAGE))
        assertFalse(exact.ok)
        assertEquals(Chrome.HEALTH_INEXACT, exact.state)
        assertEquals(Settings.ACTION_REQUEST_SCHEDULE_EXACT_ALARM, exact.fix.action)
        assertEquals("package:$pkg", exact.fix.dataString)
        assertFalse(battery.ok)
        assertEquals(Settings.ACTION_IGNORE_BATTERY_OPTIMIZATION_SETTINGS, battery.fix.action)
    }

    @Test
    fun notificationsOffInSettingsOrMorningChannelBlocked() {
        allGood()
        shadowOf(app.getSystemService(NotificationManager::class.java)).setNotificationsEnabled(false)
        assertFalse(ReminderHealth.notifications(app).ok)

        shadowOf(app.getSystemService(NotificationManager::class.java)).setNotificationsEnabled(true)
        assertTrue(ReminderHealth.notifications(app).ok)
        // The runner switched off only the morning check's channel in the system settings.
        app.getSystemService(NotificationManager::class.java)
            .createNotificationChannel(android.app.NotificationChannel(Channels.MORNING, Chrome.CHANNEL_MORNING, NotificationManager.IMPORTANCE_NONE))
        assertFalse(ReminderHealth.notifications(app).ok)
    }

    @Test
    fun notificationPermissionAskedOnceTheFirstProgramExists() {
        shadowOf(app).denyPermissions(Manifest.permission.POST_NOTIFICATIONS)
        assertFalse("not at first launch", NotificationPermission.shouldAsk(app, hasProgram = false))
        assertTrue(NotificationPermission.shouldAsk(app, hasProgram = true))
        NotificationPermission.markAsked(app)
        assertFalse("asked once", NotificationPermission.shouldAsk(app, hasProgram = true))
    }
}
