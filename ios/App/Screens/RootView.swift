#if canImport(SwiftUI) && canImport(UIKit)
import FirstStepCore
import FirstStepKit
import SwiftUI

/// Picks the root from the core's home screen: onboarding (safety → assessment → findings), the
/// urgent stop screen, or the tabs.
struct RootView: View {
    @Environment(AppServices.self) private var services
    @State private var route: AppRoute?

    var body: some View {
        Group {
            if let repository = services.repository {
                switch route {
                case nil: ProgressView().task { await reload(repository) }
                case .onboarding?: OnboardingFlow(repository: repository) { Task { await reload(repository) } }
                case let .urgentStop(advice)?: UrgentStopView(repository: repository, advice: advice) { route = .onboarding }
                case .main?: MainTabs(repository: repository)
                }
            } else {
                ContentUnavailableView {
                    Label("The journal could not be opened", systemImage: "externaldrive.badge.exclamationmark")
                } description: {
                    Text(services.openProblem?.message ?? services.openError ?? "")
                } actions: {
                    if let problem = services.openProblem { JournalProblemAction(problem: problem) {} }
                }
            }
        }
    }

    private func reload(_ repository: FirstStepRepository) async {
        if let home = try? await repository.home() { route = AppRoute.of(home) }
    }
}

struct MainTabs: View {
    let repository: FirstStepRepository
    @Environment(AppServices.self) private var services

    var body: some View {
        @Bindable var services = services
        TabView(selection: $services.tab) {
            NavigationStack { HomeView(repository: repository) }
                .tabItem { Label("Today", systemImage: "figure.walk") }.tag(AppServices.Tab.home)
            NavigationStack { TrendView(repository: repository) }
                .tabItem { Label("Trend", systemImage: "chart.xyaxis.line") }.tag(AppServices.Tab.trend)
            NavigationStack { ProgressScreen(repository: repository) }
                .tabItem { Label("Progress", systemImage: "list.bullet.clipboard") }.tag(AppServices.Tab.progress)
            NavigationStack { LessonsView(repository: repository) }
                .tabItem { Label("Learn", systemImage: "book") }.tag(AppServices.Tab.lessons)
            NavigationStack { SettingsView(repository: repository) }
                .tabItem { Label("Settings", systemImage: "gearshape") }.tag(AppServices.Tab.settings)
        }
    }
}

/// First run and re-assessment: safety screen, then the wizard, then findings and program.
struct OnboardingFlow: View {
    let repository: FirstStepRepository
    var done: () -> Void
    @Environment(AppServices.self) private var services
    @State private var redFlags: [String]?
    @State private var result: AssessmentResult?

    var body: some View {
        NavigationStack {
            if let result {
                FindingsView(findings: FindingsModel(result)) {
                    Task { await services.requestNotificationPermission(); done() }
                }
            } else if let redFlags {
                AssessmentView(repository: repository, redFlags: redFlags) { self.result = $0 }
            } else {
                SafetyView(repository: repository, onContinue: { redFlags = $0 }, onStop: done)
            }
        }
    }
}
#endif
