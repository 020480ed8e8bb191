package app.firststep.android

import android.content.Context
import android.media.AudioAttributes
import android.media.AudioFocusRequest
import android.media.AudioManager
import android.media.ToneGenerator
import android.os.Handler
import android.os.VibrationEffect
import android.os.Vibrator
import app.firststep.core.Cue
import app.firststep.core.CueKind
import app.firststep.kit.CuePlayer

/**
 * Plays the core's cues while the screen is off: a short tone with transient audio focus that
 * lets music duck (AUDIOFOCUS_GAIN_TRANSIENT_MAY_DUCK — the runner's music gets quieter, it does
 * not stop), abandoned once the cues go quiet; a vibration at the end of each set. What is shown
 * (the step, its label) is the foreground notification's job.
 */
class AndroidCuePlayer(
    context: Context,
    private val handler: Handler,
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

    override fun show(cue: Cue) = Unit

    override fun play(cue: Cue) {
        if (cue.kind in VIBRATE_AT) vibrate()
        if (!holdingFocus) {
            holdingFocus = audio.requestAudioFocus(focusRequest) == AudioManager.AUDIOFOCUS_REQUEST_GRANTED
        }
        if (holdingFocus) tone(cue.kind)
        // Keep focus through a burst of cues ("3, 2, 1, up"); give it back once they stop.
        handler.removeCallbacks(abandon)
        handler.postDelayed(abandon, FOCUS_HOLD_MS)
    }

    /** Gives the audio focus back now (end of session, service destroyed). */
    fun release() {
        handler.removeCallbacks(abandon)
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
