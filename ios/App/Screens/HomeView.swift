#if canImport(SwiftUI) && canImport(UIKit)
import FirstStepCore
import FirstStepKit
import SwiftUI

@MainActor // init builds a main-actor ScreenStore: the iOS 17 SDK does not isolate View, the iOS 18 SDK does
struct HomeView: View {
    let repository: FirstStepRepository
    @State private var store: ScreenStore<HomeViewModel>
    @State private var editingPain = false
    @State private var stiffness = ""
    @State private var note = ""
    @Environment(AppServices.self) private var services

    init(repository: FirstStepRepository) {
        self.repository = repository
        _store = State(initialValue: ScreenStore(HomeViewModel(repository: repository, onJournalChange: AppServices.shared.journalChanged)))
    }

    var body: some View {
        ScreenStateView(state: store.state, retry: store.model.refresh) { state in
        List {
            if let banner = state.banner {
                Section {
                    VStack(alignment: .leading, spacing: 6) {
                        Label(banner.text, systemImage: banner.urgent ? "cross.case.fill" : "stethoscope")
                        ForEach(banner.options, id: \.self) { Text("• \($0)").font(.footnote) }
                        if banner.isReferral {
                            Button("I have seen a clinician") { Task { await store.model.recordClinicianVisit() } }
                        }
                    }
                    .foregroundStyle(banner.urgent || banner.firm ? .red : .orange)
                }
            }
            Group {
                let home = state.home
                Section {
                    Text(home.nextStepText).font(.headline)
                    if !state.painLoggedToday || editingPain || services.painDate != nil {
                        PainGrid(selected: nil) { score in
                            Task {
                                await store.model.logPain(score, stiffnessMinutes: Int(stiffness), note: note.isEmpty ? nil : note,
                                                          date: services.painDate)
                                services.painDate = nil
                                editingPain = false
                            }
                        }
                    } else if let pain = home.lastPain {
                        LabeledContent("First steps today", value: "\(pain.score) / 10")
                        Button("Edit") { editingPain = true }
                    }
                    if home.streakDays > 0 { LabeledContent("Days logged in a row", value: "\(home.streakDays)") }
                    DisclosureGroup("Stiffness and a note") {
                        TextField("Minutes of morning stiffness", text: $stiffness).keyboardType(.numberPad)
                        TextField("Note", text: $note)
                        if let pain = home.lastPain, pain.date == home.date {
                            Button("Save with today's score") {
                                Task { await store.model.logPain(Int(pain.score), stiffnessMinutes: Int(stiffness), note: note) }
                            }
                        }
                    }
                    if home.nextStep == .assess || home.nextStep == .reassess {
                        NavigationLink("Take the assessment") {
                            OnboardingFlow(repository: repository) { Task { await store.model.refresh() } }
                        }
                    }
                    NavigationLink("Your program") { ProgramScreen(repository: repository) }
                } header: { Text(home.date) }
                if let message = state.message {
                    Section {
                        Text(message)
                        if let problem = state.problem { JournalProblemAction(problem: problem) { store.model.dismissMessage() } }
                    }
                }
                if let flare = state.flare {
                    // rule P7: the core's sentence; the rule as a label (X4).
                    Section { Text(flare.text); Text("Rule: \(flare.rule)").font(.caption) }
                }
                if let hold = state.impactHold {
                    Section { Text(hold.text).font(.footnote); Text("Rule: \(hold.rule)").font(.caption) }
                }
                if let question = state.hopCheckQuestion {
                    Section {
                        Text(question)
                        ScrollView(.horizontal) {
                            HStack {
                                ForEach(0...10, id: \.self) { value in
                                    Button("\(value)") { Task { await store.model.answerHopCheck(value) } }.buttonStyle(.bordered)
                                }
                            }
                        }
                        Text("Rule: P8").font(.caption)
                    }
                }
                if let note = state.maintenance {
                    // rule P9: the core's sentence; Accept / Not now while the offer is open.
                    Section {
                        Text(note.text)
                        if note.state == .offered {
                            HStack {
                                Button("Accept") { Task { await store.model.answerMaintenance(accept: true) } }.buttonStyle(.borderedProminent)
                                Button("Not now") { Task { await store.model.answerMaintenance(accept: false) } }.buttonStyle(.bordered)
                            }
                        }
                        Text("Rule: \(note.rule)").font(.caption)
                    }
                }
                if let plan = home.plan {
                    Section {
                        ForEach(state.exercises, id: \.exercise.exerciseId) { item in
                            HStack {
                                Image(systemName: item.done ? "checkmark.circle.fill" : "circle").foregroundStyle(item.done ? .green : .secondary)
                                    .accessibilityLabel(item.done ? Text("Done") : Text("Not done"))
                                ExerciseRow(exercise: item.exercise)
                            }
                        }
                        if let note = plan.note { Text(note).font(.footnote) }
                        NavigationLink("Start the guided session") { SessionView() }
                    } header: {
                        VStack(alignment: .leading) {
                            Text("Today's exercises")
                            if let summary = state.planSummary { Text(summary).textCase(nil) }
                        }
                    }
                }
                if state.psfsDue {
                    Section {
                        NavigationLink("Rate your activities") { PsfsView(repository: repository) }
                    }
                }
                if let running = home.running {
                    Section {
                        if let race = running.race { Text(race.verdict).font(.headline) }
                        Label { Text(running.reason) } icon: { Circle().fill(Chrome.colour(running.state)).frame(width: 14) }
                        if let warning = running.weeklyWarning { Text(warning).foregroundStyle(.orange).font(.footnote) }
                        if let card = running.returnToRun {
                            NavigationLink { ReturnToRunView(repository: repository) } label: { Text(card.text) }
                        }
                        NavigationLink("Log a run") { LogRunView(repository: repository) }
                    } header: { Text("Running") }
                }
            }
        }
        }
        .navigationTitle("Today")
        .refreshable { await store.model.refresh() }
        .task(id: services.stale.generation(.home)) { await store.model.refresh() }
    }
}

/// The latest assessment's findings and the program (re-read from the journal).
struct ProgramScreen: View {
    let repository: FirstStepRepository
    @State private var findings: FindingsModel?

    var body: some View {
        Group {
            if let findings { FindingsView(findings: findings, done: nil) } else { ProgressView() }
        }
        .task { findings = (try? await repository.latestAssessment()).map(FindingsModel.init) }
    }
}

#endif
