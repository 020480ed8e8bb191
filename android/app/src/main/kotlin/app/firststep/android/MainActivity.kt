package app.firststep.android

import android.Manifest
import android.content.Intent
import android.net.Uri
import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.lifecycle.lifecycleScope
import app.firststep.kit.FilePicker
import app.firststep.kit.FirstStepRepository
import app.firststep.ui.AppGraph
import app.firststep.ui.FirstStepApp
import app.firststep.ui.Route
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext

/**
 * The app's one activity: the shared Compose screens (android/firststep-ui) on the journal the
 * Application opened, notification deep links routed to their screen, the notification permission
 * asked once the runner has a program, and the guided session handed to the foreground service
 * while the screen is away (and back when it returns).
 */
class MainActivity : ComponentActivity() {
    private lateinit var graph: AppGraph
    private val reminderHealth = MutableStateFlow<List<ReminderHealth.Item>>(emptyList())
    private val platform by lazy { platform() }

    private val askNotifications = registerForActivityResult(ActivityResultContracts.RequestPermission()) {
        platform.background.execute { runCatching { ReminderArming.sync(this) } }
    }

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        val hub = platform.sessions
        graph = AppGraph(
            repository = FirstStepRepository(platform.core, platform.clock),
            scope = lifecycleScope,
            monotonic = hub.timeline.clock,
            cuePlayer = hub.cues,
            snapshots = hub.timeline,
            files = DocumentFiles(this),
            onJournalChanged = ::journalChanged,
        )
        setContent {
            val routes by graph.navigator.routes.collectAsState()
            val health by reminderHealth.collectAsState()
            Column(Modifier.fillMaxSize()) {
                // The shared settings screen has no platform slot: reminder health sits above it.
                if (routes.last() == Route.Settings) ReminderHealthPanel(health) { startActivity(it.fix) }
                Box(Modifier.weight(1f)) { FirstStepApp(graph) }
            }
        }
        graph.start()
        route(intent)
    }

    override fun onNewIntent(intent: Intent) {
        super.onNewIntent(intent)
        route(intent)
    }

    override fun onStart() {
        super.onStart()
        // The screen drives the session while visible (a reboot-interrupted session comes back paused):
        // the service lets go, and an open session screen continues from the snapshot it left.
        lifecycleScope.launch {
            platform.sessions.handToScreen().join()
            if (graph.navigator.current == Route.Session) graph.session.open()
        }
    }

    override fun onResume() {
        super.onResume()
        reminderHealth.value = ReminderHealth.check(this) // the runner may come back from a settings screen
        journalChanged()
    }

    override fun onStop() {
        if (!isChangingConfigurations) {
            graph.session.close()
            platform.sessions.takeFromScreen()
        }
        super.onStop()
    }

    /** After each log or settings change (and on return to the app): re-arm the reminders, maybe ask for notifications. */
    private fun journalChanged() {
        lifecycleScope.launch {
            val hasProgram = withContext(Dispatchers.IO) {
                runCatching { ReminderArming.sync(this@MainActivity) }
                runCatching { platform.core.program() != null }.getOrDefault(false)
            }
            if (NotificationPermission.shouldAsk(this@MainActivity, hasProgram)) {
                NotificationPermission.markAsked(this@MainActivity)
                askNotifications.launch(Manifest.permission.POST_NOTIFICATIONS)
            }
        }
    }

    private fun route(intent: Intent?) {
        val link = DeepLinks.parse(intent?.data) ?: return
        graph.navigate(
            when (link.screen) {
                DeepLinks.Screen.HOME -> Route.Home
                DeepLinks.Screen.PAIN -> Route.Morning
                DeepLinks.Screen.SESSION -> Route.Session
                DeepLinks.Screen.ASSESSMENT -> Route.Safety
                DeepLinks.Screen.SETTINGS -> Route.Settings
            },
        )
    }
}

/** Export and import through the system's document picker (only on the runner's action). */
private class DocumentFiles(private val activity: ComponentActivity) : FilePicker {
    private var pendingCreate: CompletableDeferred<Uri?>? = null
    private var pendingOpen: CompletableDeferred<Uri?>? = null
    private val create = activity.registerForActivityResult(ActivityResultContracts.CreateDocument("application/json")) { pendingCreate?.complete(it) }
    private val open = activity.registerForActivityResult(ActivityResultContracts.OpenDocument()) { pendingOpen?.complete(it) }

    override suspend fun save(suggestedName: String, content: String): String? {
        val result = CompletableDeferred<Uri?>().also { pendingCreate = it }
        create.launch(suggestedName)
        val uri = result.await() ?: return null
        withContext(Dispatchers.IO) {
            activity.contentResolver.openOutputStream(uri, "wt")!!.use { it.write(content.toByteArray()) }
        }
        return uri.toString()
    }

    override suspend fun open(): String? {
        val result = CompletableDeferred<Uri?>().also { pendingOpen = it }
        open.launch(arrayOf("application/json", "text/*"))
        val uri = result.await() ?: return null
        return withContext(Dispatchers.IO) {
            activity.contentResolver.openInputStream(uri)!!.use { it.readBytes().decodeToString() }
        }
    }
}
