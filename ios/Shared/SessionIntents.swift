#if canImport(AppIntents)
import AppIntents
import Foundation

/// Where the Live Activity's buttons land. The app sets `handler` at launch; `LiveActivityIntent`s
/// run in the app's process, so the widget extension (which only renders the buttons) never calls it.
@MainActor
enum SessionCommands {
    enum Command: Sendable { case pause, resume, skip }
    static var handler: ((Command) async -> Void)?
}

struct PauseSessionIntent: LiveActivityIntent {
    static var title: LocalizedStringResource = "Pause session"
    func perform() async throws -> some IntentResult {
        await SessionCommands.handler?(.pause)
        return .result()
    }
}

struct ResumeSessionIntent: LiveActivityIntent {
    static var title: LocalizedStringResource = "Resume session"
    func perform() async throws -> some IntentResult {
        await SessionCommands.handler?(.resume)
        return .result()
    }
}

struct SkipStepIntent: LiveActivityIntent {
    static var title: LocalizedStringResource = "Skip step"
    func perform() async throws -> some IntentResult {
        await SessionCommands.handler?(.skip)
        return .result()
    }
}
#endif
