package app.firststep.android

import android.Manifest
import android.content.Intent
import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.activity.result.contract.ActivityResultContracts
import androidx.activity.viewModels
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.lifecycle.lifecycleScope
import app.firststep.kit.Route
import app.firststep.ui.FirstStepApp
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext

/**
 * The app's one activity, thin: it shows the shared Compose screens (android/firststep-ui) of the
 * [AppHolder] that [AppHolderViewModel] keeps — a Jetpack ViewModel, so a rotation hands the new
 * activity the same graph, screen and back stack (AppHolderTest rotates an activity that keeps it the
 * same way). The activity adds only what needs an activity: the document picker's launchers, the
 * notification permission (asked once the runner has a program), reminder health above settings,
 * notification deep links (routed once, not again after a recreation), and the guided session handed
 * to the foreground service while the screen is away (and back when it returns).
 */
class MainActivity : ComponentActivity(), DocumentPicker.Launcher {
    private val model: AppHolderViewModel by viewModels()
    private val holder get() = model.holder
    private val reminderHealth = MutableStateFlow<List<ReminderHealth.Item>>(emptyList())
    private val platform by lazy { platform() }

    private val askNotifications = registerForActivityResult(ActivityResultContracts.RequestPermission()) {
        platform.background.execute { runCatching { ReminderArming.sync(this) } }
    }
    // Results reach the holder's picker, which outlives this activity (a result after a rotation still lands).
    private val createDocument = registerForActivityResult(ActivityResultContracts.CreateDocument("application/json")) { holder.files.created(it) }
    private val openDocument = registerForActivityResult(ActivityResultContracts.OpenDocument()) { holder.files.opened(it) }

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        holder.attach(this, ::journalChanged)
        val graph = holder.graph
        setContent {
            val routes by graph.navigator.routes.collectAsState()
            val health by reminderHealth.collectAsState()
            Column(Modifier.fillMaxSize()) {
                // The shared settings screen has no platform slot: reminder health sits above it.
                if (routes.last() == Route.Settings) ReminderHealthPanel(health) { startActivity(it.fix) }
                Box(Modifier.weight(1f)) { FirstStepApp(graph) }
            }
        }
        if (savedInstanceState == null) route(intent)
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
            if (holder.graph.navigator.current == Route.Session) holder.graph.session.open()
        }
    }

    override fun onResume() {
        super.onResume()
        reminderHealth.value = ReminderHealth.check(this) // the runner may come back from a settings screen
        journalChanged()
    }

    override fun onStop() {
        if (!isChangingConfigurations) {
            holder.graph.session.close()
            platform.sessions.takeFromScreen()
        }
        super.onStop()
    }

    override fun onDestroy() {
        holder.detach(this)
        super.onDestroy()
    }

    override fun create(suggestedName: String) = createDocument.launch(suggestedName)
    override fun open() = openDocument.launch(arrayOf("application/json", "text/*"))

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
        DeepLinks.parse(intent?.data)?.let(holder::open)
    }
}
