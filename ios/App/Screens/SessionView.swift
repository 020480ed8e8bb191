#if canImport(SwiftUI) && canImport(UIKit)
import FirstStepCore
import FirstStepKit
import SwiftUI

/// The guided session, for one hand (issue 21): the core's figure large inside a tempo ring that
/// fills once per timed step, the core's tempo label ("Up 3 s") with the seconds left, then in the
/// bottom 40 %: "Rep 4 of 15" and "Set 2 of 3 · left" large, the load, "How to do it" one tap away,
/// repeat and skip, and pause/resume lowest and full width (≥ 64 pt). Every word and number comes from
/// FirstStepKit's `SessionUiState` / `SessionDisplay`; the view switches and draws.
struct SessionView: View {
    @Environment(AppServices.self) private var services

    var body: some View {
        if let session = services.session {
            SessionScreen(ui: session.ui, actions: SessionActions(session))
                .task { await session.open() }
                .onDisappear { Task { await session.close() } }
        }
    }
}

/// What the session screen's controls do (the controller's calls; no-ops in previews).
struct SessionActions {
    var pause: () async -> Void = {}
    var resume: () async -> Void = {}
    var skip: () async -> Void = {}
    var repeatStep: () async -> Void = {}
    var repDone: () async -> Void = {}
    var finish: (Int) async -> Void = { _ in }
    var answerEffort: (Effort?) async -> Void = { _ in }
}

extension SessionActions {
    @MainActor init(_ session: SessionController) {
        self.init(pause: session.pause, resume: session.resume, skip: session.skip, repeatStep: session.repeatStep,
                  repDone: session.repDone, finish: { await session.finish(peakPain: $0) },
                  answerEffort: { await session.answerEffort($0) })
    }
}

/// Stateless: renders one `SessionUiState` and calls `actions` (previews feed it a fixed state).
struct SessionScreen: View {
    let ui: SessionUiState
    let actions: SessionActions
    @State private var peakPain: Int?

    var body: some View {
        Group {
            switch ui {
            case let .loading(message):
                VStack(spacing: 12) {
                    if let message { Text(message).foregroundStyle(.red) } else { ProgressView() }
                }
            case let .active(state, exercise, message):
                ActiveSession(actions: actions, state: state, display: SessionDisplay(state, exercise: exercise), message: message)
            case let .awaitingPain(state, message):
                VStack(spacing: 16) {
                    if let message { Text(message).foregroundStyle(.red) }
                    Text(state.phaseLabel).font(.title2)
                    Text("Peak pain during the session").font(.headline)
                    PainGrid(selected: peakPain) { value in
                        peakPain = value
                        Task { await actions.finish(value) }
                    }
                }
            case let .askingEffort(_, question, message):
                VStack(spacing: 16) {
                    if let message { Text(message).foregroundStyle(.red) }
                    EffortQuestionView(question: question) { effort in Task { await actions.answerEffort(effort) } }
                }
            case let .finished(_, saved, message):
                VStack(spacing: 16) {
                    if let message { Text(message).foregroundStyle(.red) }
                    if saved { Label("Session saved", systemImage: "checkmark.circle.fill").font(.title2) }
                }
            }
        }
        .padding()
        .navigationTitle("Session")
    }
}

private struct ActiveSession: View {
    let actions: SessionActions
    let state: SessionState
    let display: SessionDisplay
    let message: String?
    @State private var showingHowTo = false
    @Environment(\.accessibilityReduceMotion) private var reduceMotion

    var body: some View {
        GeometryReader { geometry in
            VStack(spacing: 8) {
                // Top 60 %: what and where.
                VStack(spacing: 6) {
                    if let message { Text(message).foregroundStyle(.red) }
                    Text(display.exerciseLine).font(.subheadline).multilineTextAlignment(.center)
                    TempoRing(progress: display.ring) {
                        if let frame = SessionFigure.frame(state, reducedMotion: reduceMotion) {
                            ExerciseFigureView(frame: frame, label: state.exerciseName).padding(18)
                        }
                    }
                    HStack(spacing: 12) {
                        Text(display.phaseLabel).font(.title.bold()).foregroundStyle(.tint)
                            .accessibilityAddTraits(.updatesFrequently)
                        if let seconds = display.countdown {
                            Text("\(seconds)").font(.title.bold().monospacedDigit())
                                .accessibilityLabel(Text("\(seconds) seconds left"))
                        }
                    }
                }
                .frame(height: geometry.size.height * (1 - SessionDisplay.controlsShare))

                // Bottom 40 %: the counts and every control, in reach of a thumb.
                VStack(spacing: 8) {
                    ScrollView {
                        VStack(spacing: 4) {
                            if let rep = display.repLine { Text(rep).font(.title.bold()) }
                            if let set = display.setLine { Text(set).font(.title2) }
                            HStack {
                                if let load = display.loadLine { Text(load).font(.body) }
                                if !display.howTo.isEmpty { Button("How to do it") { showingHowTo = true } }
                            }
                        }
                        .frame(maxWidth: .infinity)
                    }
                    if display.offersRepDone {
                        Button { Task { await actions.repDone() } } label: {
                            Text("Rep done").frame(maxWidth: .infinity, minHeight: SessionDisplay.pauseHeight)
                        }
                        .buttonStyle(.borderedProminent)
                    }
                    HStack {
                        Button { Task { await actions.repeatStep() } } label: { Text("Repeat").frame(maxWidth: .infinity, minHeight: 44) }
                        Button { Task { await actions.skip() } } label: { Text("Skip").frame(maxWidth: .infinity, minHeight: 44) }
                    }
                    .buttonStyle(.bordered)
                    // Lowest, widest and tallest: found by the thumb without looking.
                    Button {
                        Task { if display.paused { await actions.resume() } else { await actions.pause() } }
                    } label: {
                        Text(display.paused ? "Resume" : "Pause").font(.title3.bold())
                            .frame(maxWidth: .infinity, minHeight: SessionDisplay.pauseHeight)
                    }
                    .buttonStyle(.borderedProminent)
                }
                .frame(height: geometry.size.height * SessionDisplay.controlsShare)
            }
        }
        .sheet(isPresented: $showingHowTo) {
            NavigationStack {
                List(display.howTo, id: \.self) { Text($0) }
                    .navigationTitle(state.exerciseName)
                    .toolbar { Button("Close") { showingHowTo = false } }
            }
        }
    }
}

/// A ring that fills once per timed step (the core's step progress), the figure inside it. No ring
/// fill when the step is not timed.
private struct TempoRing<Inside: View>: View {
    let progress: Double?
    @ViewBuilder var inside: () -> Inside

    var body: some View {
        ZStack {
            Circle().stroke(Color.secondary.opacity(0.25), lineWidth: 6)
            if let progress {
                Circle().trim(from: 0, to: progress)
                    .stroke(Color.accentColor, style: StrokeStyle(lineWidth: 6, lineCap: .round))
                    .rotationEffect(.degrees(-90))
            }
            inside()
        }
        .aspectRatio(1, contentMode: .fit)
        .accessibilityElement(children: .contain)
    }
}

#Preview("Session mid-rep") {
    // A fixed state: calf raises, rep 4 of 15 on the left, halfway through "Up 3 s".
    let state = SessionState(status: .running, exerciseIndex: 1, exerciseCount: 5, exerciseId: "calf_loading",
                             exerciseName: "Calf raises on a step", level: 2, set: 2, setCount: 3, rep: 4, repCount: 15,
                             side: .left, phase: .up, phaseLabel: "Up 3 s", secondsRemaining: 1.5, stepProgress: 0.5,
                             exerciseProgress: 0.4, sessionProgress: 0.3, cues: [], elapsedActiveMs: 120_000)
    return NavigationStack { SessionScreen(ui: .active(state, exercise: nil, message: nil), actions: SessionActions()) }
}
#endif
