import FirstStepCore

/// A short read (CLINICAL E1–E7) as the core will give it: content, rule ids, whether it is unlocked
/// yet (by week on the program and by finding) and the exercises whose "why" links to it.
public struct Lesson: Equatable {
    public var id: String
    public var title: String
    public var body: String
    public var rules: [String]
    public var unlocked: Bool
    public var exerciseIds: [String]

    public init(id: String, title: String, body: String, rules: [String], unlocked: Bool, exerciseIds: [String]) {
        self.id = id; self.title = title; self.body = body; self.rules = rules; self.unlocked = unlocked; self.exerciseIds = exerciseIds
    }
}

/// Where lessons come from. The app uses `CoreLessonSource`; the lesson text is the core's, never
/// Swift's.
public protocol LessonSource: AnyObject {
    func lessons(repository: FirstStepRepository) async throws -> [Lesson]
}

/// The core's lessons. The core has no lessons API yet (issue 12: `lessons(now)` / `lesson(id)`), so
/// this returns none and the screen shows its empty state; `CoreSeams.lessons` is the one place to
/// connect them.
public final class CoreLessonSource: LessonSource {
    public init() {}
    public func lessons(repository: FirstStepRepository) async throws -> [Lesson] {
        try await repository.withCore { try CoreSeams.lessons($0, now: $1) }
    }
}

extension CoreSeams {
    static func lessons(_ core: FirstStep, now: Moment) throws -> [Lesson] {
        _ = (core, now)
        return []
    }
}

public struct LessonsUiState {
    public var loading = true
    public var lessons: [Lesson] = []
    /// The lesson being read.
    public var open: Lesson?
    public var message: String?
    /// No lesson at all (the core has none yet, or none for this runner).
    public var isEmpty: Bool { !loading && lessons.isEmpty }
}

/// Lessons (PRODUCT §2.12): the list, a reader, and the link from an exercise's "why".
@MainActor
public final class LessonsModel: ScreenModel {
    private let repository: FirstStepRepository
    private let source: LessonSource
    public private(set) var state = LessonsUiState() { didSet { onChange?() } }
    public var onChange: (() -> Void)?

    public init(repository: FirstStepRepository, source: LessonSource = CoreLessonSource()) {
        self.repository = repository
        self.source = source
    }

    public func refresh() async {
        do {
            state = LessonsUiState(loading: false, lessons: try await source.lessons(repository: repository))
        } catch {
            state.loading = false
            state.message = describe(error)
        }
    }

    /// Opens a lesson; a locked one stays closed (its row shows when it unlocks).
    @discardableResult
    public func open(_ id: String) -> Bool {
        guard let lesson = state.lessons.first(where: { $0.id == id }), lesson.unlocked else { return false }
        state.open = lesson
        return true
    }

    public func close() { state.open = nil }

    /// The lesson an exercise's "why" opens: the first unlocked one linked to it.
    public func lesson(forExercise exerciseId: String) -> Lesson? {
        state.lessons.first { $0.unlocked && $0.exerciseIds.contains(exerciseId) }
    }
}
