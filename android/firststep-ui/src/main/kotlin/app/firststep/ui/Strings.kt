package app.firststep.ui

import androidx.compose.runtime.staticCompositionLocalOf
import app.firststep.core.DecisionAction
import app.firststep.core.Domain
import app.firststep.core.Effort
import app.firststep.core.EvidenceTier
import app.firststep.core.Frequency
import app.firststep.core.ImportStatus
import app.firststep.core.ReminderKind
import app.firststep.core.RunSource
import app.firststep.core.RunningState
import app.firststep.core.Side
import app.firststep.core.Units

/**
 * Every piece of UI chrome (labels, buttons, headings). Advice, rules, findings, reasons and lessons
 * are never here: they come from the core. Android maps an implementation onto strings.xml.
 */
interface Strings {
    val appName: String
    val back: String
    val next: String
    val save: String
    val saved: String
    val cancel: String
    val yes: String
    val no: String
    val loading: String

    // navigation
    val navHome: String
    val navTrend: String
    val navProgress: String
    val navLessons: String
    val navSettings: String

    // first run
    val welcomeTitle: String
    val welcomeBody: String
    val welcomeStart: String
    val safetyTitle: String
    val safetyContinue: String
    val urgentTitle: String
    val urgentWhatToTell: String
    val urgentRetake: String
    val referTitle: String
    val referContinue: String
    val clearedTitle: String
    val clearedDateLabel: String
    val clearedConfirm: String
    val referralOptions: String
    val exportSummary: String

    // assessment
    val assessmentTitle: String
    fun assessmentStep(page: Int, count: Int): String
    val howTo: String
    val left: String
    val right: String
    val inCm: String
    val inInches: String
    val submitAssessment: String
    val optional: String
    val findingsTitle: String
    val noFindings: String
    val programTitle: String
    val answersFinding: String
    val baseProgram: String
    val changesTitle: String
    val toHome: String
    fun dosage(sets: Int, reps: Int?, holdSeconds: Int?): String
    fun tempo(up: Int, hold: Int, down: Int): String
    fun restSeconds(seconds: Int): String
    fun rules(ids: List<String>): String
    fun evidence(tier: EvidenceTier): String
    fun frequency(f: Frequency): String
    fun domain(d: Domain): String
    fun side(s: Side): String
    fun minutesPerDay(minutes: Int): String
    val setAsideTitle: String
    val whyExercise: String
    fun loadSteps(steps: Int): String

    // home
    val firstStepPainQuestion: String
    fun painLogged(score: Int): String
    val editPain: String
    val morningDetails: String
    val todaysExercises: String
    val done: String
    val notDone: String
    val startSession: String
    /** The maintenance offer's buttons (rule P9). */
    val acceptMaintenance: String
    val notNow: String
    val startAssessment: String
    val reassess: String
    val runningAdvice: String
    fun runningState(s: RunningState): String
    val logRun: String
    fun streak(days: Int): String
    fun nextReminder(date: String, time: String, title: String): String
    fun reminderKind(kind: ReminderKind): String
    fun planSummary(exercises: Int, minutes: Int): String
    /** [distance] is the core's, in the runner's units ("14 km", "9 mi"). */
    fun reduceTo(distance: String): String
    /** [distance] is the core's, in the runner's units ("12.0 km", "7.5 mi"). */
    fun weeklyDistance(distance: String): String
    val returnToRunTitle: String
    fun walkRunStep(step: Int, of: Int): String
    fun walkRunRuns(done: Int, needed: Int): String
    val takeSelfTest: String
    val psfsDueHome: String

    // session
    val sessionTitle: String
    fun exerciseOf(index: Int, count: Int): String
    fun setOf(set: Int, count: Int): String
    fun repOf(rep: Int, count: Int): String
    val pause: String
    val resume: String
    val skip: String
    val repeat: String
    val repDone: String
    val peakPainQuestion: String
    val sessionSaved: String
    val sessionProgress: String
    fun secondsLeft(seconds: Int): String
    /** The session's load line: the core's load text, or body weight. */
    fun sessionLoad(load: String?): String
    val closeHowTo: String
    fun figureOf(exercise: String): String
    val effortQuestion: String
    fun effort(e: Effort?): String

    // logging
    val morningTitle: String
    val dateLabel: String
    val stiffnessLabel: String
    val noteLabel: String
    val runTitle: String
    fun distanceLabel(units: Units): String
    val minutesLabel: String
    val painDuring: String
    val painAfter: String
    val surfaceLabel: String
    val shoesLabel: String
    val runSaved: String

    // importing runs (issue 23)
    val runImportTitle: String
    val runImportChoose: String
    val runImportDropHint: String
    val runImportHealthStoreOnly: String
    val runImportWorking: String
    fun runImportStatus(status: ImportStatus): String
    fun runImportCouldNotOpen(systemMessage: String): String
    val runImportDismiss: String
    val runListTitle: String
    val runListEmpty: String
    fun runListLine(date: String, distance: String, units: Units, source: RunSource, matched: Boolean): String

    // trend
    val trendTitle: String
    fun weeks(n: Int): String
    /** Shown where the readout appears until a day is pointed at. */
    val trendReadoutHint: String
    val meaningfulReached: String

    // progress
    val progressTitle: String
    val decisionsTitle: String
    val noDecisions: String
    fun decision(action: DecisionAction, from: Int, to: Int): String
    val psfsTitle: String
    val psfsRateNow: String
    val psfsRate: String
    val psfsNameActivities: String
    val psfsEditActivities: String
    fun psfsFirstLatest(first: Int?, latest: Int?): String
    fun psfsChange(change: Int): String
    val psfsActivitiesTitle: String
    val psfsActivitiesHint: String
    fun psfsActivityLabel(n: Int): String
    val psfsRateTitle: String
    val psfsScaleHint: String

    // return-to-run self-test
    val selfTestTitle: String
    val selfTestWalkPain: String
    val selfTestHeelAffected: String
    val selfTestHeelOther: String
    val selfTestHopPain: String
    val selfTestSubmit: String
    fun criterion(passed: Boolean): String
    fun selfTestVerdict(passed: Boolean): String

    // lessons
    val lessonsTitle: String
    val lessonsEmpty: String
    val readLesson: String
    val lessonLocked: String
    val allLessons: String
    fun lessonExercises(names: List<String>): String

    // settings
    val settingsTitle: String
    val unitsLabel: String
    fun units(u: Units): String
    val affectedSideLabel: String
    val morningReminderLabel: String
    val sessionReminderLabel: String
    val sessionDaysLabel: String
    fun weekday(isoDay: Int): String
    val remindersEnabled: String
    val cueSoundLabel: String
    fun cueSound(c: app.firststep.kit.CueSound): String
    val reducedMotionLabel: String
    val dataTitle: String
    val exportBackup: String
    val exportCsv: String
    val importBackup: String
    fun exportedTo(where: String): String
    fun imported(added: Int, updated: Int, unchanged: Int): String
    fun databaseAt(path: String): String
}

object EnglishStrings : Strings {
    override val appName = "FirstStep"
    override val back = "Back"
    override val next = "Next"
    override val save = "Save"
    override val saved = "Saved"
    override val cancel = "Cancel"
    override val yes = "Yes"
    override val no = "No"
    override val loading = "Loading…"

    override val navHome = "Today"
    override val navTrend = "Trend"
    override val navProgress = "Progress"
    override val navLessons = "Lessons"
    override val navSettings = "Settings"

    override val welcomeTitle = "Welcome to FirstStep"
    override val welcomeBody = "A few safety questions first, then a short guided assessment builds your program."
    override val welcomeStart = "Begin"
    override val safetyTitle = "Safety questions"
    override val safetyContinue = "Continue"
    override val urgentTitle = "Seek care today"
    override val urgentWhatToTell = "What to tell the clinician"
    override val urgentRetake = "Re-take the safety questions"
    override val referTitle = "Please see a clinician"
    override val referContinue = "Continue to the assessment"
    override val clearedTitle = "After you have seen a clinician"
    override val clearedDateLabel = "Date they cleared you (YYYY-MM-DD, empty = today)"
    override val clearedConfirm = "A clinician has cleared me"
    override val referralOptions = "To discuss with your clinician"
    override val exportSummary = "Export clinician summary"

    override val assessmentTitle = "Assessment"
    override fun assessmentStep(page: Int, count: Int) = "Step $page of $count"
    override val howTo = "How to do it"
    override val left = "Left"
    override val right = "Right"
    override val inCm = "cm"
    override val inInches = "in"
    override val submitAssessment = "See my results"
    override val optional = "Optional"
    override val findingsTitle = "Things to work on"
    override val noFindings = "Nothing stood out in the tests."
    override val programTitle = "Your program"
    override val answersFinding = "Works on"
    override val baseProgram = "Base program"
    override val changesTitle = "Since last time"
    override val toHome = "Go to today"
    override fun dosage(sets: Int, reps: Int?, holdSeconds: Int?) = when {
        reps != null && holdSeconds != null -> "$sets × $reps, hold $holdSeconds s"
        reps != null -> "$sets × $reps"
        holdSeconds != null -> "$sets × hold $holdSeconds s"
        else -> "$sets sets"
    }
    override fun tempo(up: Int, hold: Int, down: Int) = "tempo $up-$hold-$down s"
    override fun restSeconds(seconds: Int) = "rest $seconds s"
    override fun rules(ids: List<String>) = if (ids.isEmpty()) "" else "rules " + ids.joinToString(", ")
    override fun evidence(tier: EvidenceTier) = when (tier) {
        EvidenceTier.RCT_PF -> "Evidence: trials in heel pain"
        EvidenceTier.OTHER_TENDON -> "Evidence: other tendons"
        EvidenceTier.EXPERT -> "Evidence: expert opinion"
    }
    override fun frequency(f: Frequency) = when (f) {
        Frequency.DAILY -> "daily"
        Frequency.EVERY_OTHER_DAY -> "every other day"
        Frequency.THREE_TIMES_DAILY -> "3× daily"
        Frequency.TWICE_WEEKLY -> "twice a week"
    }
    override fun domain(d: Domain) = when (d) {
        Domain.ANKLE_MOBILITY -> "Ankle mobility"
        Domain.CALF_CAPACITY -> "Calf capacity"
        Domain.FOOT_INTRINSICS -> "Foot strength"
        Domain.HIP_CONTROL -> "Hip control"
        Domain.BALANCE -> "Balance"
        Domain.GAIT -> "Running form"
        Domain.TRAINING_LOAD -> "Training load"
    }
    override fun side(s: Side) = when (s) {
        Side.LEFT -> "left"
        Side.RIGHT -> "right"
        Side.BOTH -> "both"
        Side.NONE -> ""
    }
    override fun minutesPerDay(minutes: Int) = "About $minutes min a day"
    override val setAsideTitle = "Set aside for now"
    override val whyExercise = "Why this exercise?"
    override fun loadSteps(steps: Int) = if (steps == 1) "1 load step added" else "$steps load steps added"

    override val firstStepPainQuestion = "First-step pain this morning"
    override fun painLogged(score: Int) = "Logged today: $score / 10"
    override val editPain = "Edit"
    override val morningDetails = "Stiffness, note or a missed day"
    override val todaysExercises = "Today's exercises"
    override val done = "Done"
    override val notDone = "To do"
    override val startSession = "Start session"
    override val acceptMaintenance = "Accept"
    override val notNow = "Not now"
    override val startAssessment = "Start"
    override val reassess = "Re-assess"
    override val runningAdvice = "Running today"
    override fun runningState(s: RunningState) = when (s) {
        RunningState.GREEN -> "Green"
        RunningState.AMBER -> "Amber"
        RunningState.RED -> "Red"
    }
    override val logRun = "Log a run"
    override fun streak(days: Int) = if (days == 1) "1 day logged in a row" else "$days days logged in a row"
    override fun nextReminder(date: String, time: String, title: String) = "Next reminder: $title, $date $time"
    override fun reminderKind(kind: ReminderKind) = kind.name.lowercase().replace('_', ' ')
    override fun planSummary(exercises: Int, minutes: Int) =
        (if (exercises == 1) "1 exercise" else "$exercises exercises") + (if (minutes > 0) " · about $minutes min" else "")
    override fun reduceTo(distance: String) = "Reduce to about $distance this week"
    override fun weeklyDistance(distance: String) = "Last 7 days: $distance"
    override val returnToRunTitle = "Back to running"
    override fun walkRunStep(step: Int, of: Int) = "Walk-run step $step of $of"
    override fun walkRunRuns(done: Int, needed: Int) = "$done of $needed comfortable runs at this step"
    override val takeSelfTest = "Take the self-test"
    override val psfsDueHome = "Time to rate your activities"

    override val sessionTitle = "Guided session"
    override fun exerciseOf(index: Int, count: Int) = "Exercise $index of $count"
    override fun setOf(set: Int, count: Int) = "Set $set of $count"
    override fun repOf(rep: Int, count: Int) = "Rep $rep of $count"
    override val pause = "Pause"
    override val resume = "Resume"
    override val skip = "Skip"
    override val repeat = "Repeat"
    override val repDone = "Rep done"
    override val peakPainQuestion = "Peak pain during the session"
    override val sessionSaved = "Session saved"
    override val sessionProgress = "Session progress"
    override fun secondsLeft(seconds: Int) = "$seconds seconds left"
    override fun sessionLoad(load: String?) = if (load == null) "Load: body weight" else "Load: $load"
    override val closeHowTo = "Close"
    override fun figureOf(exercise: String) = "Figure showing $exercise"
    override val effortQuestion = "How did the load feel?"
    override fun effort(e: Effort?) = when (e) {
        Effort.TOO_EASY -> "Too easy"
        Effort.RIGHT -> "Right"
        Effort.TOO_HARD -> "Too hard"
        null -> "Skip"
    }

    override val morningTitle = "Morning pain"
    override val dateLabel = "Date (YYYY-MM-DD)"
    override val stiffnessLabel = "Morning stiffness (minutes)"
    override val noteLabel = "Note"
    override val runTitle = "Log a run"
    override fun distanceLabel(units: Units) = if (units == Units.IMPERIAL) "Distance (miles)" else "Distance (km)"
    override val minutesLabel = "Duration (minutes)"
    override val painDuring = "Pain during the run"
    override val painAfter = "Pain after the run"
    override val surfaceLabel = "Surface"
    override val shoesLabel = "Shoes"
    override val runSaved = "Run saved"

    override val runImportTitle = "Runs from your watch"
    override val runImportChoose = "Import runs…"
    override val runImportDropHint = "Choose FIT, GPX or TCX files from your watch or its app, or drop them on this window."
    override val runImportHealthStoreOnly = "On the phone, runs come in from the phone's health app."
    override val runImportWorking = "Importing…"
    override fun runImportStatus(status: ImportStatus) = when (status) {
        ImportStatus.IMPORTED -> "Imported"
        ImportStatus.SKIPPED -> "Skipped"
        ImportStatus.REFUSED -> "Refused"
    }
    override fun runImportCouldNotOpen(systemMessage: String) = "The file could not be opened: $systemMessage"
    override val runImportDismiss = "Done"
    override val runListTitle = "Your latest runs"
    override val runListEmpty = "No runs yet."
    override fun runListLine(date: String, distance: String, units: Units, source: RunSource, matched: Boolean): String {
        val from = when (source) {
            RunSource.MANUAL -> if (matched) "typed in, also found in an import" else "typed in"
            RunSource.FILE -> "from a file"
            RunSource.HEALTH_STORE -> "from the health app"
        }
        return "$date · $distance ${if (units == Units.IMPERIAL) "mi" else "km"} · $from"
    }

    override val trendTitle = "Trend"
    override fun weeks(n: Int) = "$n weeks"
    override val trendReadoutHint = "Press and drag along the chart (or point with the mouse) to read a day."
    override val meaningfulReached = "Meaningful improvement reached"

    override val progressTitle = "Progress"
    override val decisionsTitle = "Program changes"
    override val noDecisions = "No changes yet."
    override fun decision(action: DecisionAction, from: Int, to: Int) = when (action) {
        // CLINICAL X4: levels read "Level 2", counted from 1 (the core's levels are 0-based).
        DecisionAction.PROGRESS -> "Up: Level ${from + 1} → ${to + 1}"
        DecisionAction.HOLD -> "Hold at Level ${from + 1}"
        DecisionAction.REGRESS -> "Down: Level ${from + 1} → ${to + 1}"
        DecisionAction.ADD_LOAD -> "Load added at Level ${from + 1}"
    }
    override val psfsTitle = "Activities you want back"
    override val psfsRateNow = "Rate now"
    override val psfsRate = "Rate again"
    override val psfsNameActivities = "Name your activities"
    override val psfsEditActivities = "Edit activities"
    override fun psfsFirstLatest(first: Int?, latest: Int?) = when {
        first == null -> "not rated yet"
        latest == null -> "$first / 10"
        else -> "$first → $latest / 10"
    }
    override fun psfsChange(change: Int) = if (change > 0) "+$change" else "$change"
    override val psfsActivitiesTitle = "Your activities"
    override val psfsActivitiesHint = "3 to 5 things your heel makes hard, e.g. \"run 10 km\" or \"walk the dog\"."
    override fun psfsActivityLabel(n: Int) = "Activity $n"
    override val psfsRateTitle = "How well can you do each today?"
    override val psfsScaleHint = "0 = unable, 10 = as before the injury"

    override val selfTestTitle = "Return-to-run self-test"
    override val selfTestWalkPain = "Heel pain during or after a 30-minute brisk walk"
    override val selfTestHeelAffected = "Single-leg heel raises in a row, affected side"
    override val selfTestHeelOther = "Single-leg heel raises, other side (optional)"
    override val selfTestHopPain = "Heel pain during or after 10 single-leg hops"
    override val selfTestSubmit = "Check my answers"
    override fun criterion(passed: Boolean) = if (passed) "✓ Passed" else "✗ Not yet"
    override fun selfTestVerdict(passed: Boolean) = if (passed) "Passed" else "Not yet"

    override val lessonsTitle = "Lessons"
    override val lessonsEmpty = "No lessons in this version."
    override val readLesson = "Read"
    override val lessonLocked = "Locked"
    override val allLessons = "‹ All lessons"
    override fun lessonExercises(names: List<String>) = "Exercises this explains: " + names.joinToString(", ")

    override val settingsTitle = "Settings"
    override val unitsLabel = "Units"
    override fun units(u: Units) = if (u == Units.IMPERIAL) "Miles" else "Kilometres"
    override val affectedSideLabel = "Affected side"
    override val morningReminderLabel = "Morning reminder (HH:MM)"
    override val sessionReminderLabel = "Session reminder (HH:MM)"
    override val sessionDaysLabel = "Session days"
    override fun weekday(isoDay: Int) = listOf("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[isoDay - 1]
    override val remindersEnabled = "Reminders on"
    override val cueSoundLabel = "Session cues"
    override fun cueSound(c: app.firststep.kit.CueSound) = when (c) {
        app.firststep.kit.CueSound.VOICE -> "Voice"
        app.firststep.kit.CueSound.TONES -> "Tones"
        app.firststep.kit.CueSound.SILENT -> "Silent"
    }
    override val reducedMotionLabel = "Reduce motion (still figures)"
    override val dataTitle = "Your data"
    override val exportBackup = "Export backup"
    override val exportCsv = "Export pain CSV"
    override val importBackup = "Import backup"
    override fun exportedTo(where: String) = "Saved to $where"
    override fun imported(added: Int, updated: Int, unchanged: Int) = "Imported: $added added, $updated updated, $unchanged unchanged"
    override fun databaseAt(path: String) = "Journal: $path"
}

val LocalStrings = staticCompositionLocalOf<Strings> { EnglishStrings }
