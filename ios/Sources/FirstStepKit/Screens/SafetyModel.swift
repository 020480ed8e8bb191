import FirstStepCore

/// Where the red-flag screen sends the runner. Decided by the core's level (CLINICAL R1–R3); the
/// words shown are the core's `advice` and `reasons`.
public enum SafetyRoute: Equatable, Sendable {
    /// No flag: on to the assessment.
    case proceed
    /// See a clinician soon; the program may continue (R3 "refer").
    case referAndContinue
    /// See a clinician soon; no running or impact (R2 "refer, no impact"). Reached once the core
    /// reports that level (CoreSeams.safetyRoute).
    case referNoImpact
    /// Seek care today: the assessment ends here and no program is offered (R1).
    case urgentStop

    /// Whether the runner may go on to the assessment.
    public var assessmentAllowed: Bool { self != .urgentStop }
}

public struct SafetyContent {
    /// The core's questions (urgent first), with their help text.
    public var questions: [SafetyQuestion]
    /// Ids answered "yes".
    public var yes: Set<String> = []
    /// Set once submitted: the core's evaluation (level, reasons, advice).
    public var result: SafetyResult?
    public var route: SafetyRoute?
    public var message: String?
    public var submitting = false
}

/// The red-flag screen's state (the questions are the core's own, so it is ready once they are read).
public typealias SafetyUiState = ScreenState<SafetyContent>

/// The red-flag screen (PRODUCT §2.1): asked first and at every re-assessment. Submitting stores the
/// screen in the journal; an urgent answer ends the journey on the stop screen.
@MainActor
public final class SafetyModel: ScreenModel {
    private let repository: FirstStepRepository
    private let onJournalChange: JournalChangeHandler?
    public private(set) var state = SafetyUiState.loading { didSet { onChange?() } }
    public var onChange: (() -> Void)?

    public init(repository: FirstStepRepository, onJournalChange: JournalChangeHandler? = nil) {
        self.repository = repository
        self.onJournalChange = onJournalChange
    }

    public func load() async {
        state = .ready(SafetyContent(questions: await repository.safetyQuestions()))
    }

    public func setAnswer(_ questionId: String, yes: Bool) {
        state.update { content in
            if yes { content.yes.insert(questionId) } else { content.yes.remove(questionId) }
            // A changed answer invalidates an earlier evaluation.
            content.result = nil
            content.route = nil
        }
    }

    /// The "yes" ids in the core's question order (what the assessment's `red_flags` carries).
    public var yesIds: [String] {
        guard let content = state.content else { return [] }
        return content.questions.map(\.id).filter(content.yes.contains)
    }

    /// Records that a clinician has cleared the runner (on `date`, default today), so the screen
    /// may be taken again after an urgent answer (R1). Returns the core's refusal, nil when recorded
    /// (the stop screen shows it without loading the questions).
    @discardableResult
    public func recordClearance(date: String? = nil) async -> String? {
        do {
            _ = try await repository.recordClinicianVisit(date: date, cleared: true)
            state.update { $0.message = nil }
            onJournalChange?(JournalWrite(.clinicianVisit))
            return nil
        } catch {
            state.update { $0.message = describe(error) }
            return describe(error)
        }
    }

    /// Sends the answers to the core, which evaluates and stores them.
    public func submit() async {
        guard state.content != nil else { return }
        state.update { $0.submitting = true }
        defer { state.update { $0.submitting = false } }
        do {
            let result = try await repository.submitSafetyScreen(yesIds: yesIds)
            state.update { content in
                content.result = result
                content.route = CoreSeams.safetyRoute(result.level)
                content.message = nil
            }
            onJournalChange?(JournalWrite(.safetyScreen))
        } catch {
            state.update { $0.message = describe(error) }
        }
    }
}
