import FirstStepCore
import Foundation
import XCTest
@testable import FirstStepKit

/// The app's screen models over the real core and a real SQLite file in a temp directory: the same
/// journeys as the Compose UI tests, where they apply.
@MainActor
final class SafetyAndAssessmentTests: XCTestCase {
    private let today = "2026-06-01"

    func testReferAnswerShowsTheCoresAdviceAndContinues() async throws {
        let repo = FirstStepRepository(core: try openTempCore(), clock: FixedClock(today))
        let changes = ChangeRecorder()
        let safety = SafetyModel(repository: repo, onJournalChange: changes.handler)
        await safety.load()
        XCTAssertFalse((try safety.state.ready).questions.isEmpty)
        XCTAssertTrue((try safety.state.ready).questions.allSatisfy { !$0.help.isEmpty }, "every question has its help text")
        let refer = try XCTUnwrap((try safety.state.ready).questions.first { $0.level == .refer })
        safety.setAnswer(refer.id, yes: true)
        await safety.submit()
        XCTAssertEqual((try safety.state.ready).result?.level, .refer)
        XCTAssertEqual((try safety.state.ready).route, .referAndContinue)
        XCTAssertEqual((try safety.state.ready).result?.advice, try openTempCore().submitSafetyScreen(now: morning(today), yesIds: [refer.id]).advice)
        XCTAssertEqual(safety.yesIds, [refer.id])
        XCTAssertEqual(changes.changes, [JournalWrite(.safetyScreen)])

        safety.setAnswer(refer.id, yes: false)
        XCTAssertNil((try safety.state.ready).route, "a changed answer needs a new evaluation")
        await safety.submit()
        XCTAssertEqual((try safety.state.ready).route, .proceed)
    }

    func testUrgentAnswerEndsOnTheStopScreenWithNoProgram() async throws {
        let repo = FirstStepRepository(core: try openTempCore(), clock: FixedClock(today))
        let safety = SafetyModel(repository: repo)
        await safety.load()
        let urgent = try XCTUnwrap((try safety.state.ready).questions.first { $0.level == .urgent })
        XCTAssertEqual((try safety.state.ready).questions.first?.level, .urgent, "urgent questions come first")
        safety.setAnswer(urgent.id, yes: true)
        await safety.submit()
        XCTAssertEqual((try safety.state.ready).route, .urgentStop)
        XCTAssertEqual((try safety.state.ready).route?.assessmentAllowed, false)
        XCTAssertFalse((try safety.state.ready).result?.reasons.isEmpty ?? true)

        // The stored screen reaches home: the app opens on the stop screen, not the assessment.
        let home = try await repo.home()
        XCTAssertEqual(AppRoute.of(home), .urgentStop(advice: try XCTUnwrap(home.caution)))
        XCTAssertNil(home.plan)
        XCTAssertEqual(home.nextStep, .seekCare)
        let other = SafetyModel(repository: repo)
        await other.load()
        other.setAnswer("no_such_question", yes: true)
        XCTAssertEqual(other.yesIds, [], "only the core's own question ids are ever sent")

        // Re-taking the screen needs a clinician's clearance first (R1): refused, then allowed.
        await other.submit()
        XCTAssertNil((try other.state.ready).route)
        XCTAssertNotNil((try other.state.ready).message, "the core's refusal is shown")
        await other.recordClearance()
        await other.submit()
        XCTAssertEqual((try other.state.ready).route, .proceed, other.state.content?.message ?? "")
        let cleared = try await repo.home()
        XCTAssertEqual(AppRoute.of(cleared), .onboarding)
    }

    func testNoImpactReferralIsItsOwnRoute() async throws {
        let repo = FirstStepRepository(core: try openTempCore(), clock: FixedClock(today))
        let safety = SafetyModel(repository: repo)
        await safety.load()
        let noImpact = try XCTUnwrap((try safety.state.ready).questions.first { $0.level == .referNoImpact })
        safety.setAnswer(noImpact.id, yes: true)
        await safety.submit()
        XCTAssertEqual((try safety.state.ready).route, .referNoImpact)
        XCTAssertEqual((try safety.state.ready).route?.assessmentAllowed, true)
        XCTAssertEqual((try safety.state.ready).result?.level, .referNoImpact)
    }

    private func fillRequired(_ wizard: AssessmentModel, heelLeft: String = "24") {
        wizard.set("affected_side", "left")
        wizard.set("first_step_pain", "4")
        wizard.set("knee_to_wall_cm.left", "12")
        wizard.set("knee_to_wall_cm.right", "12.5")
        wizard.set("heel_raise_reps.left", heelLeft)
        wizard.set("heel_raise_reps.right", "25")
        wizard.set("balance_seconds.left", "20")
        wizard.set("balance_seconds.right", "40")
    }

    func testWizardShowsTheCoresFieldErrorOnItsPageThenBuildsTheProgram() async throws {
        let repo = FirstStepRepository(core: try openTempCore(), clock: FixedClock(today))
        let changes = ChangeRecorder()
        let wizard = AssessmentModel(repository: repo, redFlags: [], onJournalChange: changes.handler)
        await wizard.load()
        let catalogue = try openTempCore().assessmentCatalogue()
        XCTAssertEqual((try wizard.state.ready).pages.map(\.key), catalogue.map(\.id), "one page per core item, in the core's order")
        XCTAssertEqual((try wizard.state.ready).current?.item.howTo, catalogue.first?.howTo)

        fillRequired(wizard, heelLeft: "250")
        wizard.go(to: (try wizard.state.ready).pages.count - 1)
        await wizard.submit()
        XCTAssertNil((try wizard.state.ready).result)
        let error = try XCTUnwrap((try wizard.state.ready).fieldErrors["heel_raise_reps"])
        XCTAssertEqual(error.field, "heel_raise_reps.left")
        XCTAssertTrue(error.message.contains("Enter 0–200"), error.message)
        XCTAssertEqual((try wizard.state.ready).current?.key, "heel_raise_reps", "the wizard turns to the page the core named")

        wizard.set("heel_raise_reps.left", "24")
        XCTAssertNil((try wizard.state.ready).fieldErrors["heel_raise_reps"], "editing clears the error")
        await wizard.submit()
        let result = try XCTUnwrap((try wizard.state.ready).result)
        XCTAssertEqual(wizard.route, .proceed)
        XCTAssertEqual(changes.changes, [JournalWrite(.assessment)])

        let findings = FindingsModel(result)
        XCTAssertTrue(findings.hasProgram)
        XCTAssertEqual(findings.rows.map(\.finding), result.findings)
        for row in findings.rows {
            XCTAssertEqual(Set(row.exercises.map(\.exerciseId)), Set(row.finding.exercises).intersection(result.program!.exercises.map(\.exerciseId)))
        }
        XCTAssertEqual(findings.baseExercises.count + Set(findings.rows.flatMap(\.exercises).map(\.exerciseId)).count,
                       result.program!.exercises.count, "every program exercise is shown once: under a finding or as the base")
        let stored = try await repo.program()
        XCTAssertEqual(stored?.exercises, result.program?.exercises)
    }

    func testWizardMissingAndMalformedAnswers() async throws {
        let repo = FirstStepRepository(core: try openTempCore(), clock: FixedClock(today))
        let wizard = AssessmentModel(repository: repo, redFlags: [])
        await wizard.load()
        fillRequired(wizard)
        wizard.set("knee_to_wall_cm.left", "")
        wizard.set("knee_to_wall_cm.right", "")
        await wizard.submit()
        XCTAssertEqual((try wizard.state.ready).fieldErrors["knee_to_wall_cm"]?.field, "knee_to_wall_cm", "the core's missing-answer error")
        XCTAssertEqual((try wizard.state.ready).current?.key, "knee_to_wall_cm")

        wizard.set("knee_to_wall_cm.left", "12")
        await wizard.submit()
        XCTAssertEqual((try wizard.state.ready).fieldErrors["knee_to_wall_cm"]?.message, AssessmentInputProblem.bothSidesNeeded.rawValue)
        wizard.set("knee_to_wall_cm.right", "12")
        wizard.set("heel_raise_reps.right", "2.5")
        await wizard.submit()
        XCTAssertEqual((try wizard.state.ready).fieldErrors["heel_raise_reps"]?.message, AssessmentInputProblem.notAWholeNumber.rawValue)
        XCTAssertEqual((try wizard.state.ready).current?.key, "heel_raise_reps")
        XCTAssertNil((try wizard.state.ready).result)
        let program = try await repo.program()
        XCTAssertNil(program, "nothing was stored")
    }

    func testImperialRunnerAnswersInInchesAndTheCoreChecksThem() async throws {
        let repo = FirstStepRepository(core: try openTempCore(), clock: FixedClock(today))
        var settings = try await repo.settings()
        settings.units = .imperial
        try await repo.saveSettings(settings)
        let wizard = AssessmentModel(repository: repo, redFlags: [])
        await wizard.load()
        let page = try XCTUnwrap((try wizard.state.ready).pages.first { $0.item.id == "knee_to_wall_cm" })
        XCTAssertEqual(page.key, "knee_to_wall_in")
        XCTAssertEqual(page.unit, "in")
        fillRequired(wizard)
        wizard.set("knee_to_wall_in.left", "13")
        wizard.set("knee_to_wall_in.right", "4.5")
        await wizard.submit()
        XCTAssertEqual((try wizard.state.ready).fieldErrors["knee_to_wall_in"]?.field, "knee_to_wall_in.left")
        XCTAssertEqual((try wizard.state.ready).current?.item.id, "knee_to_wall_cm")
        wizard.set("knee_to_wall_in.left", "4.5")
        await wizard.submit()
        XCTAssertNotNil((try wizard.state.ready).result?.program)
    }
}

@MainActor
final class HomeLogRunAndTrendTests: XCTestCase {
    private let today = "2026-06-01"

    func testHomeShowsTheReferralBannerTheExercisesAndReportsTheLog() async throws {
        let refer = try XCTUnwrap(try openTempCore().safetyQuestions().first { $0.level == .refer })
        // Assessed yesterday: its first-step pain is yesterday's morning (issue 27), so today's is not logged yet.
        let yesterday = shift(today, -1)
        let answers = answersJson(yesterday).replacingOccurrences(of: "\"red_flags\": []", with: "\"red_flags\": [\"\(refer.id)\"]")
        let repo = try await assessedRepository(yesterday, clock: FixedClock(today), answers: answers)
        let changes = ChangeRecorder()
        let home = HomeViewModel(repository: repo, onJournalChange: changes.handler)
        await home.refresh()
        let screen = try XCTUnwrap((try home.state.ready).home)
        XCTAssertEqual((try home.state.ready).banner?.text, try XCTUnwrap(screen.caution), "the core's caution, as given")
        XCTAssertEqual((try home.state.ready).banner?.urgent, false)
        XCTAssertEqual(AppRoute.of(screen), .main)
        XCTAssertFalse((try home.state.ready).painLoggedToday)
        XCTAssertNotNil(screen.running, "the running card")

        let first = try XCTUnwrap((try home.state.ready).exercises.first?.exercise)
        _ = try await repo.logSession(exerciseId: first.exerciseId, sets: Int(first.sets), reps: first.reps.map(Int.init),
                                      holdSeconds: first.reps == nil ? first.holdSeconds.map(Int.init) : nil, peakPain: 2)
        await home.logPain(3, stiffnessMinutes: 10, note: "stiff")
        XCTAssertTrue((try home.state.ready).painLoggedToday)
        XCTAssertEqual((try home.state.ready).home.lastPain?.stiffnessMinutes, 10)
        XCTAssertEqual((try home.state.ready).exercises.filter { $0.done }.map { $0.exercise.exerciseId }, [first.exerciseId])
        XCTAssertEqual(changes.changes, [JournalWrite(.painLogged, date: today)])

        await home.logPain(3, date: shift(today, 1))
        XCTAssertTrue((try home.state.ready).message?.contains("date") == true, "a future date is refused with the core's words")
        XCTAssertEqual(changes.changes.count, 1, "a refused log changes nothing")
    }

    func testEscalationBannerAfterSixWeeksWithoutImprovementUntilAClinicianVisit() async throws {
        let start = "2026-04-01", end = shift(start, 44)
        let repo = try await assessedRepository(start, clock: FixedClock(end))
        for offset in 0..<44 {
            let date = shift(start, offset)
            _ = try await repo.logPain(5, date: date)
            let plan = try await repo.withCore { core, _ in try core.planFor(date: date) }
            for exercise in plan.exercises {
                _ = try await repo.logSession(exerciseId: exercise.exerciseId, sets: Int(exercise.sets), reps: exercise.reps.map(Int.init),
                                              holdSeconds: exercise.reps == nil ? exercise.holdSeconds.map(Int.init) : nil, peakPain: 2, date: date)
            }
        }
        let changes = ChangeRecorder()
        let home = HomeViewModel(repository: repo, onJournalChange: changes.handler)
        await home.refresh()
        let referral = try XCTUnwrap((try home.state.ready).home.referral, "six weeks of work, no improvement (R4)")
        XCTAssertEqual((try home.state.ready).banner, HomeBanner(text: referral.text, options: referral.options, rule: referral.rule, urgent: false,
                                                     firm: referral.level == .firm, isReferral: true))
        XCTAssertEqual(referral.rule, "R4")

        await home.recordClinicianVisit()
        XCTAssertNil((try home.state.ready).home.referral, "a recorded visit clears the banner")
        XCTAssertEqual((try home.state.ready).banner?.isReferral ?? false, false)
        XCTAssertEqual(changes.changes, [JournalWrite(.clinicianVisit)])
    }

    func testLogRunShowsTheSpikeWarningBeforeSaving() async throws {
        let repo = try await assessedRepository(today)
        _ = try await repo.logRun(distanceKm: 10, date: shift(today, -3))
        let changes = ChangeRecorder()
        let model = LogRunModel(repository: repo, onJournalChange: changes.handler)

        model.edit { $0.distance = "12"; $0.minutes = "70"; $0.painDuring = "2" }
        await model.check()
        let warning = try XCTUnwrap(model.state.spikeWarning, "12 km is more than 10 % over the longest 10 km (A7)")
        let expected = try await repo.progress(plannedRunKm: 12).running.longRunWarning
        XCTAssertEqual(warning, expected)
        await model.save()
        XCTAssertNil(model.state.saved, "the first save only confirms the warning")
        XCTAssertTrue(model.state.warningAcknowledged)
        await model.save()
        XCTAssertEqual(model.state.saved?.distanceKm, 12)
        XCTAssertEqual(model.state.saved?.painDuring, 2)
        // rule A7: the logged run beyond the cap also carries the core's warning once it is logged.
        XCTAssertTrue(model.state.savedWarning?.contains("20 % longer") ?? false, "\(String(describing: model.state.savedWarning))")
        XCTAssertEqual(changes.changes, [JournalWrite(.runLogged)])

        let calm = LogRunModel(repository: repo)
        calm.edit { $0.distance = "11"; $0.date = shift(today, -1) }
        await calm.save()
        XCTAssertNil(calm.state.spikeWarning)
        XCTAssertEqual(calm.state.saved?.date, shift(today, -1), "no warning: saved at once, for the missed day")
        XCTAssertNil(calm.state.savedWarning, "11 km is exactly 10 % over the 10 km before that day (A7)")
        let runs = try await repo.runs(from: shift(today, -7), to: today)
        XCTAssertEqual(runs.map(\.distanceKm).sorted(), [10, 11, 12])
    }

    func testLogRunPutsTheCoresErrorsOnTheirFields() async throws {
        let repo = try await assessedRepository(today)
        let model = LogRunModel(repository: repo)
        model.edit { $0.distance = "0" }
        await model.save()
        XCTAssertTrue(model.state.fieldErrors["distance_km"]?.message.contains("0.1") == true, "\(model.state.fieldErrors)")
        model.edit { $0.distance = "abc" }
        await model.save()
        XCTAssertEqual(model.state.fieldErrors["distance_km"]?.message, AssessmentInputProblem.notANumber.rawValue)
        model.edit { $0.distance = "5"; $0.painAfter = "11" }
        await model.save()
        XCTAssertEqual(model.state.fieldErrors["pain_after"]?.field, "pain_after")
        XCTAssertTrue(model.state.fieldErrors["pain_after"]?.message.contains("Enter 0–10") == true)
        XCTAssertNil(model.state.saved)
        let runs = try await repo.runs(from: shift(today, -7), to: today)
        XCTAssertTrue(runs.isEmpty)
    }

    func testTrendSummaryRestatesTheCoresNumbers() async throws {
        let start = "2026-05-01", end = "2026-05-28"
        let repo = try await assessedRepository(start, clock: FixedClock(end))
        let scores = [6, 6, 5, nil, 5, 4, nil, nil, 4, 4, 3, 3, nil, 3]
        for (offset, score) in scores.enumerated() {
            if let score { _ = try await repo.logPain(score, date: shift(start, offset * 2)) }
        }
        let model = TrendViewModel(repository: repo)
        await model.select(weeks: 4)
        let summary = try XCTUnwrap((try model.state.ready).summary)
        let trend = try await repo.trend(weeks: 4)
        XCTAssertEqual(summary.days, 28)
        XCTAssertEqual(summary.daysLogged, trend.days.filter { $0.pain != nil }.count)
        XCTAssertEqual(summary.latestPain, 3)
        XCTAssertEqual(summary.latestDate, trend.days.last { $0.pain != nil }?.date)
        XCTAssertEqual(summary.baseline, trend.baseline)
        XCTAssertEqual(summary.meaningfulImprovement, trend.meaningfulImprovement)
        XCTAssertTrue(summary.text.hasSuffix(trend.expectation.text))
        XCTAssertTrue(summary.text.contains("\(summary.daysLogged) of 28 days logged"), summary.text)
        if let baseline = trend.baseline { XCTAssertTrue(summary.text.contains(String(format: "Baseline %.1f", baseline)), summary.text) }
        XCTAssertEqual((try model.state.ready).chart.painSegments.flatMap { $0 }.count, summary.daysLogged, "the summary counts what the chart draws")
    }
}

@MainActor
final class ProgressLessonsSettingsTests: XCTestCase {
    private let today = "2026-06-01"

    func testProgressListsTheCoresDecisionsNewestFirstWithNames() async throws {
        let start = "2026-05-20"
        let repo = try await assessedRepository(start, clock: FixedClock(today))
        let current = try await repo.program()
        let program = try XCTUnwrap(current)
        for offset in 0..<12 {
            let date = shift(start, offset)
            _ = try await repo.logPain(3, date: date)
            for exercise in program.exercises {
                _ = try await repo.logSession(exerciseId: exercise.exerciseId, sets: Int(exercise.sets), reps: exercise.reps.map(Int.init),
                                              holdSeconds: exercise.reps == nil ? exercise.holdSeconds.map(Int.init) : nil, peakPain: 2, date: date)
            }
        }
        let model = ProgressModel(repository: repo)
        await model.refresh()
        let report = try await repo.progress()
        XCTAssertFalse((try model.state.ready).decisions.isEmpty)
        XCTAssertEqual((try model.state.ready).decisions.map(\.decision), report.decisions.reversed())
        let names = Dictionary(uniqueKeysWithValues: try openTempCore().exerciseLibrary().map { ($0.id, $0.name) })
        for row in (try model.state.ready).decisions {
            XCTAssertEqual(row.exerciseName, names[row.decision.exerciseId])
            XCTAssertFalse(row.decision.reason.isEmpty)
        }
        XCTAssertEqual((try model.state.ready).running, report.running)
        XCTAssertNil((try model.state.ready).message)
    }

    func testProgressShowsTheCoresRaceVerdictInTheLast14Days() async throws {
        // rule A8: a marathon in 10 days at morning pain 5 is better not raced; the words are the core's.
        let answers = answersJson(today).replacingOccurrences(of: "\"balance_seconds\"",
            with: "\"race\": {\"date\": \"\(shift(today, 10))\", \"distance_km\": 42.2}, \"balance_seconds\"")
        let repo = try await assessedRepository(today, answers: answers)
        for offset in -6...0 { _ = try await repo.logPain(5, date: shift(today, offset)) }
        let model = ProgressModel(repository: repo)
        await model.refresh()
        let report = try await repo.progress()
        let race = try XCTUnwrap(report.running.race)
        XCTAssertFalse(race.go)
        XCTAssertEqual((try model.state.ready).raceVerdict, race.verdict)
        XCTAssertTrue(race.verdict.contains("better not to race"), race.verdict)
    }

    func testLessonsComeFromTheCoreOpenedByAFindingOnDayOne() async throws {
        // The test answers have a wobbly left balance: a balance finding opens E2 before week 1.
        let repo = try await assessedRepository(today)
        let model = LessonsModel(repository: repo)
        await model.refresh()
        XCTAssertFalse((try model.state.ready).isEmpty)
        XCTAssertEqual((try model.state.ready).lessons.map(\.id), ["E1", "E2", "E3", "E4", "E5", "E6", "E7"])
        XCTAssertEqual((try model.state.ready).lessons.filter(\.unlocked).map(\.id), ["E1", "E2", "E4"])
        XCTAssertEqual((try model.state.ready).lessons.first { $0.id == "E2" }?.unlockedBecause, "Your balance finding")
        let fromCore = try await repo.withCore { try $0.lessons(now: $1) }
        XCTAssertEqual((try model.state.ready).lessons, fromCore, "the core's records, unchanged")

        // A locked lesson opens in the reader with only when it opens.
        let opened = await model.open("E6")
        XCTAssertTrue(opened)
        XCTAssertEqual((try model.state.ready).open?.id, "E6")
        XCTAssertEqual((try model.state.ready).lockedText, "Opens in week 3 of your program")
        XCTAssertTrue((try model.state.ready).paragraphs.isEmpty)
        model.close()
        XCTAssertNil((try model.state.ready).open)

        // An open one reads its paragraphs; the exercise's "why" links to it.
        let openedE1 = await model.open("E1")
        XCTAssertTrue(openedE1)
        XCTAssertNil((try model.state.ready).lockedText)
        XCTAssertFalse((try model.state.ready).paragraphs.isEmpty)
        XCTAssertEqual((try model.state.ready).paragraphs, (try model.state.ready).open?.body)
        XCTAssertEqual(model.lesson(forExercise: "calf_loading")?.id, "E1")
        XCTAssertEqual(model.lesson(forExercise: "single_leg_balance")?.id, "E2")
        XCTAssertNil(model.lesson(forExercise: "cadence_drill"), "E5 is still locked: the why-link waits")

        // An unknown id: the core's message listing the lessons.
        let unknown = await model.open("E9")
        XCTAssertFalse(unknown)
        XCTAssertTrue((try model.state.ready).message?.contains("E1, E2, E3, E4, E5, E6, E7") == true, model.state.content?.message ?? "")
    }

    func testLessonsOpenByWeekOnTheProgram() async throws {
        // Assessed 3 weeks ago: E6 (week 3) is open, E7 (week 6) not yet.
        let repo = try await assessedRepository(shift(today, -21), clock: FixedClock(today))
        let model = LessonsModel(repository: repo)
        await model.refresh()
        XCTAssertEqual((try model.state.ready).lessons.filter(\.unlocked).map(\.id), ["E1", "E2", "E3", "E4", "E5", "E6"])
        XCTAssertEqual((try model.state.ready).lessons.first { $0.id == "E6" }?.unlockedBecause, "Week 3 of your program")
        XCTAssertEqual((try model.state.ready).lessons.first { $0.id == "E7" }?.unlockedBecause, "Opens in week 6 of your program")

        // The list/reader logic over any source (a stub standing in for the core).
        let records = try await repo.withCore { try $0.lessons(now: $1) }
        let stub = records.map { lesson -> Lesson in
            var copy = lesson; copy.unlocked = lesson.id == "E1"; return copy
        }
        let stubbed = LessonsModel(repository: repo, source: StubLessonSource(stub))
        await stubbed.refresh()
        XCTAssertEqual((try stubbed.state.ready).lessons.filter(\.unlocked).map(\.id), ["E1"])
        XCTAssertNil(stubbed.lesson(forExercise: "single_leg_balance"))
    }

    func testSettingsAreValidatedBySavedThroughTheCore() async throws {
        let repo = FirstStepRepository(core: try openTempCore(), clock: ZonedClock("2026-06-01 08:00", zone: "Europe/Berlin"))
        let changes = ChangeRecorder()
        let model = SettingsModel(repository: repo, exportDirectory: FileManager.default.temporaryDirectory, onJournalChange: changes.handler)
        await model.load()
        model.edit { $0.morningReminder = "25:00" }
        await model.save()
        XCTAssertEqual((try model.state.form.ready).fieldErrors["morning_reminder"]?.field, "morning_reminder")
        XCTAssertFalse((try model.state.form.ready).saved)
        XCTAssertTrue(changes.changes.isEmpty)

        model.edit { $0.morningReminder = "06:30"; $0.units = .imperial }
        model.toggleSessionDay(7)
        model.toggleSessionDay(7)
        model.toggleSessionDay(3)
        await model.save()
        XCTAssertTrue((try model.state.form.ready).saved)
        let stored = try await repo.settings()
        XCTAssertEqual(stored.morningReminder, "06:30")
        XCTAssertEqual(stored.units, .imperial)
        XCTAssertEqual(Array(stored.sessionDays), [1, 2, 4, 5, 6, 7] as [UInt8], "ISO weekdays, in order")
        XCTAssertEqual(stored.timeZone, "Europe/Berlin", "the device's zone is saved with the settings")
        XCTAssertEqual(changes.changes, [JournalWrite(.settingsSaved)])
    }

    func testExportThroughAFileAndImportIntoAnotherJournal() async throws {
        let repo = try await assessedRepository(today)
        _ = try await repo.logPain(4)
        let exportDir = URL(fileURLWithPath: tempDatabasePath()).deletingLastPathComponent().appendingPathComponent("share")
        let source = SettingsModel(repository: repo, exportDirectory: exportDir)
        await source.export(.backup)
        let backupURL = try XCTUnwrap(source.state.transfer.exported)
        XCTAssertEqual(backupURL.lastPathComponent, "firststep-backup-\(today).json")
        let backup = try Data(contentsOf: backupURL)
        await source.export(.painCsv)
        let csv = String(decoding: try Data(contentsOf: try XCTUnwrap(source.state.transfer.exported)), as: UTF8.self)
        XCTAssertTrue(csv.contains(today), csv)
        await source.export(.clinicianSummary)
        let summaryURL = try XCTUnwrap(source.state.transfer.exported)
        let summary = try repo.core.clinicianSummary(now: morning(today))
        XCTAssertEqual(summaryURL.lastPathComponent, summary.fileName, "the core's suggested name")
        XCTAssertEqual(String(decoding: try Data(contentsOf: summaryURL), as: UTF8.self), summary.html)
        source.exportFinished()
        XCTAssertNil(source.state.transfer.exported)
        XCTAssertFalse(FileManager.default.fileExists(atPath: summaryURL.path), "the shared file does not linger")

        let other = FirstStepRepository(core: try openTempCore(), clock: FixedClock(today))
        let changes = ChangeRecorder()
        let target = SettingsModel(repository: other, exportDirectory: exportDir, onJournalChange: changes.handler)
        await target.load()
        await target.importBackup(Data("{\"format_version\": 99}".utf8))
        XCTAssertNotNil(target.state.transfer.message, "the core's rejection is shown")
        XCTAssertNil(target.state.transfer.importReport)
        let before = try await other.painEntries(from: today, to: today)
        XCTAssertTrue(before.isEmpty, "a rejected import writes nothing")

        await target.importBackup(backup)
        XCTAssertEqual(target.state.transfer.importReport?.painAdded, 1)
        XCTAssertEqual(changes.changes, [JournalWrite(.imported)])
        let after = try await other.painEntries(from: today, to: today)
        XCTAssertEqual(after.map(\.score), [4])
        await target.importBackup(backup)
        XCTAssertEqual(target.state.transfer.importReport?.painAdded, 0, "importing twice changes nothing")
        XCTAssertEqual(target.state.transfer.importReport?.painUnchanged, 1)
    }
}
