package app.firststep.ui

import androidx.compose.runtime.Composable
import app.firststep.kit.AppGraph
import app.firststep.kit.Route

/**
 * The navigation host: the current [route]'s wrapper (next to its screen: it collects the view
 * model's state and owns the effects after a write). The routes and the back stack are the kit's
 * ([Route], `Navigator`), kept by whoever keeps the [AppGraph].
 */
@Composable
fun RouteScreen(graph: AppGraph, route: Route) {
    when (route) {
        Route.Welcome -> WelcomeScreen { graph.navigate(Route.Safety) }
        Route.Safety -> SafetyRoute(graph)
        is Route.Urgent -> UrgentStopRoute(graph, route)
        is Route.Refer -> ReferAdviceScreen(route.result) { graph.navigator.back(); graph.navigate(Route.Assessment) }
        Route.Assessment -> AssessmentRoute(graph)
        is Route.Findings -> FindingsScreen(route.result, onDone = { graph.goHome() }, onWhy = graph::openLesson)
        Route.Home -> HomeRoute(graph)
        Route.Session -> SessionRoute(graph)
        Route.Morning -> MorningPainRoute(graph)
        Route.Run -> RunLogRoute(graph)
        Route.Trend -> TrendRoute(graph)
        Route.Progress -> ProgressRoute(graph)
        Route.ReturnToRun -> ReturnToRunRoute(graph)
        Route.PsfsActivities -> PsfsActivitiesRoute(graph)
        Route.PsfsRate -> PsfsRateRoute(graph)
        Route.Lessons -> LessonsRoute(graph)
        Route.Settings -> SettingsRoute(graph)
    }
}
