package app.firststep.kit

import app.firststep.core.FirstStepException

/**
 * A refusal from the core, ready to show: [field] is the core's field name when the error names one
 * (`FirstStepException.InvalidInput`), so a screen can put [message] next to that input.
 * The message is always the core's own wording.
 */
data class FieldError(val field: String?, val message: String) {
    /** True when this error names [field] or one of its parts ("knee_to_wall_cm" matches "knee_to_wall_cm.left"). */
    fun concerns(field: String): Boolean = this.field == field || this.field?.startsWith("$field.") == true

    companion object {
        fun of(e: FirstStepException): FieldError = when (e) {
            is FirstStepException.InvalidInput -> FieldError(e.field, e.reason)
            is FirstStepException.NotFound -> FieldError(null, e.reason)
            is FirstStepException.InvalidState -> FieldError(null, e.reason)
            is FirstStepException.Database -> FieldError(null, e.reason)
            is FirstStepException.Import -> FieldError(null, e.reason)
        }
    }
}

/** The core's wording of an error (the reason, without the field prefix uniffi adds to `message`). */
val FirstStepException.reasonText: String get() = FieldError.of(this).message
