package app.firststep.ui

import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.sizeIn
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.NavigationBar
import androidx.compose.material3.NavigationBarItem
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.unit.dp
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import app.firststep.core.AppScreen
import app.firststep.core.JournalChange
import app.firststep.core.RedFlagLevel
import app.firststep.kit.AppGraph
import app.firststep.kit.Route

/** The whole app: the current route's screen fed by its view model, a top bar and the tab bar. */
@Composable
fun FirstStepApp(graph: AppGraph, dark: Boolean = false, strings: Strings = EnglishStrings) {
    FirstStepTheme(dark, strings) {
        val routes by graph.navigator.routes.collectAsState()
        val route = routes.last()
        val s = LocalStrings.current
        Scaffold(
            topBar = {
                // A plain bar that grows with the font size (Material's TopAppBar has a fixed height,
                // which clips its title at font scale 2).
                Surface(color = MaterialTheme.colorScheme.surface) {
                    Row(
                        Modifier.fillMaxWidth().sizeIn(minHeight = 56.dp).padding(horizontal = 8.dp, vertical = 4.dp),
                        verticalAlignment = Alignment.CenterVertically,
                    ) {
                        if (routes.size > 1) {
                            TextButton({ graph.navigator.back(); if (graph.navigator.current == Route.Home) graph.home.refresh() },
                                Modifier.sizeIn(minWidth = TouchTarget, minHeight = TouchTarget).testTag("nav-back")) { Text("‹ ${s.back}") }
                        }
                        Text(s.appName, style = MaterialTheme.typography.titleLarge, modifier = Modifier.padding(horizontal = 8.dp).semantics { heading() })
                    }
                }
            },
            bottomBar = {
                if (routes.size == 1 && route in Route.tabs) TabBar(route) { graph.navigate(it) }
            },
        ) { padding ->
            Surface(Modifier.fillMaxSize().padding(padding), color = MaterialTheme.colorScheme.background) {
                RouteScreen(graph, route)
            }
        }
    }
}

@Composable
private fun TabBar(current: Route, onSelect: (Route) -> Unit) {
    val s = LocalStrings.current
    NavigationBar {
        for (tab in Route.tabs) {
            val (glyph, label) = when (tab) {
                Route.Home -> "⌂" to s.navHome
                Route.Trend -> "↗" to s.navTrend
                Route.Progress -> "✓" to s.navProgress
                Route.Lessons -> "☰" to s.navLessons
                else -> "⚙" to s.navSettings
            }
            NavigationBarItem(
                selected = tab == current,
                onClick = { onSelect(tab) },
                icon = { Text(glyph, style = MaterialTheme.typography.titleLarge) },
                // Only the current tab is labelled (the others are announced by their description),
                // so five labels never have to share 412 dp at a large font size.
                label = if (tab == current) { { Text(label, maxLines = 1, softWrap = false) } } else null,
                alwaysShowLabel = false,
                modifier = Modifier.testTag("tab-${label.lowercase()}").semantics { contentDescription = label },
            )
        }
    }
}

@Composable
private fun RouteScreen(graph: AppGraph, route: Route) {
    when (route) {
        Route.Welcome -> WelcomeScreen { graph.navigate(Route.Safety) }
        Route.Safety -> {
            val state by graph.safety.state.collectAsState()
            LaunchedEffect(state.result) {
                val result = state.result ?: return@LaunchedEffect
                graph.changed(JournalChange.SAFETY_SCREEN)
                when (result.level) {
                    RedFlagLevel.URGENT -> graph.navigator.replace(Route.Urgent(result.advice, result.reasons))
                    RedFlagLevel.REFER, RedFlagLevel.REFER_NO_IMPACT -> graph.navigator.replace(Route.Refer(result))
                    RedFlagLevel.NONE -> { graph.navigator.back(); graph.navigate(Route.Assessment) }
                }
            }
            SafetyScreen(state, graph.safety::answer) { graph.safety.submit() }
        }
        is Route.Urgent -> {
            val state by graph.safety.state.collectAsState()
            var date by remember { mutableStateOf("") }
            LaunchedEffect(state.cleared) { if (state.cleared) { graph.navigator.replace(Route.Safety); graph.changed(JournalChange.CLINICIAN_VISIT) } }
            UrgentStopScreen(route.advice, route.reasons, ClearanceForm(date, state.error, { date = it }) { graph.safety.clearedByClinician(date) })
        }
        is Route.Refer -> ReferAdviceScreen(route.result) { graph.navigator.back(); graph.navigate(Route.Assessment) }
        Route.Assessment -> {
            val state by graph.assessment.state.collectAsState()
            LaunchedEffect(state.result) {
                state.result?.let { graph.navigator.replace(Route.Findings(it)); graph.changed(JournalChange.ASSESSMENT) }
            }
            AssessmentScreen(state, AssessmentActions(
                setValue = graph.assessment::setValue,
                setSide = graph.assessment::setSide,
                setInches = graph.assessment::setInches,
                next = graph.assessment::next,
                back = graph.assessment::back,
                submit = { graph.assessment.submit() },
            ))
        }
        is Route.Findings -> FindingsScreen(route.result, onDone = { graph.goHome() }, onWhy = graph::openLesson)
        Route.Home -> {
            val state by graph.home.state.collectAsState()
            HomeScreen(state, HomeActions(
                logPain = { graph.home.logPain(it).invokeOnCompletion { graph.changed(JournalChange.PAIN_LOGGED, except = AppScreen.HOME) } },
                editPain = { graph.navigate(Route.Morning) },
                startSession = { graph.navigate(Route.Session) },
                assess = { graph.navigate(Route.Safety) },
                seekCare = {
                    val home = state.home
                    graph.safety.retake()
                    graph.navigator.push(Route.Urgent(home?.caution ?: home?.nextStepText.orEmpty(), emptyList()))
                },
                logRun = { graph.navigate(Route.Run) },
                answerHopCheck = { graph.home.answerHopCheck(it).invokeOnCompletion { graph.changed(JournalChange.HOP_CHECK, except = AppScreen.HOME) } },
                answerMaintenance = { graph.home.answerMaintenance(it).invokeOnCompletion { graph.changed(JournalChange.MAINTENANCE, except = AppScreen.HOME) } },
                takeSelfTest = { graph.navigate(Route.ReturnToRun) },
                ratePsfs = { graph.navigate(Route.PsfsRate) },
                openLesson = graph::openLesson,
            ))
        }
        Route.Session -> {
            val state by graph.session.state.collectAsState()
            val saved = (state as? app.firststep.kit.SessionUiState.Finished)?.saved == true
            LaunchedEffect(saved) { if (saved) graph.changed(JournalChange.SESSION_SAVED) }
            SessionScreen(state, SessionActions(
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
        Route.Morning -> {
            val state by graph.morning.state.collectAsState()
            LaunchedEffect(state.saved) { if (state.saved != null) graph.changed(JournalChange.PAIN_LOGGED) }
            MorningPainScreen(state, MorningPainActions(
                setDate = { graph.morning.setDate(it) },
                setScore = graph.morning::setScore,
                setStiffness = graph.morning::setStiffness,
                setNote = graph.morning::setNote,
                save = { graph.morning.save() },
            ))
        }
        Route.Run -> {
            val state by graph.run.state.collectAsState()
            LaunchedEffect(state.saved) { if (state.saved != null) graph.changed(JournalChange.RUN_LOGGED) }
            RunLogScreen(state, RunLogActions(
                setDate = graph.run::setDate,
                setDistance = graph.run::setDistance,
                setMinutes = graph.run::setMinutes,
                setPainDuring = graph.run::setPainDuring,
                setPainAfter = graph.run::setPainAfter,
                setSurface = graph.run::setSurface,
                setShoes = graph.run::setShoes,
                save = { graph.run.save() },
            ))
        }
        Route.Trend -> {
            val state by graph.trend.state.collectAsState()
            TrendScreen(state, onSelect = graph.trend::select) { graph.trend.selectWeeks(it) }
        }
        Route.Progress -> {
            val state by graph.progress.state.collectAsState()
            ProgressScreen(state, ProgressActions(
                takeSelfTest = { graph.navigate(Route.ReturnToRun) },
                ratePsfs = { graph.navigate(Route.PsfsRate) },
                editPsfsActivities = { graph.navigate(Route.PsfsActivities) },
            ))
        }
        Route.ReturnToRun -> {
            val state by graph.returnToRun.state.collectAsState()
            ReturnToRunScreen(state, ReturnToRunActions(
                setWalkPain = graph.returnToRun::setWalkPain,
                setHeelAffected = graph.returnToRun::setHeelRaisesAffected,
                setHeelOther = graph.returnToRun::setHeelRaisesOther,
                setHopPain = graph.returnToRun::setHopPain,
                submit = { graph.returnToRun.submit() },
                done = { graph.backAfter(JournalChange.RETURN_TO_RUN_TEST) },
            ))
        }
        Route.PsfsActivities -> {
            val state by graph.psfs.state.collectAsState()
            // Named: rate them now (a first rating is due at once).
            LaunchedEffect(state.saved) { if (state.saved) { graph.navigator.replace(Route.PsfsRate); graph.psfs.open(); graph.changed(JournalChange.PSFS) } }
            PsfsActivitiesScreen(state, graph.psfsActions())
        }
        Route.PsfsRate -> {
            val state by graph.psfs.state.collectAsState()
            LaunchedEffect(state.saved) { if (state.saved) graph.backAfter(JournalChange.PSFS) }
            PsfsRateScreen(state, graph.psfsActions())
        }
        Route.Lessons -> {
            val state by graph.lessons.state.collectAsState()
            LessonsScreen(state, LessonsActions(open = { graph.lessons.open(it) }, close = graph.lessons::close))
        }
        Route.Settings -> {
            val state by graph.settings.state.collectAsState()
            SettingsScreen(state, graph.repository.databasePath(), SettingsActions(
                edit = graph.settings::edit,
                toggleDay = graph.settings::toggleSessionDay,
                save = { graph.settings.save() },
                exportBackup = { graph.settings.exportBackup() },
                exportCsv = { graph.settings.exportCsv() },
                importBackup = { graph.settings.importBackup() },
                exportSummary = { graph.settings.exportClinicianSummary() },
            ))
        }
    }
}

private fun AppGraph.psfsActions() = PsfsActions(
    setName = psfs::setName,
    saveActivities = { psfs.saveActivities() },
    setScore = psfs::setScore,
    rate = { psfs.rate() },
)

@Composable
fun Placeholder(text: String) = Box(Modifier.fillMaxSize()) { Text(text) }
