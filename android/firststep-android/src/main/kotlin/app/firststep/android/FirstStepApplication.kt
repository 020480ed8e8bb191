package app.firststep.android

import android.app.Application
import android.util.Log
import app.firststep.core.FirstStep
import app.firststep.core.FirstStepException
import app.firststep.kit.SystemClock
import java.io.File
import java.util.concurrent.Executors

/**
 * Opens the runner's journal in the app's files dir — the normal, backed-up private storage, not
 * `noBackupFilesDir`: a phone change must not lose months of pain history (Auto Backup and device
 * transfer include it, see res/xml/backup_rules.xml and data_extraction_rules.xml) — and re-arms
 * the reminders at every start.
 */
open class FirstStepApplication : Application(), PlatformHost {
    override val platform: Platform by lazy { createPlatform() }

    /** The journal: `<filesDir>/firststep.db`. */
    open fun journalFile(): File = File(filesDir, JOURNAL_FILE)

    open fun createPlatform(): Platform {
        val core = FirstStep.open(journalFile().path)
        return Platform(
            context = this,
            core = core,
            clock = SystemClock,
            bootClock = AndroidBootClock(this),
            background = Executors.newSingleThreadExecutor { r -> Thread(r, "firststep-io") },
            painLayout = PainLayout.fromResources(this),
            painUndo = CorePainUndo(core),
        )
    }

    override fun onCreate() {
        super.onCreate()
        Channels.ensure(this)
        platform.background.execute {
            try {
                ReminderArming.sync(this)
            } catch (e: FirstStepException) {
                Log.w("FirstStep", "re-arming reminders at start failed", e)
            }
        }
    }

    companion object {
        const val JOURNAL_FILE = "firststep.db"
    }
}
