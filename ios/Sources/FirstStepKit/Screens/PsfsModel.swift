import FirstStepCore
import Foundation

public struct PsfsContent {
    /// The core's PSFS screen (rule M2): activities with first/latest scores, means, due, text.
    public var psfs: Psfs
    /// The activities form: one text per row (3 rows to start, at most 5).
    public var names: [String] = Array(repeating: "", count: PsfsModel.minRows)
    /// The core's refusal of the names (count, length, repeats), with the row it names if any.
    public var namesError: FieldError?
    public var namesErrorRow: Int?
    /// The rating form: a 0–10 score per activity id.
    public var scores: [Int64: Int] = [:]
    public var message: String?

    public var activities: [PsfsActivityProgress] { psfs.activities }
    /// No activities named yet: the screen shows the activities form.
    public var needsActivities: Bool { activities.isEmpty }
    /// The progress card's sentence (the core's).
    public var cardText: String? { psfs.text }
    /// A rating is due today (at the start, every 2 weeks, after a re-assessment).
    public var due: Bool { psfs.due }
    public var dueReason: String? { psfs.dueReason }
    public var nextDue: String? { psfs.nextDue }
    public var canAddRow: Bool { names.count < PsfsModel.maxRows }
    /// Every activity has a score in the form.
    public var ratingComplete: Bool { !activities.isEmpty && activities.allSatisfy { scores[$0.id] != nil } }
}

/// The PSFS screen's state.
public typealias PsfsUiState = ScreenState<PsfsContent>

/// The Patient-Specific Functional Scale (CLINICAL M2): name 3–5 activities the heel limits, rate
/// each 0–10 (0 = unable, 10 = as before the injury) at the start, every 2 weeks and at
/// re-assessment. The core validates, stores, averages and says when it is due.
@MainActor
public final class PsfsModel: ScreenModel {
    /// Rows of the activities form (the form's shape; the core checks the 3–5 rule itself).
    nonisolated public static let minRows = 3
    nonisolated public static let maxRows = 5
    /// The rating grid's values (0 = unable, 10 = as before the injury).
    nonisolated public static let scores = Array(0...10)

    private let repository: FirstStepRepository
    private let onJournalChange: JournalChangeHandler?
    public private(set) var state = PsfsUiState.loading { didSet { onChange?() } }
    public var onChange: (() -> Void)?

    public init(repository: FirstStepRepository, onJournalChange: JournalChangeHandler? = nil) {
        self.repository = repository
        self.onJournalChange = onJournalChange
    }

    public func refresh() async {
        do {
            show(try await repository.psfs())
        } catch {
            // A failed re-read keeps the forms shown, with the reason.
            if state.content != nil { state.update { $0.message = describe(error) } } else { state = .failed(ScreenFailure(error)) }
        }
    }

    // Activities form.

    public func setName(_ row: Int, _ text: String) {
        state.update { content in
            guard content.names.indices.contains(row) else { return }
            content.names[row] = text
            content.namesError = nil
            content.namesErrorRow = nil
        }
    }

    public func addRow() { state.update { if $0.canAddRow { $0.names.append("") } } }

    public func removeRow(_ row: Int) {
        state.update { content in
            guard content.names.indices.contains(row) else { return }
            content.names.remove(at: row)
            if content.names.count < Self.minRows { content.names.append("") }
        }
    }

    /// Saves the names (blank rows left out); the core's error is shown under the row it names.
    @discardableResult
    public func saveActivities() async -> Bool {
        guard let names = state.content?.names else { return false }
        let rows = names.indices.filter { !names[$0].trimmingCharacters(in: .whitespaces).isEmpty }
        do {
            _ = try await repository.setPsfsActivities(rows.map { names[$0] })
            onJournalChange?(JournalWrite(.psfs))
            show(try await repository.psfs())
            return true
        } catch {
            state.update { content in
                if let field = FieldError(error) {
                    content.namesError = field
                    content.namesErrorRow = Self.index(in: field.field).flatMap { rows.indices.contains($0) ? rows[$0] : nil }
                } else {
                    content.namesError = FieldError(field: "names", message: describe(error))
                    content.namesErrorRow = nil
                }
            }
            return false
        }
    }

    // Rating form.

    public func setScore(activityId: Int64, _ score: Int) {
        state.update { $0.scores[activityId] = score; $0.message = nil }
    }

    /// Rates the listed activities with the form's scores (today unless `date` names an earlier
    /// day); a missing or out-of-range score is refused by the core with its message.
    @discardableResult
    public func rate(date: String? = nil) async -> Bool {
        guard let content = state.content else { return false }
        let ratings = content.activities.compactMap { activity in
            content.scores[activity.id].map { PsfsRating(activityId: activity.id, score: UInt8(clamping: $0)) }
        }
        do {
            _ = try await repository.ratePsfs(ratings, date: date)
            onJournalChange?(JournalWrite(.psfs))
            show(try await repository.psfs(), keepScores: false)
            return true
        } catch {
            state.update { $0.message = describe(error) }
            return false
        }
    }

    /// The core's PSFS with the names form filled from it; the scores typed so far stay unless a rating was saved.
    private func show(_ psfs: Psfs, keepScores: Bool = true) {
        var names = psfs.activities.map(\.name)
        while names.count < Self.minRows { names.append("") }
        let scores = keepScores ? state.content?.scores ?? [:] : [:]
        state = .ready(PsfsContent(psfs: psfs, names: names, scores: scores))
    }

    /// "names[2]" → 2.
    private static func index(in field: String) -> Int? {
        guard let open = field.firstIndex(of: "["), let close = field.firstIndex(of: "]"), open < close else { return nil }
        return Int(field[field.index(after: open)..<close])
    }
}
