import FirstStepCore

/// A screen model: plain state plus an `onChange` hook, so it builds and tests on Linux (no
/// Combine/Observation). The SwiftUI app wraps each one in an `@Observable` store that copies
/// `state` on every change (App/Support/ScreenStore.swift). Every screen model is `@MainActor`: the
/// views call it from the main actor and the repository does the blocking work on its own queue.
@MainActor
public protocol ScreenModel: AnyObject {
    associatedtype State
    var state: State { get }
    var onChange: (() -> Void)? { get set }
}

/// An error the core attached to one input (`FirstStepError.InvalidInput`); a screen shows
/// `message` next to the control that edits `field`.
public struct FieldError: Equatable, Sendable {
    /// The core's field name, e.g. "heel_raise_reps.left" or "distance_km".
    public var field: String
    public var message: String
    /// The allowed range and the refused value, when the value was out of its range (the core's words).
    public var allowed: String?
    public var got: String?
    public init(field: String, message: String, allowed: String? = nil, got: String? = nil) {
        self.field = field; self.message = message; self.allowed = allowed; self.got = got
    }

    /// The top-level answer the field belongs to ("heel_raise_reps.left" → "heel_raise_reps").
    public var root: String { String(field.split(separator: ".", maxSplits: 1).first ?? Substring(field)) }

    /// The core's field error inside `error`, if it is one.
    public init?(_ error: Error) {
        guard case let FirstStepError.InvalidInput(field, reason, allowed, got) = error else { return nil }
        self.init(field: field, message: reason, allowed: allowed, got: got)
    }
}

/// A write a screen model made to the journal, named with the core's `JournalChange`. Which screens
/// it makes stale (and whether the reminders are re-planned) is the core's answer, `screensToRefresh`:
/// the shell keeps no list of its own (issue 26).
public struct JournalWrite: Equatable, Sendable {
    public var change: JournalChange
    /// The morning a pain log or undo was for: its delivered morning notification is cleared.
    public var date: String?
    public init(_ change: JournalChange, date: String? = nil) { self.change = change; self.date = date }

    /// The screens to reload after this write, in the core's order.
    public var staleScreens: [AppScreen] { screensToRefresh(change: change) }
    /// Whether the scheduled notifications must be re-planned (the core lists `.reminders`).
    public var replansReminders: Bool { staleScreens.contains(.reminders) }
}

/// Receives journal writes (the app's refresher and notification re-planner; a recorder in tests).
public typealias JournalChangeHandler = @MainActor (JournalWrite) -> Void

/// How many times each screen was made stale: a screen reloads when its generation moves (SwiftUI:
/// `.task(id: generation)`). Only the core's `screensToRefresh` bumps a screen.
public struct StaleScreens: Equatable, Sendable {
    public private(set) var generations: [AppScreen: Int] = [:]
    public init() {}
    public func generation(_ screen: AppScreen) -> Int { generations[screen] ?? 0 }
    /// Bumps every screen `write` makes stale; returns them.
    @discardableResult
    public mutating func record(_ write: JournalWrite) -> [AppScreen] {
        let screens = write.staleScreens
        for screen in screens { generations[screen, default: 0] += 1 }
        return screens
    }
}

/// A screen's whole state, one value (issue 26): still loading, ready with what it shows, or failed
/// with nothing to show. It cannot be loading and failed at once, and a ready screen always has its
/// content. A write the core refuses on a ready screen is part of that screen's content (its
/// `message`), so the screen stays on what it showed. SwiftUI views switch over it.
public enum ScreenState<Content> {
    case loading
    case ready(Content)
    case failed(ScreenFailure)

    /// The content when ready, nil while loading or failed (for a view's one-off reads after an
    /// action; rendering switches over the cases).
    public var content: Content? {
        if case let .ready(content) = self { return content }
        return nil
    }

    public var isLoading: Bool { if case .loading = self { return true } else { return false } }

    /// Applies `update` to the content when ready; does nothing in the other states.
    mutating func update(_ update: (inout Content) -> Void) {
        guard case var .ready(content) = self else { return }
        update(&content)
        self = .ready(content)
    }
}

extension ScreenState: Equatable where Content: Equatable {}

/// Why a screen has nothing to show: the core's sentence, and the journal's way out when the
/// journal itself is the problem (damaged, read-only, too new).
public struct ScreenFailure: Equatable, Sendable {
    public var message: String
    public var problem: JournalProblem?
    public init(message: String, problem: JournalProblem? = nil) { self.message = message; self.problem = problem }
    public init(_ error: Error) { self.init(message: describe(error), problem: JournalProblem(error)) }
}
