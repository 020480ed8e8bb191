package app.firststep.kit

import app.firststep.core.Moment
import java.time.ZoneId

/**
 * "Now" as the core needs it: the wall-clock instant and the runner's IANA time zone. The core
 * derives every local date from it; the shell never computes dates itself.
 */
fun interface Clock {
    fun now(): Moment
}

/** The device clock and the device's current zone (re-read on every call, so travel is followed). */
object SystemClock : Clock {
    override fun now(): Moment = Moment(System.currentTimeMillis(), ZoneId.systemDefault().id)
}

/**
 * Milliseconds on a clock that never jumps (not wall time): the guided session is timed on it.
 * Android: `SystemClock.elapsedRealtime()`, which also survives process death, so a restored
 * session continues on the same time line.
 */
fun interface MonotonicClock {
    fun nowMs(): Long
}

/** JVM monotonic time; the Android app passes `SystemClock::elapsedRealtime` instead. */
object NanoTimeClock : MonotonicClock {
    override fun nowMs(): Long = System.nanoTime() / 1_000_000
}
