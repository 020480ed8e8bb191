package app.firststep.ui

import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import app.firststep.core.JournalChange
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
        Route.Session -> {
            val session by graph.session.session.collectAsState()
            val cue by graph.cues.last.collectAsState()
            val saved by graph.session.saved.collectAsState()
            val message by graph.session.message.collectAsState()
            val effortQuestion by graph.session.effortQuestion.collectAsState()
            LaunchedEffect(saved) { if (saved) graph.changed(JournalChange.SESSION_SAVED) }
            SessionScreen(SessionScreenState(session, cue, saved, message, effortQuestion), SessionActions(
                pause = { graph.session.pause() },
                resume = { graph.session.resume() },
                skip = { graph.session.skipStep() },
                repeat = { graph.session.repeatStep() },
                repDone = { graph.session.repDone() },
                finish = { graph.session.finish(it) },
                close = { graph.session.close(); graph.goHome() },
                answerEffort = { graph.session.answerEffort(it) },
            ))
        }
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
