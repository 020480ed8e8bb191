import FirstStepCore
import Foundation
import XCTest
@testable import FirstStepKit

/// A real journal set up from a scenario file (tests/scenarios): the assessment, then the days
/// before `until` replayed through the core (pain, sessions with effort, runs, self-tests).
private func scenarioJournal(_ name: String, until: String? = nil) throws -> FirstStep {
    let dir = ProcessInfo.processInfo.environment["FIRSTSTEP_SCENARIOS_DIR"].map { URL(fileURLWithPath: $0) }
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../tests/scenarios")
    let scenario = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("\(name).json"))) as! [String: Any]
    let answers = scenario["answers"] as! [String: Any]
    let core = try openTempCore()
    _ = try core.submitAssessmentJson(now: morning(answers["date"] as! String),
                                      answersJson: String(decoding: try JSONSerialization.data(withJSONObject: answers), as: UTF8.self))
    let int = { (value: Any?) in (value as? NSNumber).map { $0.int64Value } }
    for day in scenario["days"] as? [[String: Any]] ?? [] {
        let date = day["date"] as! String
        if let until, date >= until { break }
        let now = morning(date)
        if let pain = int(day["pain"]) { _ = try core.logPain(now: now, date: nil, score: pain, stiffnessMinutes: nil, note: nil) }
        for s in day["sessions"] as? [[String: Any]] ?? [] {
            let effort: Effort? = (s["effort"] as? String).flatMap { ["too_easy": .tooEasy, "right": .right, "too_hard": .tooHard][$0] }
            _ = try core.logSession(now: now, date: nil, exerciseId: s["exercise_id"] as! String, sets: int(s["sets_done"])!,
                                    reps: int(s["reps_done"]), holdSeconds: int(s["hold_seconds_done"]), peakPain: int(s["peak_pain"])!,
                                    completed: s["completed"] as! Bool, effort: effort, repsInReserve: int(s["reps_in_reserve"]))
        }
        for r in day["runs"] as? [[String: Any]] ?? [] {
            _ = try core.logRun(now: now, date: nil, distanceKm: (r["distance_km"] as! NSNumber).doubleValue,
                                minutes: (r["minutes"] as? NSNumber)?.doubleValue, painDuring: int(r["pain_during"]),
                                painAfter: int(r["pain_after"]), surface: nil, shoes: nil)
        }
        if let test = day["return_to_run"] as? [String: Any] {
            _ = try core.takeReturnToRunTest(now: now, answers: ReturnToRunAnswers(
                walkPain: UInt8(int(test["walk_pain"])!), heelRaisesAffected: UInt32(int(test["heel_raises_affected"])!),
                heelRaisesOther: int(test["heel_raises_other"]).map { UInt32($0) }, hopPain: UInt8(int(test["hop_pain"])!)))
        }
    }
    return core
}

/// Rule V1 on the screens: the day's size in one line, and the findings left out of the five.
@MainActor
final class PlanSummaryTests: XCTestCase {
    func testTheLineSaysTheCountAndTheCoresMinutes() async {
        XCTAssertEqual(PlanSummary.text(exercises: 4, minutes: 17), "4 exercises · about 17 min")
        XCTAssertEqual(PlanSummary.text(exercises: 1, minutes: 5), "1 exercise · about 5 min")
        XCTAssertEqual(PlanSummary.text(exercises: 3, minutes: 0), "3 exercises", "no estimate: only the count")
    }

    func testHomeShowsTodaysPlanSizeAndTheProgramShowsWhatWasSetAside() async throws {
        let core = try scenarioJournal("every_finding_five_exercises", until: "2026-09-01")
        let repo = FirstStepRepository(core: core, clock: FixedClock("2026-09-01"))
        let home = HomeViewModel(repository: repo)
        await home.refresh()
        let plan = try XCTUnwrap((try home.state.ready).home.plan)
        XCTAssertEqual(plan.exercises.count, 5, "rule V1: at most 5")
        XCTAssertGreaterThan(plan.minutes, 0)
        XCTAssertEqual((try home.state.ready).planSummary, "5 exercises · about \(plan.minutes) min")

        let latest = try await repo.latestAssessment()
        let result = try XCTUnwrap(latest)
        let findings = FindingsModel(result)
        let program = try XCTUnwrap(result.program)
        XCTAssertEqual(findings.setAside, program.setAside)
        XCTAssertEqual(findings.setAside.count, 2, "hip control and gait are set aside")
        XCTAssertTrue(findings.setAside[0].hasPrefix("Hip control"), findings.setAside[0])
        XCTAssertEqual(findings.programSummary, "5 exercises · about \(program.minutesPerDay) min a day")
    }

    func testAProgramWithEveryFindingCoveredSetsNothingAside() async throws {
        let repo = FirstStepRepository(core: try openTempCore(), clock: FixedClock("2026-06-01"))
        let result = try await repo.submitAssessmentJson(answersJson("2026-06-01"))
        XCTAssertEqual(FindingsModel(result).setAside, [])
        XCTAssertNotNil(FindingsModel(result).programSummary)
    }
}

/// Rule P5 after a guided session: "how did the load feel?" only when a done exercise asks, the
/// answer saved on those records, and the core adding load the next morning.
@MainActor
final class EffortQuestionTests: XCTestCase {
    private func record(_ id: String, sets: UInt32) -> SessionRecord {
        SessionRecord(date: "2026-09-09", exerciseId: id, level: 2, setsDone: sets, repsDone: 12, holdSecondsDone: nil, peakPain: 2,
                      completed: sets > 0, skippedSteps: 0, effort: nil, repsInReserve: nil)
    }

    func testTheCoresQuestionAsksOnlyAboutDoneExercisesThatAskEffort() async throws {
        let core = try scenarioJournal("effort_based_load_steps", until: "2026-09-09")
        let program = try XCTUnwrap(try core.program())
        let calf = try XCTUnwrap(program.exercises.first { $0.exerciseId == "calf_loading" })
        XCTAssertEqual(calf.level, 2)
        XCTAssertTrue(calf.asksEffort, "Rathleff's 3×12 stage is loaded by effort")
        XCTAssertFalse(program.exercises.first { $0.exerciseId == "plantar_fascia_stretch" }!.asksEffort)

        let repo = FirstStepRepository(core: core, clock: FixedClock("2026-09-09"))
        let records = [record("plantar_fascia_stretch", sets: 10), record("calf_loading", sets: 3)]
        let asked = try await repo.effortQuestion(records)
        let question = try XCTUnwrap(asked)
        XCTAssertEqual(question.exerciseIds, ["calf_loading"])
        XCTAssertEqual(question.exerciseNames, [calf.name], "the exercise by its name; level ids stay out of the sentence (X4)")
        XCTAssertEqual(question.choices.map(\.effort), [.tooEasy, .right, .tooHard])
        XCTAssertFalse(question.question.isEmpty)

        let skippedCalf = try await repo.effortQuestion([record("plantar_fascia_stretch", sets: 10), record("calf_loading", sets: 0)])
        XCTAssertNil(skippedCalf, "a calf exercise skipped entirely is not asked about")

        // At L1 (the seed's eccentric drop, body weight) nobody is asked.
        let early = try scenarioJournal("effort_based_load_steps", until: "2026-09-02")
        XCTAssertNil(try early.effortQuestion(records: records))
    }

    /// The effort scenario's runner: L2 (Rathleff's 3×12, every other day) since 2026-09-08, mornings
    /// logged to 2026-09-10, when the calf ladder is planned again.
    private func journalAtL2() throws -> FirstStep {
        let core = try scenarioJournal("effort_based_load_steps", until: "2026-09-09")
        for date in ["2026-09-09", "2026-09-10"] {
            _ = try core.logPain(now: morning(date), date: nil, score: 3, stiffnessMinutes: nil, note: nil)
        }
        return core
    }

    /// Runs today's guided session on a manual clock to the pain question.
    private func runSession(_ repo: FirstStepRepository, store: MemorySnapshotStore = MemorySnapshotStore(),
                            clock: ManualClock = ManualClock()) async throws -> SessionViewModel {
        let session = SessionViewModel(repository: repo, clock: clock, sleeper: ManualSleeper(clock: clock), cues: RecordingCuePlayer(), snapshots: store)
        await session.open()
        XCTAssertNil(session.message)
        let ticker = try XCTUnwrap(session.ticker)
        var state = await session.state
        var seconds = 0
        while state?.status == .running, seconds < 3 * 3600 {
            if state?.phase == .selfPacedRep { await session.repDone() }
            await advance(clock, ticker, by: 1_000, step: 1_000)
            state = await session.state
            seconds += 1
        }
        XCTAssertEqual(state?.status, .awaitingPain)
        return session
    }

    func testTooEasyAfterAGuidedSessionIsStoredAndAddsLoadTheNextMorning() async throws {
        let core = try journalAtL2()
        let changes = ChangeRecorder()
        let repo = FirstStepRepository(core: core, clock: FixedClock("2026-09-10"))
        let plan = try await repo.home().plan
        XCTAssertEqual(plan?.exercises.map(\.exerciseId), ["plantar_fascia_stretch", "calf_loading"])
        let session = try await runSession(repo)
        await session.finish(peakPain: 2)
        XCTAssertNil(session.message)
        let question = try XCTUnwrap(session.effortQuestion, "the calf ladder at L2 asks how the load felt")
        XCTAssertEqual(question.exerciseIds, ["calf_loading"])
        XCTAssertFalse(session.saved, "the records wait for the answer")
        let nothingYet = try await repo.sessions(from: "2026-09-10", to: "2026-09-10")
        XCTAssertEqual(nothingYet, [])

        await session.answerEffort(.tooEasy)
        XCTAssertNil(session.message)
        XCTAssertTrue(session.saved)
        XCTAssertNil(session.effortQuestion)
        let stored = try await repo.sessions(from: "2026-09-10", to: "2026-09-10")
        XCTAssertEqual(stored.first { $0.exerciseId == "calf_loading" }?.effort, .tooEasy)
        XCTAssertEqual(stored.first { $0.exerciseId == "plantar_fascia_stretch" }?.effort, nil)

        // The next morning: the core adds load within the stage (P5), and the screens show it.
        let nextDay = FirstStepRepository(core: core, clock: FixedClock("2026-09-11"))
        let home = HomeViewModel(repository: nextDay, onJournalChange: changes.handler)
        await home.logPain(3)
        let said = try XCTUnwrap((try home.state.ready).announcements.first { $0.exerciseId == "calf_loading" }, "the core announces the load added after the log")
        XCTAssertEqual(said.action, .addLoad)
        XCTAssertEqual(said.fromLevel, 2)
        XCTAssertEqual(said.toLevel, 2)
        XCTAssertEqual(said.rule, "P5")
        XCTAssertEqual((try home.state.ready).message, said.text)
        XCTAssertEqual(changes.changes, [JournalWrite(.painLogged, date: "2026-09-11")])
        let program = try await nextDay.program()
        XCTAssertEqual(program?.exercises.first { $0.exerciseId == "calf_loading" }?.loadSteps, 1)

        let progress = ProgressModel(repository: nextDay)
        await progress.refresh()
        let row = try XCTUnwrap((try progress.state.ready).loadAdded.first)
        XCTAssertTrue(row.loadAdded)
        XCTAssertFalse(row.levelChanged)
        XCTAssertEqual(row.actionText, "Load added")
        XCTAssertEqual(row.levelText, "Level 3")
        XCTAssertEqual((try progress.state.ready).loadAdded.map { "\($0.decision.exerciseId) \($0.decision.reason)" }, ["\(said.exerciseId) \(said.text)"])
    }

    func testSkippingTheQuestionSavesWithoutEffortAndNoLoadIsAdded() async throws {
        let core = try journalAtL2()
        let repo = FirstStepRepository(core: core, clock: FixedClock("2026-09-10"))
        let session = try await runSession(repo)
        await session.finish(peakPain: 2)
        XCTAssertNotNil(session.effortQuestion)
        await session.skipEffort()
        XCTAssertTrue(session.saved)
        let stored = try await repo.sessions(from: "2026-09-10", to: "2026-09-10")
        XCTAssertFalse(stored.isEmpty)
        XCTAssertTrue(stored.allSatisfy { $0.effort == nil })
        let log = try await FirstStepRepository(core: core, clock: FixedClock("2026-09-11")).logPain(3)
        XCTAssertFalse(log.decisions.contains { $0.action == .addLoad })
        await session.answerEffort(.right)
        XCTAssertNotNil(session.message, "no question is open any more")
    }

    func testAQuestionOpenWhenTheAppIsKilledIsAskedAgain() async throws {
        let core = try journalAtL2()
        let repo = FirstStepRepository(core: core, clock: FixedClock("2026-09-10"))
        let store = MemorySnapshotStore(), clock = ManualClock()
        let first = try await runSession(repo, store: store, clock: clock)
        await first.finish(peakPain: 2)
        XCTAssertNotNil(first.effortQuestion)
        await first.close() // killed with the question open: nothing saved, the snapshot kept
        XCTAssertNotNil(store.snapshot)

        let second = SessionViewModel(repository: repo, clock: clock, sleeper: ManualSleeper(clock: clock), cues: RecordingCuePlayer(), snapshots: store)
        await second.open()
        XCTAssertNil(second.message)
        XCTAssertEqual(second.effortQuestion?.exerciseIds, ["calf_loading"])
        await second.answerEffort(.tooHard)
        XCTAssertTrue(second.saved)
        XCTAssertNil(store.snapshot)
        let stored = try await repo.sessions(from: "2026-09-10", to: "2026-09-10")
        XCTAssertEqual(stored.first { $0.exerciseId == "calf_loading" }?.effort, .tooHard)
    }

    func testNoQuestionWhenNoDoneExerciseAsks() async throws {
        let repo = FirstStepRepository(core: try openTempCore(), clock: FixedClock("2026-06-01"))
        _ = try await repo.submitAssessmentJson(answersJson("2026-06-01"))
        let session = try await runSession(repo)
        await session.finish(peakPain: 1)
        XCTAssertNil(session.effortQuestion)
        XCTAssertTrue(session.saved, "saved at once")
    }

    func testEveryDecisionActionHasALabel() async {
        XCTAssertEqual([DecisionAction.progress, .hold, .regress, .addLoad].map(DecisionRow.actionText),
                       ["Level up", "Same level", "Level down", "Load added"])
    }
}

/// Rule M2 on a real journal: the activities form with the core's refusals, the 0–10 rating, the
/// card's text and when the next rating is due.
@MainActor
final class PsfsModelTests: XCTestCase {
    func testNamingRatingAndTheDetectableChange() async throws {
        let core = try scenarioJournal("psfs_change", until: "2026-09-01")
        let changes = ChangeRecorder()
        let repo = FirstStepRepository(core: core, clock: FixedClock("2026-09-01"))
        let model = PsfsModel(repository: repo, onJournalChange: changes.handler)
        await model.refresh()
        XCTAssertTrue((try model.state.ready).needsActivities)
        XCTAssertFalse((try model.state.ready).due)
        XCTAssertEqual((try model.state.ready).cardText, try core.psfs(now: morning("2026-09-01")).text, "the core's invitation")
        XCTAssertEqual((try model.state.ready).names, ["", "", ""])
        let home = try await repo.home()
        XCTAssertFalse(home.psfsDue)

        // Two names: the core's count rule, under the form.
        model.setName(0, "Run 5 km")
        model.setName(1, "Walk the dog")
        let saved = await model.saveActivities()
        XCTAssertFalse(saved)
        let countError = try XCTUnwrap((try model.state.ready).namesError)
        XCTAssertEqual(countError.field, "names")
        XCTAssertTrue(countError.message.contains("3 to 5"), countError.message)
        XCTAssertNil((try model.state.ready).namesErrorRow)
        XCTAssertEqual(changes.changes, [])

        // A repeated name: the core names the row (blank rows are left out, rows keep their place).
        model.addRow()
        model.setName(3, "walk the DOG")
        model.setName(2, "")
        model.addRow()
        model.setName(4, "Stairs at work")
        XCTAssertFalse((try model.state.ready).canAddRow)
        let repeated = await model.saveActivities()
        XCTAssertFalse(repeated)
        XCTAssertEqual((try model.state.ready).namesError?.field, "names[2]")
        XCTAssertEqual((try model.state.ready).namesErrorRow, 3, "names[2] of the sent list is row 3 of the form")

        model.removeRow(3)
        XCTAssertEqual((try model.state.ready).names, ["Run 5 km", "Walk the dog", "", "Stairs at work"])
        let named = await model.saveActivities()
        XCTAssertTrue(named, model.state.content?.namesError?.message ?? "")
        XCTAssertEqual((try model.state.ready).activities.map(\.name), ["Run 5 km", "Walk the dog", "Stairs at work"])
        XCTAssertTrue((try model.state.ready).due, "rating is due at the start")
        XCTAssertNotNil((try model.state.ready).dueReason)
        XCTAssertEqual(changes.changes, [JournalWrite(.psfs)])
        let dueHome = try await repo.home()
        XCTAssertTrue(dueHome.psfsDue)
        let homeModel = HomeViewModel(repository: repo)
        await homeModel.refresh()
        XCTAssertTrue((try homeModel.state.ready).psfsDue)

        // Rating: one missing, then one out of range, are the core's refusals; then 3, 4, 4.
        let ids = (try model.state.ready).activities.map(\.id)
        model.setScore(activityId: ids[0], 3)
        model.setScore(activityId: ids[1], 4)
        XCTAssertFalse((try model.state.ready).ratingComplete)
        let incomplete = await model.rate()
        XCTAssertFalse(incomplete)
        XCTAssertTrue((try model.state.ready).message?.contains("has no score") == true, model.state.content?.message ?? "")
        model.setScore(activityId: ids[2], 11)
        let outOfRange = await model.rate()
        XCTAssertFalse(outOfRange)
        XCTAssertTrue((try model.state.ready).message?.contains("Enter 0–10") == true, model.state.content?.message ?? "")
        model.setScore(activityId: ids[2], 4)
        XCTAssertTrue((try model.state.ready).ratingComplete)
        let rated = await model.rate()
        XCTAssertTrue(rated, model.state.content?.message ?? "")
        XCTAssertEqual((try model.state.ready).scores, [:], "the form is cleared")
        XCTAssertFalse((try model.state.ready).due)
        XCTAssertEqual((try model.state.ready).nextDue, "2026-09-15")
        XCTAssertEqual((try model.state.ready).activities.map { $0.latest?.score }, [3, 4, 4])
        XCTAssertEqual((try model.state.ready).cardText, try core.psfs(now: morning("2026-09-01")).text)

        // Two weeks later it is due again; 6, 5, 7 is a detectable change (2 on the average).
        let later = PsfsModel(repository: FirstStepRepository(core: core, clock: FixedClock("2026-09-15")))
        await later.refresh()
        XCTAssertTrue((try later.state.ready).due)
        for (id, score) in zip(ids, [6, 5, 7]) { later.setScore(activityId: id, score) }
        let ratedAgain = await later.rate()
        XCTAssertTrue(ratedAgain)
        let psfs = try XCTUnwrap((try later.state.ready).psfs)
        XCTAssertEqual(((psfs.meanChange ?? 0) * 10).rounded() / 10, 2.3)
        XCTAssertTrue(psfs.detectableChange)
        XCTAssertEqual(psfs.activities.map(\.detectable), [true, false, true])
        XCTAssertEqual((try later.state.ready).nextDue, "2026-09-29")
        XCTAssertEqual((try later.state.ready).cardText, try core.psfs(now: morning("2026-09-15")).text)

        // The progress screen carries the same card.
        let progress = ProgressModel(repository: FirstStepRepository(core: core, clock: FixedClock("2026-09-15")))
        await progress.refresh()
        XCTAssertEqual((try progress.state.ready).psfs?.text, (try later.state.ready).cardText)

        // The trend shows the two rating dates in the core's words (rule M2).
        let trend = TrendViewModel(repository: FirstStepRepository(core: core, clock: FixedClock("2026-09-15")))
        await trend.select(weeks: 4)
        let psfsLine = try XCTUnwrap((try trend.state.ready).chart.psfsText)
        XCTAssertTrue(psfsLine.contains("3.7 on 2026-09-01 → 6.0 on 2026-09-15 (+2.3"), psfsLine)
    }

    func testRenamingKeepsTheNamesThatStay() async throws {
        let core = try scenarioJournal("psfs_change", until: "2026-09-01")
        let model = PsfsModel(repository: FirstStepRepository(core: core, clock: FixedClock("2026-09-01")))
        await model.refresh()
        for (row, name) in ["Run 5 km", "Walk the dog", "Stairs at work"].enumerated() { model.setName(row, name) }
        _ = await model.saveActivities()
        let before = (try model.state.ready).activities.map(\.id)
        model.setName(2, "Hike")
        let renamed = await model.saveActivities()
        XCTAssertTrue(renamed)
        XCTAssertEqual(Array((try model.state.ready).activities.map(\.id).prefix(2)), Array(before.prefix(2)), "kept names keep their ids")
        XCTAssertEqual((try model.state.ready).names, ["Run 5 km", "Walk the dog", "Hike"])
    }
}

/// Rule RR1: the card, the self-test form through the core, the criteria and the walk-run step.
@MainActor
final class ReturnToRunModelTests: XCTestCase {
    func testOfferedThenPassedThenWalkRunSteps() async throws {
        let core = try scenarioJournal("return_to_run_pass_walk_run", until: "2026-09-08")
        _ = try core.logPain(now: morning("2026-09-08"), date: nil, score: 1, stiffnessMinutes: nil, note: nil)
        let changes = ChangeRecorder()
        let repo = FirstStepRepository(core: core, clock: FixedClock("2026-09-08"))
        let model = ReturnToRunModel(repository: repo, onJournalChange: changes.handler)
        await model.refresh()
        let card = try XCTUnwrap((try model.state.ready).card)
        XCTAssertEqual(card.state, .offered)
        XCTAssertTrue(card.offersTest)
        XCTAssertEqual(card.text, try core.progress(now: morning("2026-09-08"), plannedRunKm: nil).running.returnToRun?.text)
        XCTAssertEqual((try model.state.ready).criteria, [])
        XCTAssertEqual(ReturnToRunForm.fields, ["walk_pain", "heel_raises_affected", "heel_raises_other", "hop_pain"])

        // Refused in the kit (not a number, negative) and by the core (its range); nothing stored.
        model.set("walk_pain", "1")
        model.set("heel_raises_affected", "twenty")
        model.set("hop_pain", "-2")
        await model.submit()
        XCTAssertEqual((try model.state.ready).fieldErrors["heel_raises_affected"]?.message, AssessmentInputProblem.notANumber.rawValue)
        model.set("heel_raises_affected", "150")
        await model.submit()
        XCTAssertEqual((try model.state.ready).fieldErrors["hop_pain"]?.message, AssessmentInputProblem.negative.rawValue)
        model.set("hop_pain", "2")
        await model.submit()
        let range = try XCTUnwrap((try model.state.ready).fieldErrors["heel_raises_affected"], "the core's range")
        XCTAssertTrue(range.message.contains("Enter 0–100"), range.message)
        let noChecks = try await repo.returnToRunChecks()
        XCTAssertEqual(noChecks, [])
        XCTAssertEqual(changes.changes, [])

        // 7 mornings ≤ 2, walk 1, 22 raises against 24 (92 %), hops 2: passed.
        model.set("heel_raises_affected", "22")
        model.set("heel_raises_other", "24")
        let check = try await XCTUnwrapAsync(await model.submit())
        XCTAssertTrue(check.passed, check.advice)
        XCTAssertEqual((try model.state.ready).criteria.map(\.id), ["mornings", "walk", "heel_raises", "hops"])
        XCTAssertTrue((try model.state.ready).criteria.allSatisfy(\.passed))
        XCTAssertEqual((try model.state.ready).history.count, 1)
        XCTAssertEqual(changes.changes, [JournalWrite(.returnToRunTest)])
        let walkRun = try XCTUnwrap((try model.state.ready).card)
        XCTAssertEqual(walkRun.state, .walkRun)
        XCTAssertFalse(walkRun.offersTest)
        let step = try XCTUnwrap(walkRun.step)
        XCTAssertEqual(step.step, 1)
        XCTAssertEqual(walkRun.stepText, "Step 1 of \(step.ofSteps): \(step.description)")
        XCTAssertEqual(walkRun.stepProgress, "0 of \(step.runsNeeded) comfortable runs done at this step")
        XCTAssertEqual(walkRun.criteria, check.criteria, "the card keeps the last test's criteria")

        // Two comfortable runs unlock step 2.
        for date in ["2026-09-09", "2026-09-11"] {
            _ = try core.logRun(now: morning(date), date: nil, distanceKm: 3, minutes: 20, painDuring: 2, painAfter: 1, surface: nil, shoes: nil)
        }
        let later = ReturnToRunModel(repository: FirstStepRepository(core: core, clock: FixedClock("2026-09-12")))
        await later.refresh()
        XCTAssertEqual((try later.state.ready).card?.step?.step, 2)
        XCTAssertEqual((try later.state.ready).card?.state, .walkRun)
        let progress = ProgressModel(repository: FirstStepRepository(core: core, clock: FixedClock("2026-09-12")))
        await progress.refresh()
        XCTAssertEqual((try progress.state.ready).returnToRun, (try later.state.ready).card)
    }

    func testNotYetListsWhatIsMissing() async throws {
        let core = try scenarioJournal("return_to_run_not_yet", until: "2026-09-09")
        _ = try core.logPain(now: morning("2026-09-09"), date: nil, score: 1, stiffnessMinutes: nil, note: nil)
        let model = ReturnToRunModel(repository: FirstStepRepository(core: core, clock: FixedClock("2026-09-09")))
        await model.refresh()
        for (field, value) in [("walk_pain", "1"), ("heel_raises_affected", "18"), ("heel_raises_other", "25"), ("hop_pain", "4")] {
            model.set(field, value)
        }
        let check = try await XCTUnwrapAsync(await model.submit())
        XCTAssertFalse(check.passed)
        XCTAssertEqual(Set((try model.state.ready).criteria.filter { !$0.passed }.map(\.id)), ["mornings", "heel_raises", "hops"])
        XCTAssertTrue((try model.state.ready).criteria.first { $0.id == "walk" }?.passed == true)
        let card = try XCTUnwrap((try model.state.ready).card)
        XCTAssertEqual(card.state, .notYet)
        XCTAssertTrue(card.offersTest, "the test can be taken again")
        XCTAssertEqual(card.advice, check.advice)
        XCTAssertNil(card.stepText)
        // rule RR2: a failed self-test never allows more running than a pass — "not yet", no weekly number.
        XCTAssertNil((try model.state.ready).running.reduceToKm, "RR2: no weekly distance before the self-test passes")
        XCTAssertTrue((try model.state.ready).running.reason.hasPrefix("Not yet: walk and cross-train"))
    }

    func testOtherSideMayBeLeftBlank() async throws {
        let core = try scenarioJournal("return_to_run_pass_walk_run", until: "2026-09-08")
        let model = ReturnToRunModel(repository: FirstStepRepository(core: core, clock: FixedClock("2026-09-08")))
        await model.refresh() // the form exists once the screen is ready (issue 26: one state value)
        for (field, value) in [("walk_pain", "0"), ("heel_raises_affected", "26"), ("hop_pain", "0")] { model.set(field, value) }
        let check = try await XCTUnwrapAsync(await model.submit())
        XCTAssertNil(check.answers.heelRaisesOther)
        XCTAssertEqual(check.answers.heelRaisesAffected, 26)
    }
}

/// XCTUnwrap for an async expression's value.
func XCTUnwrapAsync<T>(_ value: @autoclosure () async throws -> T?, file: StaticString = #filePath, line: UInt = #line) async throws -> T {
    let result = try await value()
    return try XCTUnwrap(result, file: file, line: line)
}

/// Rules P7 and P8 on the home screen model: the core's flare sentence and the hop check.
@MainActor
final class FlareAndHopCheckTests: XCTestCase {
    func testAFlareMorningSaysAtOnceThatTheLoadIsCutAndTheHopCheckIsValidated() async throws {
        let repo = FirstStepRepository(core: try openTempCore(), clock: FixedClock("2026-06-01"))
        _ = try await repo.submitAssessmentJson(answersJson("2026-05-25"))
        for day in ["2026-05-25", "2026-05-26", "2026-05-27", "2026-05-28", "2026-05-29", "2026-05-30", "2026-05-31"] {
            _ = try await repo.logPain(2, date: day)
        }
        let home = HomeViewModel(repository: repo)
        await home.logPain(6)
        let message = try XCTUnwrap((try home.state.ready).message)
        XCTAssertTrue(message.hasPrefix("A flare this morning"), message)
        XCTAssertEqual((try home.state.ready).flare?.rule, "P7")
        XCTAssertTrue((try home.state.ready).exercises.allSatisfy { !$0.exercise.levelName.contains("backpack") && !$0.exercise.levelName.contains("hop") })

        await home.answerHopCheck(11)
        XCTAssertTrue((try home.state.ready).message?.contains("Enter 0–10") ?? false, home.state.content?.message ?? "")
    }
}

/// Rule P9 on the home screen model: after eight calm weeks the core offers maintenance; accepting
/// it gives the maintenance plan (the core's sentence and state).
@MainActor
final class MaintenanceOfferTests: XCTestCase {
    /// 2026-04-06 plus `offset` days (offset 0...55, within April and May).
    private func day(_ offset: Int) -> String {
        let (month, dayOfMonth) = offset < 25 ? ("04", 6 + offset) : ("05", offset - 24)
        return "2026-\(month)-\(dayOfMonth < 10 ? "0" : "")\(dayOfMonth)"
    }

    func testAfterEightCalmWeeksHomeOffersMaintenanceAndAcceptingItGivesTheMaintenancePlan() async throws {
        let repo = FirstStepRepository(core: try openTempCore(), clock: FixedClock("2026-06-01"))
        _ = try await repo.submitAssessmentJson(answersJson(day(0)))
        let scores = [6, 6, 5, 5, 4, 4, 3, 3, 3, 2, 2, 2, 2]
        for offset in 0..<56 {
            _ = try await repo.logPain(offset < scores.count ? scores[offset] : (offset % 3 == 0 ? 0 : 1), date: day(offset))
        }
        let home = HomeViewModel(repository: repo)
        await home.logPain(1)
        let offer = try XCTUnwrap((try home.state.ready).maintenance)
        XCTAssertEqual(offer.state, .offered)
        XCTAssertEqual(offer.rule, "P9")
        XCTAssertFalse(offer.text.contains("P9"), offer.text)
        await home.answerMaintenance(accept: true)
        XCTAssertEqual((try home.state.ready).maintenance?.state, .active)
        await home.answerMaintenance(accept: false)
        XCTAssertTrue((try home.state.ready).message?.contains("no maintenance offer is open") ?? false, home.state.content?.message ?? "")
    }
}
