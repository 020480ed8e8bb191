import FirstStepCore

/// A progression decision with the exercise's name, ready for a row.
public struct DecisionRow: Equatable {
    public var decision: Decision
    /// The library's name for the exercise (the id when the library does not know it).
    public var exerciseName: String
    public var levelChanged: Bool { decision.fromLevel != decision.toLevel }
    /// Load added within the level (rule P5: the effort answer said too easy).
    public var loadAdded: Bool { decision.action == .addLoad }
    /// The row's short label (chrome); the reason is the core's.
    public var actionText: String { Self.actionText(decision.action) }

    /// Exhaustive on purpose: a new action stops compiling until it has a label.
    public static func actionText(_ action: DecisionAction) -> String {
        switch action {
        case .progress: return "Level up"
        case .hold: return "Same level"
        case .regress: return "Level down"
        case .addLoad: return "Load added"
        }
    }

    /// "Level 2 → 3" for a level change, else the level, e.g. "Level 3": counted from 1, as the
    /// core's level labels read (CLINICAL X4; the core's levels are 0-based).
    public var levelText: String {
        levelChanged ? "Level \(decision.fromLevel + 1) → \(decision.toLevel + 1)" : "Level \(decision.toLevel + 1)"
    }
}

public struct ProgressContent {
    /// Newest first: the core's decisions of the last 12 weeks with their rule and reason (P1–P4).
    public var decisions: [DecisionRow] = []
    /// Today's running state (green/amber/red) and why (X2, A7).
    public var running: RunningGuidance?
    /// The latest re-assessment's changes against the one before, with the noise thresholds (A1, A2).
    public var changes: [AssessmentChange] = []
    /// The PSFS card (M2); nil until activities are named.
    public var psfs: Psfs?
    public var message: String?

    /// The decisions that added load within a level (rule P5), newest first.
    public var loadAdded: [DecisionRow] { decisions.filter(\.loadAdded) }
    /// The return-to-run card (RR1) as the running guidance carries it.
    public var returnToRun: ReturnToRunCard? { running?.returnToRun.map(ReturnToRunCard.init) }
    /// The core's verdict about an upcoming race, in its last 14 days (A8); nil otherwise.
    public var raceVerdict: String? { running?.race?.verdict }
}

/// The progress screen's state.
public typealias ProgressUiState = ScreenState<ProgressContent>

/// Progress (PRODUCT §2.7): decisions with reasons (load added by effort too, P5), the running guidance
/// with its return-to-run card (RR1), the PSFS card (M2), the change since the last assessment.
@MainActor
public final class ProgressModel: ScreenModel {
    private let repository: FirstStepRepository
    public private(set) var state = ProgressUiState.loading { didSet { onChange?() } }
    public var onChange: (() -> Void)?

    public init(repository: FirstStepRepository) { self.repository = repository }

    public func refresh() async {
        do {
            let report = try await repository.progress()
            let library = await repository.exerciseLibrary()
            let names = Dictionary(library.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            let latest = try await repository.latestAssessment()
            state = .ready(ProgressContent(
                decisions: report.decisions.reversed().map { DecisionRow(decision: $0, exerciseName: names[$0.exerciseId] ?? $0.exerciseId) },
                running: report.running,
                changes: latest?.changes ?? [],
                psfs: report.psfs))
        } catch {
            // A failed re-read keeps what was shown, with the reason.
            if state.content != nil { state.update { $0.message = describe(error) } } else { state = .failed(ScreenFailure(error)) }
        }
    }
}
