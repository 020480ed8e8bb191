package app.firststep.desktop

import app.firststep.core.Cue
import app.firststep.core.CueKind
import app.firststep.kit.CuePlayer
import app.firststep.kit.CueTones
import app.firststep.kit.CueVoice
import app.firststep.kit.FilePicker
import app.firststep.kit.PreferenceStore
import app.firststep.kit.ShellPreferences
import app.firststep.kit.SoundCuePlayer
import app.firststep.kit.SnapshotStore
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext
import java.awt.FileDialog
import java.awt.Frame
import java.io.File
import java.util.concurrent.Executors
import javax.sound.sampled.AudioFormat
import javax.sound.sampled.AudioSystem
import kotlin.math.PI
import kotlin.math.sin

/**
 * The desktop's cue player: the runner's choice (voice / tones / silent, in [preferences]) decided by
 * the kit; the core's cue text spoken by the system's speech program when there is one, tones otherwise.
 */
fun desktopCuePlayer(preferences: ShellPreferences, voice: CueVoice? = CommandVoice.system()): CuePlayer =
    SoundCuePlayer({ preferences.cueSound.value }, voice, JavaSoundTones())

/**
 * Cues as short synthesised tones (javax.sound). A machine without an audio device (a server, CI)
 * stays silent: every failure to open a line is swallowed, once, and nothing is thrown.
 */
class JavaSoundTones : CueTones {
    private val worker = Executors.newSingleThreadExecutor { r -> Thread(r, "firststep-cues").apply { isDaemon = true } }
    @Volatile private var unavailable = false

    override fun tone(cue: Cue) {
        if (unavailable) return
        val (hz, ms) = tone(cue.kind)
        worker.execute { beep(hz, ms) }
    }

    private fun beep(hz: Double, ms: Int) {
        try {
            val rate = 44_100f
            val format = AudioFormat(rate, 16, 1, true, false)
            val samples = (rate * ms / 1000).toInt()
            val data = ByteArray(samples * 2)
            for (i in 0 until samples) {
                // Short fade in/out so the tone does not click.
                val envelope = minOf(1.0, i / 400.0, (samples - i) / 400.0)
                val v = (sin(2 * PI * hz * i / rate) * envelope * 0.4 * Short.MAX_VALUE).toInt()
                data[2 * i] = v.toByte()
                data[2 * i + 1] = (v shr 8).toByte()
            }
            AudioSystem.getSourceDataLine(format).use { line ->
                line.open(format)
                line.start()
                line.write(data, 0, data.size)
                line.drain()
            }
        } catch (e: Exception) {
            unavailable = true
        } catch (e: LinkageError) {
            unavailable = true
        }
    }

    /** Pitch and length per cue kind (sound design, not a rule): rising for "up", falling for "down". */
    private fun tone(kind: CueKind): Pair<Double, Int> = when (kind) {
        CueKind.UP -> 880.0 to 150
        CueKind.HOLD -> 660.0 to 150
        CueKind.DOWN -> 440.0 to 150
        CueKind.COUNTDOWN3, CueKind.COUNTDOWN2, CueKind.COUNTDOWN1 -> 990.0 to 80
        CueKind.GET_READY -> 550.0 to 250
        CueKind.REST -> 330.0 to 300
        CueKind.SWITCH_SIDES -> 770.0 to 300
        CueKind.SET_DONE, CueKind.EXERCISE_DONE -> 1_046.0 to 300
        CueKind.SESSION_DONE -> 1_318.0 to 600
    }
}

/**
 * The shell's preferences in a properties file next to the journal (the journal's own settings stay
 * in the core). Written whole to a temp file and renamed, so a crash never leaves half a file; an
 * unreadable file reads as empty (the defaults).
 */
class PropertiesPreferenceStore(private val file: File) : PreferenceStore {
    private val values = java.util.Properties().also { p ->
        // IOException, or IllegalArgumentException for a malformed unicode escape: read as empty.
        try { if (file.exists()) file.inputStream().use { p.load(it) } } catch (e: Exception) { p.clear() }
    }

    @Synchronized override fun read(key: String): String? = values.getProperty(key)

    @Synchronized override fun write(key: String, value: String) {
        values.setProperty(key, value)
        try {
            file.absoluteFile.parentFile?.mkdirs()
            val tmp = File(file.path + ".tmp")
            tmp.outputStream().use { values.store(it, "FirstStep desktop preferences") }
            if (!tmp.renameTo(file)) { file.delete(); tmp.renameTo(file) }
        } catch (e: java.io.IOException) {
            // Kept for this run; the next start reads the defaults.
        }
    }
}

/** The session snapshot in a file next to the journal, so a killed app continues the session. */
class FileSnapshotStore(private val file: File) : SnapshotStore {
    override suspend fun save(snapshot: String) = withContext(Dispatchers.IO) {
        val tmp = File(file.path + ".tmp")
        tmp.writeText(snapshot)
        if (!tmp.renameTo(file)) { file.delete(); tmp.renameTo(file) }
        Unit
    }

    override suspend fun load(): String? = withContext(Dispatchers.IO) { file.takeIf { it.exists() }?.readText() }

    override suspend fun clear() = withContext(Dispatchers.IO) { file.delete(); Unit }
}

/** The desktop's file dialogs (AWT). */
class DialogFilePicker(private val owner: () -> Frame?) : FilePicker {
    override suspend fun save(suggestedName: String, content: String): String? {
        val target = withContext(Dispatchers.Main) {
            val dialog = FileDialog(owner(), suggestedName, FileDialog.SAVE).apply { file = suggestedName; isVisible = true }
            dialog.file?.let { File(dialog.directory, it) }
        } ?: return null
        withContext(Dispatchers.IO) { target.writeText(content) }
        return target.path
    }

    override suspend fun open(): String? {
        val source = withContext(Dispatchers.Main) {
            val dialog = FileDialog(owner(), null as String?, FileDialog.LOAD).apply { isVisible = true }
            dialog.file?.let { File(dialog.directory, it) }
        } ?: return null
        return withContext(Dispatchers.IO) { source.readText() }
    }
}

/** The terminal companion's default journal (directories' ProjectDirs("", "", "firststep").data_dir()). */
fun defaultDatabasePath(): File {
    val home = System.getProperty("user.home")
    val os = System.getProperty("os.name").lowercase()
    val dir = when {
        os.contains("mac") -> File(home, "Library/Application Support/firststep")
        os.contains("win") -> File(System.getenv("APPDATA") ?: File(home, "AppData/Roaming").path, "firststep/data")
        else -> File(System.getenv("XDG_DATA_HOME")?.takeIf { it.isNotBlank() } ?: File(home, ".local/share").path, "firststep")
    }
    return File(dir, "firststep.db")
}
