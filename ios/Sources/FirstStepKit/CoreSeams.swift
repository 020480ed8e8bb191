import FirstStepCore

/// The few places where FirstStepKit reads a part of the core's API that is changing (the clinical
/// safety and program issues). Each is one small function, so the new fields replace the old ones here
/// and nowhere else. Nothing here computes a rule, a number or a sentence: it only picks which of the
/// core's values to show.
public enum CoreSeams {
    /// The screen a red-flag level leads to. Exhaustive on purpose: when the core adds a level
    /// (`referNoImpact`, R2) this stops compiling until the level is routed.
    public static func safetyRoute(_ level: RedFlagLevel) -> SafetyRoute {
        switch level {
        case .none: return .proceed
        case .refer: return .referAndContinue
        case .referNoImpact: return .referNoImpact
        case .urgent: return .urgentStop
        }
    }

    /// The banner the home screen shows above everything else, if any: the R4 escalation
    /// (`referral`: rule, level, text, options) first, else the screen's `caution` (R1–R3).
    public static func banner(_ home: HomeScreen) -> HomeBanner? {
        if let referral = home.referral {
            return HomeBanner(text: referral.text, options: referral.options, rule: referral.rule, urgent: false,
                              firm: referral.level == .firm, isReferral: true)
        }
        guard let text = home.caution else { return nil }
        return HomeBanner(text: text, options: [], rule: nil, urgent: home.redFlag == .urgent, firm: false, isReferral: false)
    }
}

/// A prominent message on the home screen: the core's referral or caution.
public struct HomeBanner: Equatable, Sendable {
    public var text: String
    /// Options the core lists with a referral (R4: the guideline's care options); may be empty.
    public var options: [String]
    /// The CLINICAL rule behind it, when the core names one.
    public var rule: String?
    /// Seek care today (drawn as the stop style, not a caution).
    public var urgent: Bool
    /// R4 at 12 weeks: see a clinician and discuss the options listed.
    public var firm: Bool
    /// An R4 escalation: the runner can record a clinician visit from it, which clears it.
    public var isReferral: Bool
}

extension CoreSeams {
    /// Removes a morning's pain log with what it changed (the notification's undo).
    static func undoPain(_ core: FirstStep, date: String, now: Moment) throws -> MorningUndo {
        try core.undoPain(now: now, date: date)
    }
}

/// The app's root screen: the core's `HomeScreen.startRoute`, named for the SwiftUI root (no rule here).
public enum AppRoute: Equatable, Sendable {
    /// No program yet: the safety screen, then the assessment.
    case onboarding
    /// The last screen found an urgent warning sign: the stop screen with the core's advice; the
    /// runner may re-take the screen later.
    case urgentStop(advice: String)
    /// Home and the tabs.
    case main

    public static func of(_ home: HomeScreen) -> AppRoute {
        switch home.startRoute {
        case .welcome: return .onboarding
        case let .urgentStop(advice): return .urgentStop(advice: advice)
        case .home: return .main
        }
    }
}
