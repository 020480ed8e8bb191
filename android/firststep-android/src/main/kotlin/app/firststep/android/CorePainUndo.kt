package app.firststep.android

import app.firststep.core.FirstStep
import app.firststep.core.Moment
import app.firststep.core.PainEntry

/**
 * [PainUndo] through the core's `undoPain`: it removes the day's score, restores the value that
 * log replaced (if it was an edit) and reverts the progression decisions it triggered, in one
 * transaction. The shell decides nothing.
 */
class CorePainUndo(private val core: FirstStep) : PainUndo {
    override fun undoPain(date: String, now: Moment): PainEntry? = core.undoPain(now, date).restored
}
