package app.firststep.kit

import app.firststep.core.Cue
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/**
 * A [CuePlayer] that also publishes the last cue for the screen (a visual flash of the cue's text)
 * and forwards everything to the platform's player ([delegate]: a tone, speech, vibration).
 */
class CueFeed(private val delegate: CuePlayer) : CuePlayer {
    private val mutableLast = MutableStateFlow<Cue?>(null)
    val last: StateFlow<Cue?> = mutableLast.asStateFlow()

    override fun show(cue: Cue) {
        mutableLast.value = cue
        delegate.show(cue)
    }

    override fun play(cue: Cue) = delegate.play(cue)
}

/** A player that plays nothing (a platform without audio). */
object SilentCuePlayer : CuePlayer {
    override fun show(cue: Cue) {}
    override fun play(cue: Cue) {}
}
