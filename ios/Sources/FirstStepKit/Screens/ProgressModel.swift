import FirstStepCore

/// A progression decision with the exercise's name, ready for a row.
public struct DecisionRow: Equatable {
    public var decision: Decision
    /// The library's name for the exercise (the id when the library does not know it).
    public var exerciseName: String
    public var levelChanged: Bool { decision.fromLevel != decision.toLevel }
}

public struct ProgressUiState {
    public var loading = true
    /// Newest first: the core's decisions of the last 12 weeks with their rule and reason (P1–P4).
    public var decisions: [DecisionRow] = []
    /// Today's running state (green/amber/red) and why (X2, A7).
    public var running: RunningGuidance?
    /// The latest re-assessment's changes against the one before, with the noise thresholds (A1, A2).
    public var changes: [AssessmentChange] = []
    public var message: String?
}

/// Progress (PRODUCT §2.7): decisions with reasons, the running guidance, the change since the last
/// assessment.
@MainActor
public final class ProgressModel: ScreenModel {
    private let repository: FirstStepRepository
    public private(set) var state = ProgressUiState() { didSet { onChange?() } }
    public var onChange: (() -> Void)?

    public init(repository: FirstStepRepository) { self.repository = repository }

    public func refresh() async {
        do {
            let report = try await repository.progress()
            let library = await repository.exerciseLibrary()
            let names = Dictionary(library.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            let latest = try await repository.latestAssessment()
            state = ProgressUiState(
                loading: false,
                decisions: report.decisions.reversed().map { DecisionRow(decision: $0, exerciseName: names[$0.exerciseId] ?? $0.exerciseId) },
                running: report.running,
                changes: latest?.changes ?? [])
        } catch {
            state.loading = false
            state.message = describe(error)
        }
    }
}
