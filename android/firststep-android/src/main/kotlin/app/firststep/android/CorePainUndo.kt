package app.firststep.android

import app.firststep.core.FirstStep
import app.firststep.core.FirstStepException
import app.firststep.core.Moment

/**
 * [PainUndo] through the core: the core restores what the log replaced and reverts the decisions
 * that log triggered (the shell decides nothing).
 */
class CorePainUndo(private val core: FirstStep) : PainUndo {
    override fun undoPain(date: String, now: Moment) = call(core, date, now)

    companion object {
        /**
         * TODO(core): `core.undoPain(date, now)` once `FirstStep::undo_pain(date, now)` is in the
         * core; until then there is no undo and the tap is answered with this refusal.
         */
        fun call(core: FirstStep, date: String, now: Moment) {
            throw FirstStepException.InvalidState("undo is not available in this version of the core")
        }
    }
}
