#if canImport(SwiftUI) && canImport(UIKit)
import FirstStepCore
import FirstStepKit
import SwiftUI

@MainActor // init builds a main-actor ScreenStore: the iOS 17 SDK does not isolate View, the iOS 18 SDK does
struct ProgressScreen: View {
    @Environment(AppServices.self) private var services
    let repository: FirstStepRepository
    @State private var store: ScreenStore<ProgressModel>

    init(repository: FirstStepRepository) {
        self.repository = repository
        _store = State(initialValue: ScreenStore(ProgressModel(repository: repository)))
    }

    var body: some View {
        ScreenStateView(state: store.state, retry: store.model.refresh) { state in
        List {
            if let running = state.running {
                Section("Running") {
                    if let verdict = state.raceVerdict { Text(verdict).font(.headline) }
                    Label { Text(running.reason) } icon: { Circle().fill(Chrome.colour(running.state)).frame(width: 14) }
                    if let warning = running.weeklyWarning { Text(warning).foregroundStyle(.orange) }
                    Text(running.rules.joined(separator: ", ")).font(.caption).foregroundStyle(.secondary)
                    if let card = state.returnToRun {
                        NavigationLink { ReturnToRunView(repository: repository) } label: {
                            VStack(alignment: .leading, spacing: 2) {
                                Text(card.text)
                                if let step = card.stepText { Text(step).font(.footnote) }
                            }
                        }
                    }
                }
            }
            Section("Activities") {
                NavigationLink { PsfsView(repository: repository) } label: {
                    Text(state.psfs?.text ?? "Name the activities your heel limits")
                }
            }
            if !state.changes.isEmpty {
                Section("Since your last assessment") {
                    ForEach(state.changes, id: \.description) { change in
                        Text(change.description).fontWeight(change.meaningful ? .semibold : .regular)
                    }
                }
            }
            Section("Decisions") {
                ForEach(Array(state.decisions.enumerated()), id: \.offset) { _, row in
                    VStack(alignment: .leading, spacing: 4) {
                        HStack {
                            Text(row.exerciseName).font(.headline)
                            Spacer()
                            Text(row.levelText).monospacedDigit()
                        }
                        HStack {
                            if row.loadAdded { Image(systemName: "plus.circle.fill").accessibilityHidden(true) }
                            Text(row.actionText).font(.subheadline).foregroundStyle(row.loadAdded ? Color.blue : Color.secondary)
                        }
                        Text(row.decision.reason)
                        Text("\(row.decision.date) · \(row.decision.rule)").font(.caption).foregroundStyle(.secondary)
                    }
                    .accessibilityElement(children: .combine)
                }
            }
            if let message = state.message { Text(message).foregroundStyle(.red) }
        }
        }
        .navigationTitle("Progress")
        .task(id: services.stale.generation(.progress)) { await store.model.refresh() }
    }
}

@MainActor // init builds a main-actor ScreenStore: the iOS 17 SDK does not isolate View, the iOS 18 SDK does
struct LessonsView: View {
    @Environment(AppServices.self) private var services
    @State private var store: ScreenStore<LessonsModel>

    init(repository: FirstStepRepository) {
        _store = State(initialValue: ScreenStore(LessonsModel(repository: repository)))
    }

    var body: some View {
        ScreenStateView(state: store.state, retry: store.model.refresh) { state in
        List {
            if state.isEmpty {
                ContentUnavailableView("No lessons", systemImage: "book.closed")
            }
            ForEach(state.lessons, id: \.id) { lesson in
                Button {
                    Task { await store.model.open(lesson.id) }
                } label: {
                    VStack(alignment: .leading, spacing: 4) {
                        Label("\(lesson.id) · \(lesson.title)", systemImage: lesson.unlocked ? "book" : "lock")
                        Text(lesson.unlockedBecause).font(.caption).foregroundStyle(.secondary)
                    }
                }
                .disabled(!lesson.unlocked)
                .accessibilityHint(lesson.unlocked ? "" : lesson.unlockedBecause)
            }
            if let message = state.message { Text(message).foregroundStyle(.red) }
        }
        }
        .navigationTitle("Learn")
        .sheet(isPresented: Binding(get: { store.state.content?.open != nil }, set: { if !$0 { store.model.close() } })) {
            if let state = store.state.content, let lesson = state.open {
                NavigationStack {
                    ScrollView {
                        VStack(alignment: .leading, spacing: 12) {
                            if let locked = state.lockedText { Label(locked, systemImage: "lock") }
                            ForEach(Array(state.paragraphs.enumerated()), id: \.offset) { _, paragraph in
                                Text(paragraph)
                            }
                            // Issue 21: the exercises this lesson explains, drawn.
                            ForEach(state.figures, id: \.exerciseId) { item in
                                ExerciseFigureView(frame: item.frame, label: lesson.title).frame(height: 160)
                            }
                            if !lesson.rules.isEmpty {
                                Text("Rules: " + lesson.rules.joined(separator: ", ")).font(.caption).foregroundStyle(.secondary)
                            }
                        }
                        .padding()
                    }
                    .navigationTitle(lesson.title)
                }
            }
        }
        .task(id: services.stale.generation(.lessons)) { await store.model.refresh() }
    }
}
#endif
