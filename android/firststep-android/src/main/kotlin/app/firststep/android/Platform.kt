package app.firststep.android

import android.content.Context
import android.provider.Settings
import app.firststep.core.FirstStep
import app.firststep.core.Moment
import app.firststep.kit.Clock
import app.firststep.kit.PreferenceStore
import app.firststep.kit.ShellPreferences
import java.util.concurrent.Executor

/**
 * What the platform services need from the app, built once by the Application
 * ([FirstStepApplication]) and reached from receivers and services through [platform].
 * Tests build one over a temp journal with a pinned clock.
 */
class Platform(
    /** The application context. */
    val context: Context,
    /** The runner's journal (one handle, shared by the UI and background work). */
    val core: FirstStep,
    /** Wall-clock "now" + the device zone, for every core call that depends on the date. */
    val clock: Clock,
    /** Monotonic time and the boot identity, for the guided session's time line. */
    val bootClock: BootClock,
    /** Where receivers do their journal work after goAsync (never the main thread on a device). */
    val background: Executor,
    /** The one-tap layout's resource ids. */
    val painLayout: PainLayout,
    /** Undo of a day's pain (the core's undo). */
    val painUndo: PainUndo,
    /** The activity that notification deep links open. */
    val mainActivity: String = DeepLinks.MAIN_ACTIVITY,
) {
    /** The shell's own choices (how cues sound) in SharedPreferences; the settings screen edits them. */
    val preferences: ShellPreferences by lazy {
        ShellPreferences(SharedPreferenceStore(context.getSharedPreferences(PREFERENCES_FILE, Context.MODE_PRIVATE)))
    }

    /** The guided session of this process (one at a time). */
    val sessions: SessionHub by lazy { SessionHub(this) }
}

/** The shell's preferences file (not the journal: the core's settings stay in SQLite). */
const val PREFERENCES_FILE = "firststep-shell"

/** [PreferenceStore] over SharedPreferences (apply(): written in the background, read back at once). */
class SharedPreferenceStore(private val prefs: android.content.SharedPreferences) : PreferenceStore {
    override fun read(key: String): String? = prefs.getString(key, null)
    override fun write(key: String, value: String) = prefs.edit().putString(key, value).apply()
}

/** Implemented by the Application object. */
interface PlatformHost {
    val platform: Platform
}

/** The app's [Platform]; the Application must implement [PlatformHost]. */
fun Context.platform(): Platform =
    (applicationContext as? PlatformHost)?.platform
        ?: error("the Application (${applicationContext.javaClass.name}) must implement PlatformHost")

/** Monotonic milliseconds since boot and which boot this is (a new number after every reboot). */
interface BootClock {
    fun elapsedRealtimeMs(): Long
    fun bootCount(): Int
}

/** `SystemClock.elapsedRealtime()` (keeps counting in deep sleep) and `Settings.Global.BOOT_COUNT`. */
class AndroidBootClock(private val context: Context) : BootClock {
    override fun elapsedRealtimeMs(): Long = android.os.SystemClock.elapsedRealtime()
    override fun bootCount(): Int = Settings.Global.getInt(context.contentResolver, Settings.Global.BOOT_COUNT, 0)
}

/**
 * Undo of one day's morning pain. The core restores what the log replaced and reverts the
 * decisions that log triggered; the shell only asks ([CorePainUndo]: `FirstStep.undoPain`).
 */
fun interface PainUndo {
    /**
     * Undoes the pain logged for [date] (YYYY-MM-DD) and returns the earlier value it restored (when
     * the log was an edit), or null when the day has no score any more; throws the core's
     * FirstStepException when refused.
     */
    fun undoPain(date: String, now: Moment): app.firststep.core.PainEntry?
}

/** The core's own wording of a refusal (uniffi's `message` prefixes the fields; the reason is what the runner reads). */
val app.firststep.core.FirstStepException.coreMessage: String
    get() = when (this) {
        is app.firststep.core.FirstStepException.InvalidInput -> reason
        is app.firststep.core.FirstStepException.NotFound -> reason
        is app.firststep.core.FirstStepException.InvalidState -> reason
        is app.firststep.core.FirstStepException.Database -> reason
        is app.firststep.core.FirstStepException.DatabaseDamaged -> reason
        is app.firststep.core.FirstStepException.DatabaseReadOnly -> reason
        is app.firststep.core.FirstStepException.DatabaseTooNew -> reason
        is app.firststep.core.FirstStepException.Import -> reason
        is app.firststep.core.FirstStepException.Io -> reason
    }
