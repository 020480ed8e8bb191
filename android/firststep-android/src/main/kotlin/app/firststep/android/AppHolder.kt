package app.firststep.android

import app.firststep.kit.AppGraph
import app.firststep.kit.FirstStepRepository
import app.firststep.kit.Route
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.Job
import kotlinx.coroutines.isActive
import kotlinx.coroutines.launch

/**
 * The app's [AppGraph] (view models + back stack) on a scope of its own, built once per activity
 * *task*, not per `onCreate`: whoever keeps this holder across a configuration change keeps the
 * screen, the back stack, half-typed forms and a running guided session. The Gradle app keeps it in a
 * Jetpack ViewModel (`AppHolderViewModel`; its `onCleared` calls [close]); the Robolectric test keeps
 * it with the framework's `onRetainNonConfigurationInstance`, the mechanism that ViewModel rests on.
 *
 * What only an activity can do (launch the document picker, ask for the notification permission) is
 * attached by the activity of the moment ([attach]) and let go when it is destroyed ([detach]), so
 * the holder never keeps a dead activity alive.
 */
class AppHolder(
    platform: Platform,
    dispatcher: CoroutineDispatcher = Dispatchers.Main.immediate,
) : AutoCloseable {
    /** Lives until [close]: the graph's view models launch their work here, never on an activity's scope. */
    val scope = CoroutineScope(SupervisorJob() + dispatcher)

    /** Export and import: the picker is launched by the attached activity; the request survives it. */
    val files = DocumentPicker(platform.context.contentResolver)

    @Volatile
    private var onJournalChanged: (() -> Unit)? = null

    val graph: AppGraph = platform.sessions.let { hub ->
        AppGraph(
            repository = FirstStepRepository(platform.core, platform.clock),
            scope = scope,
            monotonic = hub.timeline.clock,
            cuePlayer = hub.cues,
            snapshots = hub.timeline,
            files = files,
            onJournalChanged = { onJournalChanged?.invoke() },
            preferences = platform.preferences,
        )
    }

    /** Once per holder: where the core says the app opens (a rotation must not reset the stack). */
    private val started = graph.start()

    val isOpen: Boolean get() = scope.isActive

    /** The activity now showing the graph: its document launcher and what to do after a write. */
    fun attach(launcher: DocumentPicker.Launcher, onJournalChanged: () -> Unit) {
        files.launcher = launcher
        this.onJournalChanged = onJournalChanged
    }

    /** The activity is going (rotation or finish): drop every reference to it. */
    fun detach(launcher: DocumentPicker.Launcher) {
        if (files.launcher === launcher) {
            files.launcher = null
            onJournalChanged = null
        }
    }

    /** A notification's deep link: opens its screen on top of (or, for a tab, instead of) what is shown. */
    fun open(link: DeepLinks.Link): Job = scope.launch {
        // After the start route is set: a cold start from a notification must not be reset to home.
        started.join()
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

    /** The task is over (the activity finished for good): stops the graph's work, the session ticker included. */
    override fun close() {
        graph.session.close()
        scope.cancel()
    }
}
