package app.firststep.android

import android.content.Context
import android.media.AudioAttributes
import android.media.AudioFocusRequest
import android.media.AudioManager
import android.media.ToneGenerator
import android.os.Handler
import android.os.VibrationEffect
import android.os.Vibrator
import android.speech.tts.TextToSpeech
import android.speech.tts.UtteranceProgressListener
import app.firststep.core.Cue
import app.firststep.core.CueKind
import app.firststep.kit.CueOutput
import app.firststep.kit.CuePlayer
import app.firststep.kit.CueSound
import app.firststep.kit.cueOutput

/**
 * Plays the core's cues while the screen is off: the core's cue text spoken by TextToSpeech (a
 * short tone until the speech engine is ready, or when it failed to start), with transient audio
 * focus that lets music duck (AUDIOFOCUS_GAIN_TRANSIENT_MAY_DUCK — the runner's music gets
 * quieter, it does not stop), abandoned once the cues go quiet (after the last words are spoken);
 * a vibration at the end of each set. What is shown (the step, its label) is the foreground
 * notification's job. The runner's choice ([sound]: voice / tones / silent, read at every cue) is
 * decided by the kit's [cueOutput]; silent asks for no audio focus at all and only vibrates.
 */
class AndroidCuePlayer(
    context: Context,
    private val handler: Handler,
    private val sound: () -> CueSound = { CueSound.VOICE },
) : CuePlayer {
    private val audio: AudioManager = context.getSystemService(AudioManager::class.java)
    private val vibrator: Vibrator? = context.getSystemService(Vibrator::class.java)
    private var tones: ToneGenerator? = null
    private var holdingFocus = false

    val focusRequest: AudioFocusRequest =
        AudioFocusRequest.Builder(AudioManager.AUDIOFOCUS_GAIN_TRANSIENT_MAY_DUCK)
            .setAudioAttributes(
                AudioAttributes.Builder()
                    .setUsage(AudioAttributes.USAGE_ASSISTANCE_SONIFICATION)
                    .setContentType(AudioAttributes.CONTENT_TYPE_SONIFICATION)
                    .build(),
            )
            .setWillPauseWhenDucked(false)
            .build()

    private val abandon = Runnable { release() }

    @Volatile private var speechReady = false
    @Volatile private var lastUtterance: String? = null
    private var utterances = 0

    /** The system's speech engine; its init and progress callbacks may come on other threads. */
    private val speech: TextToSpeech = TextToSpeech(context) { status ->
        speechReady = status == TextToSpeech.SUCCESS
    }.also { tts ->
        tts.setAudioAttributes(
            AudioAttributes.Builder()
                .setUsage(AudioAttributes.USAGE_ASSISTANCE_SONIFICATION)
                .setContentType(AudioAttributes.CONTENT_TYPE_SPEECH)
                .build(),
        )
        tts.setOnUtteranceProgressListener(object : UtteranceProgressListener() {
            override fun onStart(utteranceId: String?) = Unit
            override fun onDone(utteranceId: String?) = spoken(utteranceId)
            @Deprecated("Deprecated in Java")
            override fun onError(utteranceId: String?) = spoken(utteranceId)
        })
    }

    override fun show(cue: Cue) = Unit

    override fun play(cue: Cue) {
        // design choice: the set-end buzz stays in every mode (silent means no sound, not no feedback).
        if (cue.kind in VIBRATE_AT) vibrate()
        val output = cueOutput(sound(), cue, speechReady)
        if (output == CueOutput.NOTHING) return
        if (!holdingFocus) {
            holdingFocus = audio.requestAudioFocus(focusRequest) == AudioManager.AUDIOFOCUS_REQUEST_GRANTED
        }
        handler.removeCallbacks(abandon)
        if (holdingFocus && output == CueOutput.SPEAK) {
            val id = "cue-${++utterances}"
            lastUtterance = id
            // design choice: a new cue replaces unfinished words (QUEUE_FLUSH), so the voice never
            // lags the session clock; focus is kept until the last words are done (see spoken()).
            speech.speak(cue.text, TextToSpeech.QUEUE_FLUSH, null, id)
            return
        }
        if (holdingFocus) tone(cue.kind)
        // Keep focus through a burst of cues ("3, 2, 1, up"); give it back once they stop.
        handler.postDelayed(abandon, FOCUS_HOLD_MS)
    }

    /** The last utterance finished: give the focus back unless another cue comes soon. */
    private fun spoken(utteranceId: String?) {
        if (utteranceId != null && utteranceId == lastUtterance) {
            handler.post {
                handler.removeCallbacks(abandon)
                handler.postDelayed(abandon, FOCUS_HOLD_MS)
            }
        }
    }

    /** Gives the audio focus back now (end of session, service destroyed). */
    fun release() {
        handler.removeCallbacks(abandon)
        lastUtterance = null
        if (holdingFocus) {
            audio.abandonAudioFocusRequest(focusRequest)
            holdingFocus = false
        }
        tones?.release()
        tones = null
    }

    private fun tone(kind: CueKind) {
        val generator = tones ?: ToneGenerator(AudioManager.STREAM_MUSIC, TONE_VOLUME).also { tones = it }
        val (tone, ms) = when (kind) {
            CueKind.COUNTDOWN3, CueKind.COUNTDOWN2, CueKind.COUNTDOWN1 -> ToneGenerator.TONE_PROP_BEEP to SHORT_MS
            CueKind.SET_DONE, CueKind.EXERCISE_DONE, CueKind.SESSION_DONE -> ToneGenerator.TONE_PROP_ACK to LONG_MS
            else -> ToneGenerator.TONE_PROP_BEEP2 to SHORT_MS
        }
        generator.startTone(tone, ms)
    }

    private fun vibrate() {
        vibrator?.takeIf { it.hasVibrator() }?.vibrate(VibrationEffect.createOneShot(VIBRATION_MS, VibrationEffect.DEFAULT_AMPLITUDE))
    }

    companion object {
        /** The cues that end a set (and so an exercise and the session): felt as well as heard. */
        val VIBRATE_AT = setOf(CueKind.SET_DONE, CueKind.EXERCISE_DONE, CueKind.SESSION_DONE)
        const val VIBRATION_MS = 400L
        const val FOCUS_HOLD_MS = 1_500L
        private const val SHORT_MS = 150
        private const val LONG_MS = 400
        private const val TONE_VOLUME = 80
    }
}
