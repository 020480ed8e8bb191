#if canImport(SwiftUI) && canImport(UIKit)
import FirstStepKit
import SwiftUI

/// Renders a screen's one state value (issue 26): a spinner while loading, the reason and the
/// journal's way out when failed, the screen's content when ready. Decides nothing.
struct ScreenStateView<Content, Ready: View>: View {
    let state: ScreenState<Content>
    var retry: (() async -> Void)?
    @ViewBuilder var ready: (Content) -> Ready

    var body: some View {
        switch state {
        case .loading:
            ProgressView().frame(maxWidth: .infinity, maxHeight: .infinity)
        case let .failed(failure):
            FailedScreen(failure: failure, retry: retry)
        case let .ready(content):
            ready(content)
        }
    }
}

/// A screen with nothing to show: the core's sentence, the journal's way out, and a retry.
struct FailedScreen: View {
    let failure: ScreenFailure
    var retry: (() async -> Void)?

    var body: some View {
        ContentUnavailableView {
            Label("This could not be read", systemImage: "exclamationmark.triangle")
        } description: {
            Text(failure.message)
        } actions: {
            if let problem = failure.problem { JournalProblemAction(problem: problem) {} }
            if let retry { Button("Try again") { Task { await retry() } } }
        }
    }
}
#endif
