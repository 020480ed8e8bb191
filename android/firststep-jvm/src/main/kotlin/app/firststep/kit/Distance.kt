package app.firststep.kit

import app.firststep.core.FirstStepException
import app.firststep.core.MorningLog
import app.firststep.core.RunLog
import app.firststep.core.RunRecord
import app.firststep.core.RunningGuidance
import app.firststep.core.Units
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import kotlinx.coroutines.launch

/**
 * Distances as the runner reads them. The core stores kilometres; this is a unit conversion only
 * (the international mile), no rule. Units come from the core's settings.
 */
object Distance {
    const val KM_PER_MILE = 1.609344

    fun toKm(value: Double, units: Units): Double = if (units == Units.IMPERIAL) value * KM_PER_MILE else value
    fun fromKm(km: Double, units: Units): Double = if (units == Units.IMPERIAL) km / KM_PER_MILE else km
}
