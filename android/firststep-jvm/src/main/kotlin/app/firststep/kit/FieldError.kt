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
            is FirstStepException.DatabaseDamaged -> FieldError(null, e.reason)
            is FirstStepException.DatabaseReadOnly -> FieldError(null, e.reason)
            is FirstStepException.DatabaseTooNew -> FieldError(null, e.reason)
            is FirstStepException.Import -> FieldError(null, e.reason)
            is FirstStepException.Io -> FieldError(null, e.reason)
        }
    }
}

/**
 * The way out a screen offers when the journal cannot be used as usual (issue 26): each kind of
 * trouble has its own, so no screen guesses from a message.
 */
enum class JournalWayOut {
    /** Damaged: nothing is changed; export what can still be read (Settings → Export). */
    EXPORT_WHAT_CAN_BE_READ,
    /** Read-only: reading, the trend and export still work; logging needs a writable file. */
    KEEP_READING,
    /** Written by a newer FirstStep: update the app; the file was left untouched. */
    UPDATE_APP,
}

/** This error's way out, or null when it is not about the journal file's state. */
val FirstStepException.journalWayOut: JournalWayOut?
    get() = when (this) {
        is FirstStepException.DatabaseDamaged -> JournalWayOut.EXPORT_WHAT_CAN_BE_READ
        is FirstStepException.DatabaseReadOnly -> JournalWayOut.KEEP_READING
        is FirstStepException.DatabaseTooNew -> JournalWayOut.UPDATE_APP
        else -> null
    }

/** The core's wording of an error (the reason, without the field prefix uniffi adds to `message`). */
val FirstStepException.reasonText: String get() = FieldError.of(this).message
