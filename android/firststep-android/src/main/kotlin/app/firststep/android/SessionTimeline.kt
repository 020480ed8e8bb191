package app.firststep.android

import app.firststep.kit.MonotonicClock
import app.firststep.kit.SnapshotStore
import org.json.JSONObject
import java.io.File

/**
 * The guided session's time line and its saved snapshot, in one small file.
 *
 * The session is timed on `elapsedRealtime()` (monotonic, counts in deep sleep, survives process
 * death), shifted by an offset. The file keeps the core's snapshot with the boot it was saved in
 * and the session time it was saved at:
 * - same boot (the process was killed): same offset, so the session continues as if nothing
 *   happened — time that passed while the process was dead was time the runner kept exercising;
 * - another boot (the monotonic clock restarted from zero): a new offset makes "now" equal the
 *   saved instant, so the session time line never goes backwards and [Loaded.rebooted] tells the
 *   caller to pause the session there.
 */
class SessionTimeline(private val file: File, private val boot: BootClock) : SnapshotStore {
    @Volatile private var offsetMs: Long = 0

    /** Session time: never jumps, never goes backwards across a reboot. */
    val clock: MonotonicClock = MonotonicClock { boot.elapsedRealtimeMs() + offsetMs }

    data class Loaded(val snapshot: String, val rebooted: Boolean, val savedAtMs: Long)

    /** Reads the saved session and aligns the clock with it; null when there is none. */
    @Synchronized
    fun open(): Loaded? {
        val json = read() ?: return null
        val savedAt = json.getLong(SAVED_AT)
        val rebooted = json.getInt(BOOT) != boot.bootCount()
        offsetMs = if (rebooted) savedAt - boot.elapsedRealtimeMs() else json.getLong(OFFSET)
        return Loaded(json.getString(SNAPSHOT), rebooted, savedAt)
    }

    /** Starts a fresh time line (a new session). */
    @Synchronized
    fun reset() {
        offsetMs = 0
    }

    /** True when a saved session exists (for the boot notification). */
    fun exists(): Boolean = file.exists()

    override suspend fun save(snapshot: String) = saveNow(snapshot)

    @Synchronized
    fun saveNow(snapshot: String) {
        val json = JSONObject()
            .put(SNAPSHOT, snapshot)
            .put(BOOT, boot.bootCount())
            .put(OFFSET, offsetMs)
            .put(SAVED_AT, clock.nowMs())
        // Write-then-rename: a crash mid-write leaves the previous snapshot, never half of one.
        val tmp = File(file.parentFile, file.name + ".tmp")
        tmp.writeText(json.toString())
        if (!tmp.renameTo(file)) {
            file.delete()
            tmp.renameTo(file)
        }
    }

    override suspend fun load(): String? = open()?.snapshot

    override suspend fun clear() = clearNow()

    @Synchronized
    fun clearNow() {
        file.delete()
    }

    private fun read(): JSONObject? = try {
        if (file.exists()) JSONObject(file.readText()) else null
    } catch (e: org.json.JSONException) {
        null
    }

    private companion object {
        const val SNAPSHOT = "snapshot"
        const val BOOT = "boot_count"
        const val OFFSET = "offset_ms"
        const val SAVED_AT = "saved_at_ms"
    }
}
