import FirstStepCore
import Foundation

/// The return-to-run card (RR1) ready to draw: the core's state, text, walk-run step and the
/// criteria of the last self-test. Only picks and formats the core's values.
public struct ReturnToRunCard: Equatable {
    public var state: ReturnToRunState
    /// The core's sentence for the card.
    public var text: String
    /// The walk-run step while walking and running.
    public var step: WalkRunStep?
    /// The last self-test's criteria with the runner's numbers, and its advice.
    public var criteria: [ReturnToRunCriterion]
    public var advice: String?

    public init(_ card: ReturnToRun) {
        state = card.state
        text = card.text
        step = card.step
        criteria = card.lastCheck?.criteria ?? []
        advice = card.lastCheck?.advice
    }

    /// The card offers the self-test: before the first one and after one that did not pass yet.
    public var offersTest: Bool { state == .offered || state == .notYet }

    /// "Step 2 of 5: 2 min running, 1 min walking, × 7 (21 min)".
    public var stepText: String? { step.map { "Step \($0.step) of \($0.ofSteps): \($0.description)" } }

    /// "1 of 2 comfortable runs done at this step".
    public var stepProgress: String? { step.map { "\($0.runsDone) of \($0.runsNeeded) comfortable runs done at this step" } }
}

/// The self-test's inputs as typed (text fields); parsed only when submitted.
public struct ReturnToRunForm: Equatable, Sendable {
    /// The core's field names, in the form's order.
    public static let fields = ["walk_pain", "heel_raises_affected", "heel_raises_other", "hop_pain"]
    /// Optional: blank when both heels hurt or the other side was not tested.
    public static let optionalFields: Set<String> = ["heel_raises_other"]
    public var values: [String: String] = [:]
    public init() {}
}

public struct ReturnToRunContent {
    /// Today's running guidance (X2, A7) the card belongs to.
    public var running: RunningGuidance
    /// The card; nil when the runner is running normally (no card).
    public var card: ReturnToRunCard?
    public var form = ReturnToRunForm()
    /// Errors keyed by the core's field name (`walk_pain`, `heel_raises_affected`, …).
    public var fieldErrors: [String: FieldError] = [:]
    /// The self-test just taken (passed or not) with its criteria and advice.
    public var result: ReturnToRunCheck?
    public var message: String?

    /// The criteria to list: the test just taken, else the card's last one.
    public var criteria: [ReturnToRunCriterion] { result?.criteria ?? card?.criteria ?? [] }
    /// Every self-test taken, oldest first.
    public var history: [ReturnToRunCheck] = []
}

/// The return-to-run screen's state.
public typealias ReturnToRunUiState = ScreenState<ReturnToRunContent>

/// Return to running (RR1): the card from the running guidance, the walk-run step, and the
/// self-test form. The core grades the test with the logged mornings and stores it.
@MainActor
public final class ReturnToRunModel: ScreenModel {
    private let repository: FirstStepRepository
    private let onJournalChange: JournalChangeHandler?
    public private(set) var state = ReturnToRunUiState.loading { didSet { onChange?() } }
    public var onChange: (() -> Void)?

    public init(repository: FirstStepRepository, onJournalChange: JournalChangeHandler? = nil) {
        self.repository = repository
        self.onJournalChange = onJournalChange
    }

    public func refresh() async {
        do {
            let running = try await repository.progress().running
            let history = try await repository.returnToRunChecks()
            // A re-read keeps the form as typed and the test just taken.
            var content = state.content ?? ReturnToRunContent(running: running)
            content.running = running
            content.card = running.returnToRun.map(ReturnToRunCard.init)
            content.history = history
            state = .ready(content)
        } catch {
            if state.content != nil { state.update { $0.message = describe(error) } } else { state = .failed(ScreenFailure(error)) }
        }
    }

    /// Edits one field of the form (clears its error).
    public func set(_ field: String, _ text: String) {
        state.update { $0.form.values[field] = text; $0.fieldErrors[field] = nil }
    }

    /// Takes the self-test with the form's answers. Input that is not a whole number is refused
    /// here (the fields are unsigned); every range is the core's.
    @discardableResult
    public func submit() async -> ReturnToRunCheck? {
        guard let form = state.content?.form else { return nil }
        state.update { $0.message = nil; $0.fieldErrors = [:] }
        let answers: ReturnToRunAnswers
        do {
            answers = try parse(form)
        } catch let error as FormInputError {
            state.update { $0.fieldErrors[error.field.field] = error.field }
            return nil
        } catch {
            state.update { $0.message = describe(error) }
            return nil
        }
        do {
            let check = try await repository.takeReturnToRunTest(answers)
            onJournalChange?(JournalWrite(.returnToRunTest))
            await refresh()
            state.update { $0.result = check }
            return check
        } catch {
            state.update { content in
                if let field = FieldError(error) { content.fieldErrors[field.field] = field } else { content.message = describe(error) }
            }
            return nil
        }
    }

    private func parse(_ form: ReturnToRunForm) throws -> ReturnToRunAnswers {
        func number(_ field: String) throws -> Int? {
            let text = (form.values[field] ?? "").trimmingCharacters(in: .whitespaces)
            if text.isEmpty {
                if ReturnToRunForm.optionalFields.contains(field) { return nil }
                throw FormInputError(field: FieldError(field: field, message: AssessmentInputProblem.notANumber.rawValue))
            }
            guard let value = Int(text) else {
                let problem: AssessmentInputProblem = Double(text.replacingOccurrences(of: ",", with: ".")) == nil ? .notANumber : .notAWholeNumber
                throw FormInputError(field: FieldError(field: field, message: problem.rawValue))
            }
            if value < 0 { throw FormInputError(field: FieldError(field: field, message: AssessmentInputProblem.negative.rawValue)) }
            return value
        }
        // Values above the field's type are clamped so the core refuses them with its range.
        let pain = { (value: Int?) in UInt8(clamping: value ?? 0) }
        let count = { (value: Int) in UInt32(clamping: value) }
        return ReturnToRunAnswers(walkPain: pain(try number("walk_pain")),
                                  heelRaisesAffected: count(try number("heel_raises_affected") ?? 0),
                                  heelRaisesOther: try number("heel_raises_other").map(count),
                                  hopPain: pain(try number("hop_pain")))
    }
}

/// A form value refused before it reaches the core.
struct FormInputError: Error { var field: FieldError }
