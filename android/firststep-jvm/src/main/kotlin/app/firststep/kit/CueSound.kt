package app.firststep.kit

import app.firststep.core.Cue

/** How the session's cues sound: the core's cue text spoken, a tone per cue, or nothing. */
enum class CueSound { VOICE, TONES, SILENT }

/** What a cue player does with one cue. */
enum class CueOutput { SPEAK, TONE, NOTHING }

/**
 * The one decision every platform's cue player follows (desktop, Android): silent plays nothing;
 * tones play a tone; voice speaks the core's text when the system has a working voice, and falls
 * back to a tone when it has none (or the cue has no words).
 */
fun cueOutput(sound: CueSound, cue: Cue, voiceAvailable: Boolean): CueOutput = when (sound) {
    CueSound.SILENT -> CueOutput.NOTHING
    CueSound.TONES -> CueOutput.TONE
    CueSound.VOICE -> if (voiceAvailable && cue.text.isNotBlank()) CueOutput.SPEAK else CueOutput.TONE
}

/** A system voice that speaks a cue's words; false when it could not (the engine failed to start). */
fun interface CueVoice {
    fun speak(text: String): Boolean
}

/** A short tone for a cue. */
fun interface CueTones {
    fun tone(cue: Cue)
}

/**
 * A [CuePlayer] that asks [sound] (the runner's current choice, read at every cue so a change in
 * settings applies to the next cue) and plays through [voice] (null: the system has none) or
 * [tones]. A voice that fails is dropped for the rest of the process and tones take over.
 */
class SoundCuePlayer(
    private val sound: () -> CueSound,
    voice: CueVoice?,
    private val tones: CueTones,
) : CuePlayer {
    @Volatile private var voice: CueVoice? = voice

    override fun show(cue: Cue) = Unit

    override fun play(cue: Cue) {
        val current = voice
        when (cueOutput(sound(), cue, current != null)) {
            CueOutput.NOTHING -> Unit
            CueOutput.TONE -> tones.tone(cue)
            CueOutput.SPEAK -> if (current?.speak(cue.text) != true) {
                voice = null
                tones.tone(cue)
            }
        }
    }
}
