package app.firststep.kit

import app.firststep.core.AssessmentResult
import app.firststep.core.SafetyResult

/** Where the runner is. Top-level tabs plus the flows pushed on top of them. */
sealed interface Route {
    data object Welcome : Route
    data object Safety : Route
    /** Urgent (R1): from the safety screen with its result, or from home with the core's caution. */
    data class Urgent(val advice: String, val reasons: List<String>) : Route
    data class Refer(val result: SafetyResult) : Route
    data object Assessment : Route
    data class Findings(val result: AssessmentResult) : Route
    data object Home : Route
    data object Session : Route
    data object Morning : Route
    data object Run : Route
    data object Trend : Route
    data object Progress : Route
    data object Lessons : Route
    data object Settings : Route
    /** The return-to-run self-test (RR1), pushed from a running card. */
    data object ReturnToRun : Route
    /** Naming the PSFS activities (M2). */
    data object PsfsActivities : Route
    /** Rating the PSFS activities (M2). */
    data object PsfsRate : Route

    companion object {
        val tabs = listOf(Home, Trend, Progress, Lessons, Settings)
    }
}
