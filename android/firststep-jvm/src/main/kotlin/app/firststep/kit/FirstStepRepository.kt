package app.firststep.kit

import app.firststep.core.AssessmentItem
import app.firststep.core.AssessmentResult
import app.firststep.core.ClinicianSummary
import app.firststep.core.ClinicianVisit
import app.firststep.core.DayPlan
import app.firststep.core.Effort
import app.firststep.core.EffortQuestion
import app.firststep.core.Exercise
import app.firststep.core.FirstStep
import app.firststep.core.GuidedSession
import app.firststep.core.ActivityImport
import app.firststep.core.HealthRun
import app.firststep.core.HomeScreen
import app.firststep.core.HopCheck
import app.firststep.core.ImportReport
import app.firststep.core.Lesson
import app.firststep.core.MaintenanceChoice
import app.firststep.core.MorningLog
import app.firststep.core.ProgressReport
import app.firststep.core.Reminder
import app.firststep.core.PainEntry
import app.firststep.core.Program
import app.firststep.core.Psfs
import app.firststep.core.PsfsActivity
import app.firststep.core.PsfsRating
import app.firststep.core.ReturnToRunAnswers
import app.firststep.core.ReturnToRunCheck
import app.firststep.core.RunLog
import app.firststep.core.RunRecord
import app.firststep.core.SafetyQuestion
import app.firststep.core.SafetyResult
import app.firststep.core.SessionRecord
import app.firststep.core.Settings
import app.firststep.core.Trend
import app.firststep.core.TrendChartData
import app.firststep.core.localDate
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.withContext

/**
 * The data layer: the core's [FirstStep] object behind suspend functions. Every call is a blocking
 * FFI call that may touch SQLite, so it runs on [io]; "now" always comes from [clock] (tests pin it).
 * Errors are the core's typed `FirstStepException`s, passed through unchanged.
 */
class FirstStepRepository(
    private val core: FirstStep,
    private val clock: Clock = SystemClock,
    private val io: CoroutineDispatcher = Dispatchers.IO,
) : AutoCloseable {

    /** Today's local date (YYYY-MM-DD) as the core sees it. */
    suspend fun today(): String = call { localDate(clock.now()) }

    suspend fun home(): HomeScreen = call { core.home(clock.now()) }

    suspend fun submitAssessmentJson(answersJson: String): AssessmentResult =
        call { core.submitAssessmentJson(clock.now(), answersJson) }

    /** The red-flag questions with their help text (R1, R2). */
    suspend fun safetyQuestions(): List<SafetyQuestion> = call { core.safetyQuestions() }

    /** Evaluates and stores a red-flag screen; [yesIds] are the questions answered "yes". */
    suspend fun submitSafetyScreen(yesIds: List<String>): SafetyResult =
        call { core.submitSafetyScreen(clock.now(), yesIds) }

    /** A clinician visit on [date] (default today); [cleared] lets an urgent screen be taken again (R1). */
    suspend fun recordClinicianVisit(date: String?, cleared: Boolean): ClinicianVisit =
        call { core.recordClinicianVisit(clock.now(), date, cleared) }

    /** The one-page clinician summary (HTML) for today, with a suggested file name. */
    suspend fun clinicianSummary(): ClinicianSummary = call { core.clinicianSummary(clock.now()) }

    /** The assessment's tests and questions, in the order to ask them. */
    suspend fun assessmentCatalogue(): List<AssessmentItem> = call { core.assessmentCatalogue() }

    suspend fun latestAssessment(): AssessmentResult? = call { core.latestAssessment() }

    suspend fun program(): Program? = call { core.program() }

    /** Morning pain entries from [from] to [to] inclusive (YYYY-MM-DD). */
    suspend fun painEntries(from: String, to: String): List<PainEntry> = call { core.painEntries(from, to) }

    /** The morning pain log as CSV. */
    suspend fun painCsv(): String = call { core.painCsv() }

    fun databasePath(): String = core.databasePath()

    /** Morning first-step pain (0–10) for [date] (default today). */
    suspend fun logPain(score: Int, stiffnessMinutes: Int? = null, note: String? = null, date: String? = null): MorningLog =
        call { core.logPain(clock.now(), date, score.toLong(), stiffnessMinutes?.toLong(), note) }

    suspend fun logRun(
        distanceKm: Double,
        minutes: Double? = null,
        painDuring: Int? = null,
        painAfter: Int? = null,
        date: String? = null,
        surface: String? = null,
        shoes: String? = null,
    ): RunLog = call {
        core.logRun(clock.now(), date, distanceKm, minutes, painDuring?.toLong(), painAfter?.toLong(), surface, shoes)
    }

    /** An exercise done without the guide: give [reps] for rep exercises or [holdSeconds] for holds. */
    suspend fun logSession(
        exerciseId: String,
        sets: Int,
        reps: Int? = null,
        holdSeconds: Int? = null,
        peakPain: Int,
        completed: Boolean = true,
        date: String? = null,
        effort: Effort? = null,
        repsInReserve: Int? = null,
    ): SessionRecord = call {
        core.logSession(
            clock.now(), date, exerciseId, sets.toLong(), reps?.toLong(), holdSeconds?.toLong(), peakPain.toLong(), completed,
            effort, repsInReserve?.toLong(),
        )
    }

    /** Takes the return-to-run self-test (RR1) today; the core grades it with the logged mornings and stores it. */
    suspend fun takeReturnToRunTest(answers: ReturnToRunAnswers): ReturnToRunCheck =
        call { core.takeReturnToRunTest(clock.now(), answers) }

    /** Every return-to-run self-test taken, oldest first. */
    suspend fun returnToRunChecks(): List<ReturnToRunCheck> = call { core.returnToRunChecks() }

    /** Today's single-leg hop check (rule P8): heel pain 0–10 during or after 10 hops. */
    suspend fun recordHopCheck(pain: Int): HopCheck = call { core.recordHopCheck(clock.now(), pain.toLong()) }

    /** Accepts today's maintenance offer (rule P9); returns today's plan, now the maintenance plan. */
    suspend fun acceptMaintenance(): DayPlan = call { core.acceptMaintenance(clock.now()) }

    /** Declines today's maintenance offer (rule P9): the full program continues. */
    suspend fun declineMaintenance(): DayPlan = call { core.declineMaintenance(clock.now()) }

    /** Every maintenance choice and return to the full program, oldest first (rule P9). */
    suspend fun maintenanceChoices(): List<MaintenanceChoice> = call { core.maintenanceChoices() }

    /** Every hop check answered, oldest first (rule P8). */
    suspend fun hopChecks(): List<HopCheck> = call { core.hopChecks() }

    /** The PSFS (M2) as of today: activities, first and latest scores, whether a rating is due. */
    suspend fun psfs(): Psfs = call { core.psfs(clock.now()) }

    /** Names the 3–5 PSFS activities (the core checks the count and each name). */
    suspend fun setPsfsActivities(names: List<String>): List<PsfsActivity> = call { core.setPsfsActivities(clock.now(), names) }

    /** Rates the PSFS activities 0–10 on [date] (default today). */
    suspend fun ratePsfs(ratings: List<PsfsRating>, date: String? = null): Psfs = call { core.ratePsfs(clock.now(), date, ratings) }

    suspend fun progress(plannedRunKm: Double? = null): ProgressReport = call { core.progress(clock.now(), plannedRunKm) }

    /** The recovery trend over [weeks] (4, 8 or 12) ending today. */
    suspend fun trend(weeks: Int): Trend = call { core.trend(localDate(clock.now()), weeks.toUInt()) }

    /** The trend with its chart computed by the core (axes, legend, readouts, load charts; issue 22). */
    suspend fun trendChart(weeks: Int): TrendChartData = call { core.trendChart(localDate(clock.now()), weeks.toUInt()) }

    suspend fun reminders(): List<Reminder> = call { core.reminders(clock.now()) }

    /** Cancels, schedules and keeps platform reminders so they match the core's plan. */
    suspend fun syncReminders(scheduler: ReminderScheduler): ReminderPlan =
        call { ReminderSync.apply(core.reminders(clock.now()), scheduler) }

    suspend fun startSession(): GuidedSession = call { core.startSession(clock.now()) }

    /** Today's plan (what [startSession] is built from): the session screen's load and how-to steps. */
    suspend fun todayPlan(): DayPlan = call { core.todayPlan(clock.now()) }

    suspend fun saveSession(records: List<SessionRecord>): Unit = call { core.saveSession(clock.now(), records) }

    /** The core's effort question for a finished session (rule P5), or null when it asks nothing. */
    suspend fun effortQuestion(records: List<SessionRecord>): EffortQuestion? = call { core.effortQuestion(records) }

    /** Saves a finished session with the answer ([effort] null: skipped) on the exercises asked about. */
    suspend fun saveSessionWithEffort(records: List<SessionRecord>, effort: Effort?): Unit =
        call { core.saveSessionWithEffort(clock.now(), records, effort) }

    /** Every exercise the core knows (names for ids). */
    suspend fun exerciseLibrary(): List<Exercise> = call { core.exerciseLibrary() }

    /** The lessons E1–E7 for today, each open or with when it opens. */
    suspend fun lessons(): List<Lesson> = call { core.lessons(clock.now()) }

    /** One lesson by id ("E1" … "E7"), also when locked; an unknown id is `NotFound`. */
    suspend fun lesson(id: String): Lesson = call { core.lesson(clock.now(), id) }

    /** Runs logged or imported from [from] to [to] inclusive (YYYY-MM-DD), oldest first. */
    suspend fun runs(from: String, to: String): List<RunRecord> = call { core.runs(from, to) }

    /** Whether this build of the core reads activity files (desktop yes; the phone libraries no). */
    suspend fun readsActivityFiles(): Boolean = call { core.readsActivityFiles() }

    /** Imports the runs in one activity file (FIT, GPX, TCX), all or none; [bytes] read on the IO dispatcher. */
    suspend fun importActivityFile(fileName: String, bytes: () -> ByteArray): ActivityImport =
        call { core.importActivityFile(clock.now(), fileName, bytes()) }

    /** Imports exercise sessions read from a health store (running ones; each stored once). */
    suspend fun importHealthRuns(storeName: String, runs: List<HealthRun>): ActivityImport =
        call { core.importHealthRuns(clock.now(), storeName, runs) }

    suspend fun settings(): Settings = call { core.settings() }

    suspend fun saveSettings(settings: Settings): Unit = call { core.saveSettings(settings) }

    suspend fun exportJson(): String = call { core.exportJson(clock.now()) }

    suspend fun importJson(json: String): ImportReport = call { core.importJson(clock.now(), json) }

    override fun close() = core.close()

    private suspend fun <T> call(block: () -> T): T = withContext(io) { block() }

    companion object {
        /** Opens (or creates) the journal at [path] off the caller's thread. */
        suspend fun open(path: String, clock: Clock = SystemClock, io: CoroutineDispatcher = Dispatchers.IO): FirstStepRepository =
            withContext(io) { FirstStepRepository(FirstStep.open(path), clock, io) }
    }
}
