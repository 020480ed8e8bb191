package app.firststep.android

import android.net.Uri
import app.firststep.core.ReminderKind
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.RuntimeEnvironment
import org.robolectric.annotation.Config
import java.io.File
import javax.xml.parsers.DocumentBuilderFactory

/** The manifest, the backup rules and the Application as shipped (the Gradle app uses these files). */
@RunWith(RobolectricTestRunner::class)
@Config(sdk = [34], manifest = Config.NONE, application = FirstStepApplication::class)
class AppWiringTest {
    private val moduleDir = File(System.getProperty("firststep.android.dir") ?: ".")
    private val android = "http://schemas.android.com/apk/res/android"

    private fun xml(path: String) = DocumentBuilderFactory.newInstance().apply { isNamespaceAware = true }
        .newDocumentBuilder().parse(File(moduleDir, path)).documentElement

    private fun org.w3c.dom.Element.children(tag: String): List<org.w3c.dom.Element> =
        getElementsByTagName(tag).let { list -> (0 until list.length).map { list.item(it) as org.w3c.dom.Element } }

    private fun org.w3c.dom.Element.a(name: String): String = getAttributeNS(android, name)

    @Test
    fun manifestDeclaresPermissionsReceiversAndTheHealthService() {
        val manifest = xml("src/main/AndroidManifest.xml")
        val permissions = manifest.children("uses-permission").map { it.a("name") }.toSet()
        for (p in listOf("POST_NOTIFICATIONS", "RECEIVE_BOOT_COMPLETED", "SCHEDULE_EXACT_ALARM", "FOREGROUND_SERVICE", "FOREGROUND_SERVICE_HEALTH", "HIGH_SAMPLING_RATE_SENSORS")) {
            assertTrue("uses-permission $p", "android.permission.$p" in permissions)
        }

        val receivers = manifest.children("receiver").associateBy { it.a("name") }
        assertEquals(setOf(ReminderReceiver::class.java.name, PainTapReceiver::class.java.name, RearmReceiver::class.java.name), receivers.keys)
        assertEquals("false", receivers.getValue(PainTapReceiver::class.java.name).a("exported"))
        val rearmActions = receivers.getValue(RearmReceiver::class.java.name).children("action").map { it.a("name") }.toSet()
        assertEquals(RearmReceiver.HANDLED, rearmActions)

        val service = manifest.children("service").single()
        assertEquals(GuidedSessionService::class.java.name, service.a("name"))
        assertEquals("health", service.a("foregroundServiceType"))

        val application = manifest.children("application").single()
        assertEquals(FirstStepApplication::class.java.name, application.a("name"))
        assertEquals("@xml/data_extraction_rules", application.a("dataExtractionRules"))
        assertEquals("@xml/backup_rules", application.a("fullBackupContent"))
        // Every component class exists (MainActivity is the Gradle module's, next to this one).
        (receivers.keys + service.a("name") + application.a("name")).forEach { Class.forName(it) }
        val activity = manifest.children("activity").single().a("name")
        assertEquals(DeepLinks.MAIN_ACTIVITY, activity)
        assertTrue(File(moduleDir, "../app/src/main/kotlin/app/firststep/android/MainActivity.kt").isFile)
    }

    @Test
    fun theJournalLivesInTheBackedUpFilesDirAndTheRulesIncludeIt() {
        val app = RuntimeEnvironment.getApplication() as FirstStepApplication
        val path = File(app.platform.core.databasePath())

        assertEquals(File(app.filesDir, FirstStepApplication.JOURNAL_FILE).canonicalPath, path.canonicalPath)
        assertFalse(path.canonicalPath.startsWith(app.noBackupFilesDir.canonicalPath))
        assertTrue(path.isFile)

        for (rules in listOf("src/main/res/xml/data_extraction_rules.xml", "src/main/res/xml/backup_rules.xml")) {
            val included = xml(rules).children("include").map { it.getAttribute("domain") to it.getAttribute("path") }
            assertTrue("$rules includes the journal", "file" to FirstStepApplication.JOURNAL_FILE in included)
            assertTrue("$rules includes its write-ahead log", "file" to "${FirstStepApplication.JOURNAL_FILE}-wal" in included)
        }
        app.platform.core.close()
    }

    @Test
    fun notificationsDeepLinkToTheirScreen() {
        val link = DeepLinks.forReminder(ReminderKind.SESSION, "2026-06-02")
        assertEquals(DeepLinks.Link(DeepLinks.Screen.SESSION, "2026-06-02"), DeepLinks.parse(DeepLinks.uri(link)))
        assertEquals(DeepLinks.Screen.PAIN, DeepLinks.forReminder(ReminderKind.MORNING_PAIN, "2026-06-02").screen)
        assertEquals(DeepLinks.Screen.ASSESSMENT, DeepLinks.forReminder(ReminderKind.REASSESSMENT, "2026-06-02").screen)
        assertNull(DeepLinks.parse(Uri.parse("https://example.org/session")))

        val intent = DeepLinks.intent(RuntimeEnvironment.getApplication(), link)
        assertEquals(DeepLinks.MAIN_ACTIVITY, intent.component!!.className)
        assertEquals("firststep://app/session?date=2026-06-02", intent.dataString)
    }
}
