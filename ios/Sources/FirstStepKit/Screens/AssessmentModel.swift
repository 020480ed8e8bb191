import FirstStepCore
import Foundation

/// One page of the assessment wizard: a catalogue item as the core describes it, with the answer
/// key actually sent (e.g. `knee_to_wall_in` when the runner uses inches) and the unit shown.
public struct AssessmentPage: Equatable {
    public var item: AssessmentItem
    /// The answers-file key this page fills.
    public var key: String
    /// The unit label shown next to the input.
    public var unit: String
}

public struct AssessmentContent {
    public var pages: [AssessmentPage] = []
    /// Index into `pages`.
    public var page = 0
    /// Raw inputs by input key: the item's key, or "key.left" / "key.right" for per-side items.
    /// Choices hold the answers-file value ("pass", "left", "good", "true").
    public var inputs: [String: String] = [:]
    /// The core's (or the input parser's) error per answer key.
    public var fieldErrors: [String: FieldError] = [:]
    /// A message not tied to one field.
    public var message: String?
    public var submitting = false
    /// The stored result: findings, program (nil on an urgent flag) and change since last time.
    public var result: AssessmentResult?

    public var current: AssessmentPage? { pages.indices.contains(page) ? pages[page] : nil }
    public var isLastPage: Bool { page == pages.count - 1 }
}

/// The wizard's state: loading the core's catalogue, then the pages (the catalogue is the core's own,
/// so a read cannot fail; `failed` stays unused here).
public typealias AssessmentUiState = ScreenState<AssessmentContent>

/// Why an input could not be turned into an answer before reaching the core. The app words these
/// (chrome); every range and rule error comes from the core.
public enum AssessmentInputProblem: String, Equatable, Sendable {
    case notANumber = "not_a_number"
    case notAWholeNumber = "not_a_whole_number"
    case bothSidesNeeded = "both_sides_needed"
    /// A count or score below zero (the core's unsigned fields cannot carry it).
    case negative = "negative"
}

/// The assessment wizard (PRODUCT §2.2): one core catalogue item per page, how-to from the core,
/// per-side inputs, and the core's validation error shown on the page of the field it names.
/// Built after the safety screen: `redFlags` are its "yes" ids.
@MainActor
public final class AssessmentModel: ScreenModel {
    private let repository: FirstStepRepository
    private let redFlags: [String]
    private let onJournalChange: JournalChangeHandler?
    public private(set) var state = AssessmentUiState.loading { didSet { onChange?() } }
    public var onChange: (() -> Void)?

    /// The ready content, edited in place (edits before `load()` has read the catalogue are dropped).
    private var content: AssessmentContent {
        get { state.content ?? AssessmentContent() }
        set { if state.content != nil { state = .ready(newValue) } }
    }

    public init(repository: FirstStepRepository, redFlags: [String], onJournalChange: JournalChangeHandler? = nil) {
        self.repository = repository
        self.redFlags = redFlags
        self.onJournalChange = onJournalChange
    }

    /// Loads the core's catalogue; with imperial units, centimetre items are asked in inches (the
    /// core accepts `<name>_in` for `<name>_cm` and converts).
    public func load() async {
        let catalogue = await repository.assessmentCatalogue()
        let imperial = (try? await repository.settings().units) == .imperial
        let pages = catalogue.map { item in
            if imperial, item.unit == "cm", item.id.hasSuffix("_cm") {
                return AssessmentPage(item: item, key: String(item.id.dropLast(3)) + "_in", unit: "in")
            }
            return AssessmentPage(item: item, key: item.id, unit: item.unit)
        }
        state = .ready(AssessmentContent(pages: pages))
    }

    public func set(_ inputKey: String, _ value: String) {
        content.inputs[inputKey] = value
        content.fieldErrors[rootKey(inputKey)] = nil
    }

    public func next() { if content.page < content.pages.count - 1 { content.page += 1 } }
    public func back() { if content.page > 0 { content.page -= 1 } }
    public func go(to page: Int) { if content.pages.indices.contains(page) { content.page = page } }

    /// Sends every answer to the core. On a field error the wizard returns to that field's page.
    public func submit() async {
        guard state.content != nil else { return } // nothing to send before the pages exist
        content.message = nil
        content.fieldErrors = [:]
        let json: String
        do {
            json = try answersJson(date: try await repository.today())
        } catch let problem as InputError {
            return show(FieldError(field: problem.key, message: problem.problem.rawValue))
        } catch {
            content.message = describe(error)
            return
        }
        content.submitting = true
        defer { content.submitting = false }
        do {
            content.result = try await repository.submitAssessmentJson(json)
            onJournalChange?(JournalWrite(.assessment))
        } catch {
            if let fieldError = FieldError(error) { show(fieldError) } else { content.message = describe(error) }
        }
    }

    /// The route after a stored result: an urgent flag ends on the stop screen (no program).
    public var route: SafetyRoute? { content.result.map { CoreSeams.safetyRoute($0.safety.level) } }

    /// The answers document (docs/answers.md) built from the inputs; keys are the core's own.
    public func answersJson(date: String) throws -> String {
        var answers: [String: Any] = ["date": date, "red_flags": redFlags]
        for page in content.pages {
            let item = page.item
            if item.perSide {
                let left = content.inputs["\(page.key).left"].flatMap(nonEmpty)
                let right = content.inputs["\(page.key).right"].flatMap(nonEmpty)
                if left == nil, right == nil { continue }
                guard let left, let right else { throw InputError(key: page.key, problem: .bothSidesNeeded) }
                answers[page.key] = ["left": try value(left, item.kind, page.key), "right": try value(right, item.kind, page.key)]
            } else if let text = content.inputs[page.key].flatMap(nonEmpty) {
                answers[page.key] = try value(text, item.kind, page.key)
            }
        }
        let data = try JSONSerialization.data(withJSONObject: answers, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    private struct InputError: Error {
        var key: String
        var problem: AssessmentInputProblem
    }

    private func value(_ text: String, _ kind: AnswerKind, _ key: String) throws -> Any {
        switch kind {
        case .number:
            guard let number = Double(text.replacingOccurrences(of: ",", with: ".")), number.isFinite else {
                throw InputError(key: key, problem: .notANumber)
            }
            return number
        case .count, .pain:
            guard let number = Int(text) else {
                throw InputError(key: key, problem: Double(text) == nil ? .notANumber : .notAWholeNumber)
            }
            return number
        case .yesNo:
            return text == "true"
        case .grade, .squatQuality, .side:
            return text
        }
    }

    private func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    private func rootKey(_ inputKey: String) -> String {
        String(inputKey.split(separator: ".", maxSplits: 1).first ?? Substring(inputKey))
    }

    /// Records the error under its answer key and turns to the page that asks it.
    private func show(_ error: FieldError) {
        let root = error.root
        content.fieldErrors[root] = error
        if let index = content.pages.firstIndex(where: { $0.key == root || $0.item.id == root }) {
            content.page = index
        } else {
            content.message = error.message
        }
    }
}

/// A finding with the program's exercises that answer it (the findings and program screen).
public struct FindingRow: Equatable {
    public var finding: Finding
    /// The program's exercises the core linked to this finding, in program order.
    public var exercises: [ProgramExercise]
}

/// The findings ("things to work on") and the program an assessment produced, with the change
/// since the previous assessment. Pure mapping of the core's result.
public struct FindingsModel: Equatable {
    public var date: String
    public var rows: [FindingRow]
    /// The program's exercises no finding links to (the always-on base: the pre-step stretch, the calf ladder).
    public var baseExercises: [ProgramExercise]
    public var changes: [AssessmentChange]
    public var caution: String?
    public var cadenceCue: String?
    /// False after an urgent flag: there is no program to show.
    public var hasProgram: Bool
    /// The safety screen's advice when it flagged something (the core's words).
    public var safetyAdvice: String?
    /// The program's size (rule V1): "N exercises · about M min a day"; nil without a program.
    public var programSummary: String?
    /// Findings the day's five exercises leave out (rule V1), in the core's plain words.
    public var setAside: [String]

    public init(_ result: AssessmentResult) {
        let exercises = result.program?.exercises ?? []
        date = result.date
        rows = result.findings.map { finding in
            FindingRow(finding: finding, exercises: exercises.filter { finding.exercises.contains($0.exerciseId) })
        }
        let linked = Set(result.findings.flatMap(\.exercises))
        baseExercises = exercises.filter { !linked.contains($0.exerciseId) }
        changes = result.changes
        caution = result.program?.caution
        cadenceCue = result.program?.cadenceCue
        hasProgram = result.program != nil
        safetyAdvice = result.safety.flagged.isEmpty ? nil : result.safety.advice
        programSummary = result.program.map(PlanSummary.text)
        setAside = result.program?.setAside ?? []
    }
}
