package app.firststep.desktop

import app.firststep.kit.CueVoice
import java.io.File
import java.io.IOException

/**
 * The system speech programs the desktop app can drive, run as a local process (no network):
 * macOS `say`; on Linux espeak-ng first — a cue that replaces unfinished words stops the process and
 * so the sound at once — then speech-dispatcher's `spd-say`, which hands the words to the desktop's
 * speech service (stopping the client there is best effort).
 */
enum class SpeechEngine(val program: String) {
    SAY("say"),
    ESPEAK_NG("espeak-ng"),
    SPD_SAY("spd-say");

    /** The command that speaks [text] aloud with the program at [path]. */
    fun command(path: String, text: String): List<String> = when (this) {
        SAY, ESPEAK_NG -> listOf(path, text)
        // --wait: the client lives while the words are spoken, so the player knows it is busy.
        SPD_SAY -> listOf(path, "--wait", text)
    }

    companion object {
        /** The engine for this system: `say` on macOS, espeak-ng or spd-say elsewhere; null when none is installed. */
        fun find(osName: String, onPath: (String) -> String?): Pair<SpeechEngine, String>? {
            val order = if (osName.lowercase().contains("mac")) listOf(SAY) else listOf(ESPEAK_NG, SPD_SAY)
            return order.firstNotNullOfOrNull { engine -> onPath(engine.program)?.let { engine to it } }
        }

        /** [program]'s executable file on the PATH, or null. */
        fun onSystemPath(program: String): String? =
            System.getenv("PATH").orEmpty().split(File.pathSeparator).filter { it.isNotBlank() }
                .map { File(it, program) }.firstOrNull { it.isFile && it.canExecute() }?.path
    }
}

/** Starts processes; the tests give a fake that records the commands. */
fun interface ProcessRunner {
    /** Starts [command]; throws IOException when it cannot be started. */
    fun start(command: List<String>): RunningProcess
}

interface RunningProcess {
    fun stop()
    fun waitFor(): Int
}

/** Real processes, output discarded (a speech program has nothing to tell the app). */
object SystemProcessRunner : ProcessRunner {
    override fun start(command: List<String>): RunningProcess {
        val process = ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start()
        return object : RunningProcess {
            override fun stop() { process.destroy() }
            override fun waitFor(): Int = process.waitFor()
        }
    }
}

/**
 * Speaks each cue's words with [engine] at [path]. A new cue stops words still being spoken, so the
 * voice never lags the session clock (the same rule as Android's QUEUE_FLUSH). False when the
 * program could not be started: the player falls back to tones.
 */
class CommandVoice(
    private val engine: SpeechEngine,
    private val path: String,
    private val runner: ProcessRunner = SystemProcessRunner,
) : CueVoice {
    private var speaking: RunningProcess? = null

    @Synchronized
    override fun speak(text: String): Boolean {
        speaking?.stop()
        speaking = null
        return try {
            speaking = runner.start(engine.command(path, text))
            true
        } catch (e: IOException) {
            false
        }
    }

    companion object {
        /** The system's voice, or null when no speech program is installed. */
        fun system(
            osName: String = System.getProperty("os.name").orEmpty(),
            onPath: (String) -> String? = SpeechEngine::onSystemPath,
            runner: ProcessRunner = SystemProcessRunner,
        ): CommandVoice? = SpeechEngine.find(osName, onPath)?.let { (engine, path) -> CommandVoice(engine, path, runner) }
    }
}
