#if canImport(ActivityKit) && canImport(WidgetKit) && canImport(SwiftUI)
import ActivityKit
import AppIntents
import FirstStepKit
import SwiftUI
import WidgetKit

@main
struct FirstStepWidgets: WidgetBundle {
    var body: some Widget { SessionLiveActivity() }
}

/// The guided session on the lock screen and in the Dynamic Island: the current step with a
/// countdown that runs by itself (`Text(timerInterval:)` to the step's end), updated by the app at
/// step changes only; pause/resume and skip through App Intents.
struct SessionLiveActivity: Widget {
    var body: some WidgetConfiguration {
        ActivityConfiguration(for: SessionActivityAttributes.self) { context in
            LockScreenView(content: context.state).padding().activityBackgroundTint(Color(.systemBackground))
        } dynamicIsland: { context in
            DynamicIsland {
                DynamicIslandExpandedRegion(.leading) { Text(context.state.exerciseName).font(.headline).lineLimit(2) }
                DynamicIslandExpandedRegion(.trailing) { Countdown(content: context.state).font(.title2.monospacedDigit()) }
                DynamicIslandExpandedRegion(.bottom) {
                    VStack {
                        Text(context.state.phaseLabel)
                        Controls(paused: context.state.paused)
                    }
                }
            } compactLeading: {
                Image(systemName: "figure.strengthtraining.functional")
            } compactTrailing: {
                Countdown(content: context.state).monospacedDigit().frame(maxWidth: 44)
            } minimal: {
                Countdown(content: context.state).monospacedDigit()
            }
        }
    }
}

private struct LockScreenView: View {
    let content: SessionActivityContent
    var body: some View {
        VStack(alignment: .leading, spacing: 8) {
            HStack {
                Text(content.exerciseName).font(.headline)
                Spacer()
                Countdown(content: content).font(.title.monospacedDigit().bold())
            }
            Text(content.phaseLabel)
            Text("Set \(content.set)/\(content.setCount) · Rep \(content.rep)/\(content.repCount) · Exercise \(content.exerciseIndex + 1)/\(content.exerciseCount)")
                .font(.caption)
            ProgressView(value: content.sessionProgress)
            Controls(paused: content.paused)
        }
    }
}

/// Counts down to the step's end by itself; frozen while paused; nothing for self-paced steps.
private struct Countdown: View {
    let content: SessionActivityContent
    var body: some View {
        if let end = content.stepEndsAt, end > .now {
            Text(timerInterval: Date.now...end, countsDown: true)
        } else if let seconds = content.secondsRemaining {
            Text("\(Int(seconds.rounded(.up)))")
        } else {
            Text("—")
        }
    }
}

private struct Controls: View {
    let paused: Bool
    var body: some View {
        HStack {
            if paused {
                Button(intent: ResumeSessionIntent()) { Label("Resume", systemImage: "play.fill") }
            } else {
                Button(intent: PauseSessionIntent()) { Label("Pause", systemImage: "pause.fill") }
            }
            Button(intent: SkipStepIntent()) { Label("Skip", systemImage: "forward.fill") }
        }
        .buttonStyle(.bordered)
    }
}
#endif
