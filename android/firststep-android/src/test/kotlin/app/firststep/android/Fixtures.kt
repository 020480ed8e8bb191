package app.firststep.android

import android.app.Application
import android.os.Looper
import android.widget.RemoteViews
import app.firststep.core.FirstStep
import app.firststep.core.Moment
import app.firststep.kit.Clock
import org.robolectric.RuntimeEnvironment
import org.robolectric.Shadows.shadowOf
import java.io.File
import java.time.LocalDateTime
import java.time.ZoneId
import java.util.concurrent.Executor
import java.util.concurrent.atomic.AtomicInteger

/** The application the tests run in: its [platform] is installed by [Fixture.install]. */
class TestApp : Application(), PlatformHost {
    var installed: Platform? = null
    override val platform: Platform get() = checkNotNull(installed) { "Fixture.install() first" }
}

/** A wall clock the test moves by hand (instant + IANA zone, as the core wants it). */
class TestClock(var moment: Moment) : Clock {
    override fun now(): Moment = moment

    fun set(local: String, zone: String = moment.timeZone) {
        moment = at(local, zone)
    }

    companion object {
        /** "2026-03-25T10:00" in [zone]. */
        fun at(local: String, zone: String): Moment =
            Moment(LocalDateTime.parse(local).atZone(ZoneId.of(zone)).toInstant().toEpochMilli(), zone)
    }
}

/** Monotonic time and boot count under the test's control (a reboot restarts the clock). */
class TestBootClock(var elapsedMs: Long = 1_000, var boot: Int = 1) : BootClock {
    override fun elapsedRealtimeMs() = elapsedMs
    override fun bootCount() = boot
}

object Fixture {
    private val counter = AtomicInteger()

    /** Ids the app's R class would give the one-tap layout (the Maven build has no resources). */
    val LAYOUT = PainLayout(0x7f0b0001, 0x7f0b0002, (0..10).map { 0x7f080100 + it })

    val app: TestApp get() = RuntimeEnvironment.getApplication() as TestApp

    /** A real core over a fresh journal in the app's files dir; work runs inline (deterministic). */
    fun install(
        clock: Clock,
        bootClock: BootClock = AndroidBootClock(app),
        undo: PainUndo? = null,
    ): Platform {
        val app = app
        val core = FirstStep.open(File(app.filesDir, "journal-${counter.incrementAndGet()}.db").path)
        val platform = Platform(app, core, clock, bootClock, Executor { it.run() }, LAYOUT, undo ?: CorePainUndo(core))
        app.installed = platform
        return platform
    }

    /** A complete assessment (left heel, first-step pain 4): a program with a calf ladder, stretch and balance. */
    fun answersJson(date: String, firstStepPain: Int = 4): String = """
        {"date": "$date", "affected_side": "left", "weeks_since_onset": 6, "first_step_pain": $firstStepPain,
         "red_flags": [], "knee_to_wall_cm": {"left": 12.0, "right": 12.5},
         "heel_raise_reps": {"left": 24, "right": 25}, "toe_grip": {"left": "pass", "right": "pass"},
         "arch_control": {"left": "pass", "right": "pass"}, "single_leg_squat": {"left": "good", "right": "good"},
         "balance_seconds": {"left": 20, "right": 40}}
    """.trimIndent()

    fun idle() = shadowOf(Looper.getMainLooper()).idle()
}

/**
 * The click PendingIntents a RemoteViews carries, by view id. RemoteViews keeps them in private
 * actions (no public getter, and no app resources to inflate the layout here), so this reads the
 * SDK 34 fields by reflection: `mActions` → each action's view id and its `RemoteResponse`'s
 * `mPendingIntent`.
 */
fun RemoteViews.clickIntents(): Map<Int, android.app.PendingIntent> {
    fun fields(c: Class<*>?): List<java.lang.reflect.Field> =
        generateSequence(c) { it.superclass }.flatMap { it.declaredFields.asSequence() }.onEach { it.isAccessible = true }.toList()
    val actions = fields(RemoteViews::class.java).first { it.name == "mActions" }.get(this) as List<*>
    val out = mutableMapOf<Int, android.app.PendingIntent>()
    for (action in actions.filterNotNull()) {
        val fs = fields(action.javaClass)
        val response = fs.firstOrNull { it.type.simpleName == "RemoteResponse" }?.get(action) ?: continue
        val pending = fields(response.javaClass).first { it.type == android.app.PendingIntent::class.java }.get(response) as android.app.PendingIntent? ?: continue
        val viewId = fs.first { it.name == "mViewId" || it.name == "viewId" }.getInt(action)
        out[viewId] = pending
    }
    return out
}
