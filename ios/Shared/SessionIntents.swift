#if canImport(AppIntents)
import AppIntents
import FirstStepKit
import Foundation

/// Where the Live Activity's buttons land. `LiveActivityIntent`s run in the app's process — when the app
/// is not running, iOS launches it in the background to perform the intent (AppIntents, LiveActivityIntent)
/// — so the widget extension (which only renders the buttons) never calls `handler`. The app sets it when
/// AppServices starts, at launch (AppDelegate), before any screen: `SessionController.perform` restores the
/// session from its snapshot when no screen has opened it (FirstStepKit `SessionViewModel.perform`).
@MainActor
enum SessionCommands {
    static var handler: ((SessionCommand) async -> Void)?
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
