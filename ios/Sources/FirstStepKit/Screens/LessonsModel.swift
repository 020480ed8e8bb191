import FirstStepCore

/// Where lessons come from. The app uses `CoreLessonSource`: the lessons (CLINICAL E1–E7) are the
/// core's `Lesson` records — text, rule ids, whether they are open (by week on the program and by
/// finding) and why, and the exercises whose "why" links to them. Nothing here is written in Swift.
public protocol LessonSource: AnyObject {
    func lessons(repository: FirstStepRepository) async throws -> [Lesson]
    /// One lesson by id, also when locked (then it says when it opens); unknown ids throw `NotFound`.
    func lesson(repository: FirstStepRepository, id: String) async throws -> Lesson
}

/// The core's lessons: `lessons(now:)` and `lesson(now:id:)`.
public final class CoreLessonSource: LessonSource {
    public init() {}
    public func lessons(repository: FirstStepRepository) async throws -> [Lesson] {
        try await repository.withCore { try $0.lessons(now: $1) }
    }
    public func lesson(repository: FirstStepRepository, id: String) async throws -> Lesson {
        try await repository.withCore { try $0.lesson(now: $1, id: id) }
    }
}

public struct LessonsContent {
    public var lessons: [Lesson] = []
    /// The lesson being read (a locked one too: the reader then shows only `lockedText`).
    public var open: Lesson?
    public var message: String?
    /// The core has no lesson to list.
    public var isEmpty: Bool { lessons.isEmpty }
    /// For the open lesson when it is locked: the core's "Opens in week N of your program".
    public var lockedText: String? { open.flatMap { $0.unlocked ? nil : $0.unlockedBecause } }
    /// The paragraphs to show for the open lesson (none while it is locked).
    public var paragraphs: [String] { open.map { $0.unlocked ? $0.body : [] } ?? [] }
    /// Stills of the exercises the open lesson explains (issue 21), none while it is locked.
    public var figures: [(exerciseId: String, frame: FigureFrame)] {
        guard let open, open.unlocked else { return [] }
        return open.exerciseIds.compactMap { id in FigureStill.exercise(id).map { (id, $0) } }
    }
}

/// The lessons screen's state.
public typealias LessonsUiState = ScreenState<LessonsContent>

/// Lessons (PRODUCT §2.12): the list (locked rows say when they open), a reader, and the link from
/// an exercise's "why".
@MainActor
public final class LessonsModel: ScreenModel {
    private let repository: FirstStepRepository
    private let source: LessonSource
    public private(set) var state = LessonsUiState.loading { didSet { onChange?() } }
    public var onChange: (() -> Void)?

    public init(repository: FirstStepRepository, source: LessonSource = CoreLessonSource()) {
        self.repository = repository
        self.source = source
    }

    public func refresh() async {
        do {
            let lessons = try await source.lessons(repository: repository)
            // A re-read keeps the lesson being read open.
            state = .ready(LessonsContent(lessons: lessons, open: state.content?.open))
        } catch {
            if state.content != nil { state.update { $0.message = describe(error) } } else { state = .failed(ScreenFailure(error)) }
        }
    }

    /// Opens lesson `id` as the core gives it now (a locked one shows when it opens). Returns false
    /// and shows the core's message for an unknown id.
    @discardableResult
    public func open(_ id: String) async -> Bool {
        do {
            let lesson = try await source.lesson(repository: repository, id: id)
            state.update { $0.open = lesson; $0.message = nil }
            return state.content != nil
        } catch {
            state.update { $0.message = describe(error) }
            return false
        }
    }

    public func close() { state.update { $0.open = nil } }

    /// The lesson an exercise's "why" opens: the one linked to it, once it is open.
    public func lesson(forExercise exerciseId: String) -> Lesson? {
        state.content?.lessons.first { $0.unlocked && $0.exerciseIds.contains(exerciseId) }
    }
}
