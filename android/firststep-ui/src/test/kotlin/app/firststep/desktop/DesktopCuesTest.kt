package app.firststep.desktop

import app.firststep.core.Cue
import app.firststep.core.CueKind
import app.firststep.kit.CueSound
import app.firststep.kit.CueTones
import app.firststep.kit.InMemoryPreferenceStore
import app.firststep.kit.ShellPreferences
import org.junit.Assert.assertArrayEquals
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNull
import org.junit.Assert.assertTrue
import org.junit.Assume.assumeTrue
import org.junit.Test
import java.io.File
import java.io.IOException
import java.nio.file.Files
import java.util.concurrent.TimeUnit

/** The desktop speaks the core's cue text through the system's speech program, tones without one. */
class DesktopCuesTest {
    /** Records the commands it was asked to start; [fails] makes every start throw. */
    private class FakeRunner(var fails: Boolean = false) : ProcessRunner {
        val started = mutableListOf<List<String>>()
        val stopped = mutableListOf<List<String>>()
        override fun start(command: List<String>): RunningProcess {
            if (fails) throw IOException("no such program")
            started += command
            return object : RunningProcess {
                override fun stop() { stopped += command }
                override fun waitFor() = 0
            }
        }
    }

    private class FakeTones : CueTones {
        val toned = mutableListOf<CueKind>()
        override fun tone(cue: Cue) { toned += cue.kind }
    }

    private fun cue(kind: CueKind, text: String) = Cue(kind, 0, false, text)
    private val installed = mapOf("say" to "/usr/bin/say", "espeak-ng" to "/usr/bin/espeak-ng", "spd-say" to "/usr/bin/spd-say")

    @Test
    fun theSystemsSpeechProgramIsChosenPerOperatingSystem() {
        assertEquals(SpeechEngine.SAY to "/usr/bin/say", SpeechEngine.find("Mac OS X", installed::get))
        assertEquals(SpeechEngine.ESPEAK_NG to "/usr/bin/espeak-ng", SpeechEngine.find("Linux", installed::get))
        assertEquals(SpeechEngine.SPD_SAY to "/usr/bin/spd-say", SpeechEngine.find("Linux", mapOf("spd-say" to "/usr/bin/spd-say")::get))
        // macOS never falls back to a Linux program; nothing installed means no voice (tones).
        assertNull(SpeechEngine.find("Mac OS X", mapOf("espeak-ng" to "/usr/bin/espeak-ng")::get))
        assertNull(CommandVoice.system("Linux", { null }, FakeRunner()))
    }

    @Test
    fun eachCueIsOneCommandWithTheCoresTextAndANewCueStopsTheLastWords() {
        val runner = FakeRunner()
        val prefs = ShellPreferences(InMemoryPreferenceStore())
        val tones = FakeTones()
        val player = app.firststep.kit.SoundCuePlayer({ prefs.cueSound.value }, CommandVoice.system("Linux", installed::get, runner), tones)

        val text = "Get ready: Calf and plantar fascia loading, left side"
        player.play(cue(CueKind.GET_READY, text))
        player.play(cue(CueKind.COUNTDOWN3, "3"))
        assertEquals(listOf(listOf("/usr/bin/espeak-ng", text), listOf("/usr/bin/espeak-ng", "3")), runner.started)
        assertEquals(listOf(listOf("/usr/bin/espeak-ng", text)), runner.stopped)

        // spd-say waits while speaking, so the client can be stopped; say takes the words as they are.
        assertEquals(listOf("/usr/bin/spd-say", "--wait", "Up"), SpeechEngine.SPD_SAY.command("/usr/bin/spd-say", "Up"))
        assertEquals(listOf("/usr/bin/say", "Up"), SpeechEngine.SAY.command("/usr/bin/say", "Up"))

        // The setting: tones, then silent, start no process.
        prefs.setCueSound(CueSound.TONES)
        player.play(cue(CueKind.UP, "Up"))
        prefs.setCueSound(CueSound.SILENT)
        player.play(cue(CueKind.DOWN, "Down"))
        assertEquals(2, runner.started.size)
        assertEquals(listOf(CueKind.UP), tones.toned)
    }

    @Test
    fun aProgramThatCannotStartFallsBackToTones() {
        val runner = FakeRunner(fails = true)
        val tones = FakeTones()
        val player = app.firststep.kit.SoundCuePlayer({ CueSound.VOICE }, CommandVoice(SpeechEngine.ESPEAK_NG, "/gone/espeak-ng", runner), tones)
        player.play(cue(CueKind.UP, "Up"))
        assertEquals(listOf(CueKind.UP), tones.toned)
    }

    @Test
    fun thePreferencesSurviveARestartInTheirFile() {
        val file = Files.createTempDirectory("firststep-prefs").resolve("journal.db.prefs").toFile()
        ShellPreferences(PropertiesPreferenceStore(file)).apply { setCueSound(CueSound.TONES); setReducedMotion(true) }
        val reopened = ShellPreferences(PropertiesPreferenceStore(file))
        assertEquals(CueSound.TONES, reopened.cueSound.value)
        assertTrue(reopened.reducedMotion.value)
        // A damaged file reads as the defaults, never an exception.
        file.writeBytes(byteArrayOf(0x5c, 0x75, 0x5a))
        assertEquals(CueSound.VOICE, ShellPreferences(PropertiesPreferenceStore(file)).cueSound.value)
    }

    @Test
    fun realEspeakNgSpeaksACueIntoAWav() {
        val espeak = SpeechEngine.onSystemPath("espeak-ng")
        assumeTrue("espeak-ng is not installed", espeak != null)
        val wav = File(Files.createTempDirectory("firststep-voice").toFile(), "cue.wav")
        // The same words and program the player uses, written to a file (-w) instead of the speaker.
        val command = SpeechEngine.ESPEAK_NG.command(espeak!!, "Up, three seconds").let { listOf(it[0], "-w", wav.path) + it.drop(1) }
        val process = SystemProcessRunner.start(command)
        assertEquals(0, process.waitFor())
        assertTrue("no speech written", wav.length() > 44 + 8_000)
        assertArrayEquals("RIFF".toByteArray(), wav.readBytes().copyOfRange(0, 4))
    }
}
