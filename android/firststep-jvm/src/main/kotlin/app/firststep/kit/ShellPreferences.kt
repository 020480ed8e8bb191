package app.firststep.kit

import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/** Where the shell keeps its own preferences: a properties file on desktop, SharedPreferences on Android. */
interface PreferenceStore {
    fun read(key: String): String?
    fun write(key: String, value: String)
}

/** Preferences that live only as long as the process (tests, previews). */
class InMemoryPreferenceStore(initial: Map<String, String> = emptyMap()) : PreferenceStore {
    private val values = initial.toMutableMap()
    @Synchronized override fun read(key: String): String? = values[key]
    @Synchronized override fun write(key: String, value: String) { values[key] = value }
}

/**
 * What only the shell needs to remember, kept out of the core's journal: how cues sound and, on a
 * platform without a system switch for it (desktop), whether to reduce motion. The core's Settings
 * are SQL columns, so a new field there would need a schema migration for something no rule reads.
 * An unreadable or unknown stored value falls back to the default (voice, full motion).
 */
class ShellPreferences(
    private val store: PreferenceStore,
    /** True where the app itself offers the switch (desktop); Android and iOS follow the system. */
    val offersReducedMotion: Boolean = false,
) {
    private val mutableCueSound = MutableStateFlow(
        store.read(CUE_SOUND)?.let { v -> CueSound.entries.firstOrNull { it.name == v } } ?: CueSound.VOICE,
    )
    val cueSound: StateFlow<CueSound> = mutableCueSound.asStateFlow()

    private val mutableReducedMotion = MutableStateFlow(store.read(REDUCED_MOTION) == "true")
    val reducedMotion: StateFlow<Boolean> = mutableReducedMotion.asStateFlow()

    fun setCueSound(sound: CueSound) {
        store.write(CUE_SOUND, sound.name)
        mutableCueSound.value = sound
    }

    fun setReducedMotion(reduced: Boolean) {
        store.write(REDUCED_MOTION, reduced.toString())
        mutableReducedMotion.value = reduced
    }

    companion object {
        const val CUE_SOUND = "cue_sound"
        const val REDUCED_MOTION = "reduced_motion"
    }
}
