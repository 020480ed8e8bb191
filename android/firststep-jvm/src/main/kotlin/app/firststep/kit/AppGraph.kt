package app.firststep.kit

import app.firststep.core.AppScreen
import app.firststep.core.JournalChange
import app.firststep.core.StartRoute
import app.firststep.core.screensToRefresh
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.launch

/**
 * The app's state holders on one journal: the kit's view models and the navigator, plain Kotlin on
 * [scope]. The desktop entry, the Android app's holder (`AppHolder`, kept across configuration
 * changes) and the tests build one with their own clocks, cue player, snapshot store and file picker;
 * the graph lives as long as its scope, so whoever owns the scope owns the back stack too.
 */
class AppGraph(
    val repository: FirstStepRepository,
    val scope: CoroutineScope,
    monotonic: MonotonicClock,
    cuePlayer: CuePlayer,
    snapshots: SnapshotStore,
    files: FilePicker,
    tickMs: Long = SessionTicker.DEFAULT_TICK_MS,
    /** Where "Import runs…" gets activity files (the desktop's dialog; none on a phone). */
    runFiles: RunFilePicker = RunFilePicker { emptyList() },
    /** Called after anything that changes the reminder plan (the desktop re-reads it for the tray). */
    val onJournalChanged: () -> Unit = {},
    /** The shell's own choices (cue sound, desktop reduced motion); the settings screen edits them. */
    val preferences: ShellPreferences = ShellPreferences(InMemoryPreferenceStore()),
) {
    val cues = CueFeed(cuePlayer)
    val navigator = Navigator(Route.Home)
    val home = HomeViewModel(repository, scope)
    val safety = SafetyViewModel(repository, scope)
    val assessment = AssessmentViewModel(repository, scope)
    val session = SessionViewModel(repository, monotonic, cues, snapshots, scope, tickMs)
    val morning = MorningPainViewModel(repository, scope)
    val run = RunLogViewModel(repository, scope)
    val runImport = RunImportViewModel(repository, runFiles, scope) { changed(it, except = AppScreen.RUNS) }
    val trend = TrendViewModel(repository, scope)
    val progress = ProgressViewModel(repository, scope)
    val lessons = LessonsViewModel(repository, scope)
    val returnToRun = ReturnToRunViewModel(repository, scope)
    val psfs = PsfsViewModel(repository, scope)
    val settings = SettingsViewModel(repository, files, scope) { changed(JournalChange.SETTINGS_SAVED) }

    /** Opens where the core says (issue 26): the urgent stop screen whenever the last safety screen
     * was urgent (R1), the welcome until there is a program, else home. */
    fun start() = scope.launch {
        val screen = repository.home()
        navigator.reset(
            when (val route = screen.startRoute) {
                is StartRoute.Welcome -> Route.Welcome
                is StartRoute.UrgentStop -> Route.Urgent(route.advice, emptyList())
                is StartRoute.Home -> Route.Home
            },
        )
        home.refresh()
    }

    fun navigate(route: Route) {
        when (route) {
            Route.Safety -> safety.load()
            Route.Assessment -> assessment.start(safety.yesIds)
            Route.Home -> home.refresh()
            Route.Session -> session.open()
            Route.Morning -> morning.open()
            Route.Run -> { run.open(); runImport.load() }
            Route.Trend -> trend.refresh()
            Route.Progress -> progress.refresh()
            Route.Lessons -> lessons.refresh()
            Route.Settings -> settings.load()
            Route.ReturnToRun -> returnToRun.open()
            Route.PsfsActivities, Route.PsfsRate -> psfs.open()
            else -> Unit
        }
        if (route in Route.tabs) navigator.reset(route) else navigator.push(route)
    }

    /** Activity files dropped on the window (desktop): shown on the runs screen as they import. */
    fun importRuns(files: List<RunFile>): Job? {
        if (files.isEmpty()) return null
        if (navigator.current != Route.Run) navigate(Route.Run)
        return runImport.importFiles(files)
    }

    /** An exercise's "why": its lesson in the reader, on top of the current screen. */
    fun openLesson(id: String) {
        navigator.push(Route.Lessons)
        lessons.refreshAndOpen(id)
    }

    /** Back from a form pushed on progress or home after [change]: the stale screens are re-read. */
    fun backAfter(change: JournalChange) {
        navigator.back()
        changed(change)
    }

    fun goHome() = navigate(Route.Home)

    /**
     * After a write: reloads exactly the screens the core says [change] made stale (issue 26), and
     * re-plans reminders when they are among them. [except] is the screen whose view model made the
     * write and has already reloaded itself (reloading it again would drop its confirmation).
     */
    fun changed(change: JournalChange, except: AppScreen? = null) {
        val stale = screensToRefresh(change).filter { it != except }
        // The program and its levels are shown on home; the return-to-run card and PSFS on progress.
        if (stale.any { it == AppScreen.HOME || it == AppScreen.PROGRAM } && except != AppScreen.HOME) home.refresh()
        if (AppScreen.TREND in stale) trend.refresh()
        if (stale.any { it == AppScreen.PROGRESS || it == AppScreen.RETURN_TO_RUN || it == AppScreen.PSFS }) progress.refresh()
        if (AppScreen.LESSONS in stale) lessons.refresh()
        if (AppScreen.RUNS in stale) runImport.refresh()
        if (AppScreen.REMINDERS in stale) onJournalChanged()
    }
}
