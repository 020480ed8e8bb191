package app.firststep.kit

import app.firststep.core.Cue
import app.firststep.core.CueKind
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

/** Voice, tones or silent: the decision every cue player follows, and where the choice is kept. */
class CueSoundTest {
    private class FakeVoice(var works: Boolean = true) : CueVoice {
        val spoken = mutableListOf<String>()
        override fun speak(text: String): Boolean { if (works) spoken += text; return works }
    }

    private class FakeTones : CueTones {
        val toned = mutableListOf<CueKind>()
        override fun tone(cue: Cue) { toned += cue.kind }
    }

    private fun cue(kind: CueKind, text: String) = Cue(kind, 0, false, text)

    @Test
    fun eachChoiceDecidesWhatOneCueDoes() {
        val up = cue(CueKind.UP, "Up")
        assertEquals(CueOutput.SPEAK, cueOutput(CueSound.VOICE, up, voiceAvailable = true))
        assertEquals(CueOutput.TONE, cueOutput(CueSound.VOICE, up, voiceAvailable = false))
        assertEquals(CueOutput.TONE, cueOutput(CueSound.VOICE, cue(CueKind.UP, " "), voiceAvailable = true))
        assertEquals(CueOutput.TONE, cueOutput(CueSound.TONES, up, voiceAvailable = true))
        assertEquals(CueOutput.NOTHING, cueOutput(CueSound.SILENT, up, voiceAvailable = true))
    }

    @Test
    fun thePlayerFollowsTheSettingFromTheNextCue() {
        val prefs = ShellPreferences(InMemoryPreferenceStore())
        val voice = FakeVoice()
        val tones = FakeTones()
        val player = SoundCuePlayer({ prefs.cueSound.value }, voice, tones)

        player.play(cue(CueKind.GET_READY, "Get ready: heel raises, left side"))
        prefs.setCueSound(CueSound.TONES)
        player.play(cue(CueKind.UP, "Up"))
        prefs.setCueSound(CueSound.SILENT)
        player.play(cue(CueKind.DOWN, "Down"))
        prefs.setCueSound(CueSound.VOICE)
        player.play(cue(CueKind.HOLD, "Hold"))

        assertEquals(listOf("Get ready: heel raises, left side", "Hold"), voice.spoken)
        assertEquals(listOf(CueKind.UP), tones.toned)
    }

    @Test
    fun aVoiceThatFailsGivesWayToTonesForGood() {
        val voice = FakeVoice(works = false)
        val tones = FakeTones()
        val player = SoundCuePlayer({ CueSound.VOICE }, voice, tones)
        player.play(cue(CueKind.UP, "Up"))
        voice.works = true
        player.play(cue(CueKind.DOWN, "Down"))
        assertEquals(emptyList<String>(), voice.spoken)
        assertEquals(listOf(CueKind.UP, CueKind.DOWN), tones.toned)

        val noVoice = FakeTones()
        SoundCuePlayer({ CueSound.VOICE }, null, noVoice).play(cue(CueKind.REST, "Rest"))
        assertEquals(listOf(CueKind.REST), noVoice.toned)
    }

    @Test
    fun theChoiceIsKeptInTheStoreAndAnUnknownValueMeansVoice() {
        val store = InMemoryPreferenceStore()
        assertEquals(CueSound.VOICE, ShellPreferences(store).cueSound.value)
        assertEquals(false, ShellPreferences(store).reducedMotion.value)

        ShellPreferences(store).apply { setCueSound(CueSound.SILENT); setReducedMotion(true) }
        val reopened = ShellPreferences(store)
        assertEquals(CueSound.SILENT, reopened.cueSound.value)
        assertEquals(true, reopened.reducedMotion.value)

        val garbled = InMemoryPreferenceStore(mapOf(ShellPreferences.CUE_SOUND to "loud"))
        assertEquals(CueSound.VOICE, ShellPreferences(garbled).cueSound.value)
    }
}
