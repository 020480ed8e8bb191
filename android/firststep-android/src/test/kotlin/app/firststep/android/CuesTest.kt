package app.firststep.android

import android.media.AudioManager
import android.os.Handler
import android.os.Looper
import android.os.Vibrator
import android.speech.tts.TextToSpeech
import app.firststep.core.Cue
import app.firststep.core.CueKind
import app.firststep.kit.CueSound
import app.firststep.kit.ShellPreferences
import org.junit.Assert.assertEquals
import org.junit.Assert.assertFalse
import org.junit.Assert.assertNull
import org.junit.Assert.assertSame
import org.junit.Assert.assertTrue
import org.junit.Test
import org.junit.runner.RunWith
import org.robolectric.RobolectricTestRunner
import org.robolectric.RuntimeEnvironment
import org.robolectric.Shadows.shadowOf
import org.robolectric.annotation.Config
import org.robolectric.shadows.ShadowTextToSpeech
import org.robolectric.shadows.ShadowToneGenerator
import java.time.Duration

/** Cues are spoken (tones without a voice), duck the runner's music (never stop it), give the focus back, and buzz at each set's end. */
@RunWith(RobolectricTestRunner::class)
@Config(sdk = [34], manifest = Config.NONE)
class CuesTest {
    private val app = RuntimeEnvironment.getApplication()
    private val audio = shadowOf(app.getSystemService(AudioManager::class.java))
    private val vibrator = shadowOf(app.getSystemService(Vibrator::class.java))
    private var sound = CueSound.VOICE
    private val player = AndroidCuePlayer(app, Handler(Looper.getMainLooper())) { sound }

    private fun cue(kind: CueKind) = Cue(kind, 0, false, kind.name)

    @Test
    fun focusIsRequestedWithDuckingAndAbandonedAfterTheCues() {
        player.play(cue(CueKind.COUNTDOWN3))
        player.play(cue(CueKind.UP))

        val request = audio.lastAudioFocusRequest
        assertEquals(AudioManager.AUDIOFOCUS_GAIN_TRANSIENT_MAY_DUCK, request.durationHint)
        assertSame(player.focusRequest, request.audioFocusRequest)
        assertEquals(2, ShadowToneGenerator.getPlayedTones().size)
        assertNull("held through the burst", audio.lastAbandonedAudioFocusRequest)

        shadowOf(Looper.getMainLooper()).idleFor(Duration.ofMillis(AndroidCuePlayer.FOCUS_HOLD_MS + 100))
        assertSame(player.focusRequest, audio.lastAbandonedAudioFocusRequest)
    }

    @Test
    fun speaksTheCoreCueTextWithDuckingFocusAndAbandonsItAfterTheWords() {
        val tts = shadowOf(ShadowTextToSpeech.getLastTextToSpeechInstance())
        tts.onInitListener.onInit(TextToSpeech.SUCCESS)
        val text = "Get ready: Calf and plantar fascia loading, left side"
        player.play(Cue(CueKind.GET_READY, 0, false, text))

        assertEquals(text, tts.lastSpokenText)
        assertEquals(0, ShadowToneGenerator.getPlayedTones().size)
        val request = audio.lastAudioFocusRequest
        assertEquals(AudioManager.AUDIOFOCUS_GAIN_TRANSIENT_MAY_DUCK, request.durationHint)
        assertSame(player.focusRequest, request.audioFocusRequest)
        assertNull("held while speaking", audio.lastAbandonedAudioFocusRequest)
        // Robolectric's engine finishes the words at once: focus is held a little longer, then given back.
        shadowOf(Looper.getMainLooper()).idleFor(Duration.ofMillis(AndroidCuePlayer.FOCUS_HOLD_MS / 2))
        assertNull(audio.lastAbandonedAudioFocusRequest)
        shadowOf(Looper.getMainLooper()).idleFor(Duration.ofMillis(AndroidCuePlayer.FOCUS_HOLD_MS))
        assertSame(player.focusRequest, audio.lastAbandonedAudioFocusRequest)

        // The next cue asks for focus again and is spoken in turn.
        player.play(Cue(CueKind.COUNTDOWN3, 0, false, "3"))
        assertEquals(listOf(text, "3"), tts.spokenTextList)
    }

    @Test
    fun tonesWhenTheSpeechEngineFailedToStart() {
        shadowOf(ShadowTextToSpeech.getLastTextToSpeechInstance()).onInitListener.onInit(TextToSpeech.ERROR)
        player.play(cue(CueKind.UP))
        assertEquals(1, ShadowToneGenerator.getPlayedTones().size)
    }

    @Test
    fun noToneWithoutFocus() {
        audio.setNextFocusRequestResponse(AudioManager.AUDIOFOCUS_REQUEST_FAILED)
        player.play(cue(CueKind.UP))
        assertEquals(0, ShadowToneGenerator.getPlayedTones().size)
    }

    @Test
    fun vibratesAtTheEndOfASetOnly() {
        player.play(cue(CueKind.UP))
        assertFalse(vibrator.isVibrating)

        player.play(cue(CueKind.SET_DONE))
        assertTrue(vibrator.isVibrating)
    }

    @Test
    fun theTonesSettingSoundsATonePerCueAndNeverSpeaks() {
        val tts = shadowOf(ShadowTextToSpeech.getLastTextToSpeechInstance())
        tts.onInitListener.onInit(TextToSpeech.SUCCESS)
        sound = CueSound.TONES
        player.play(cue(CueKind.UP))
        assertNull(tts.lastSpokenText)
        assertEquals(1, ShadowToneGenerator.getPlayedTones().size)
        // Back to voice: the next cue is spoken.
        sound = CueSound.VOICE
        player.play(Cue(CueKind.DOWN, 0, false, "Down"))
        assertEquals("Down", tts.lastSpokenText)
    }

    @Test
    fun silentPlaysNothingAndTakesNoFocusButStillBuzzesAtTheSetsEnd() {
        shadowOf(ShadowTextToSpeech.getLastTextToSpeechInstance()).onInitListener.onInit(TextToSpeech.SUCCESS)
        sound = CueSound.SILENT
        player.play(cue(CueKind.UP))
        player.play(cue(CueKind.SET_DONE))
        assertNull(shadowOf(ShadowTextToSpeech.getLastTextToSpeechInstance()).lastSpokenText)
        assertEquals(0, ShadowToneGenerator.getPlayedTones().size)
        assertNull("no focus asked: the runner's music is untouched", audio.lastAudioFocusRequest)
        assertTrue(vibrator.isVibrating)
    }

    @Test
    fun theChoiceIsKeptInSharedPreferencesAcrossARestart() {
        val prefs = { ShellPreferences(SharedPreferenceStore(app.getSharedPreferences(PREFERENCES_FILE, 0))) }
        assertEquals(CueSound.VOICE, prefs().cueSound.value)
        prefs().setCueSound(CueSound.TONES)
        assertEquals(CueSound.TONES, prefs().cueSound.value)
    }
}
