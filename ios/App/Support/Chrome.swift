#if canImport(SwiftUI)
import FirstStepCore
import FirstStepKit
import SwiftUI

/// Chrome only (labels, colours): every piece of advice, reason, finding or lesson text comes from
/// the core.
enum Chrome {
    static func inputProblem(_ message: String) -> String {
        switch AssessmentInputProblem(rawValue: message) {
        case .notANumber: return String(localized: "Enter a number.")
        case .notAWholeNumber: return String(localized: "Enter a whole number.")
        case .bothSidesNeeded: return String(localized: "Enter both sides.")
        case .negative: return String(localized: "Enter 0 or more.")
        case nil: return message
        }
    }

    static func colour(_ state: RunningState) -> Color {
        switch state {
        case .green: return .green
        case .amber: return .orange
        case .red: return .red
        }
    }

    static func side(_ side: String) -> String {
        switch side {
        case "left": return String(localized: "Left")
        case "right": return String(localized: "Right")
        case "both": return String(localized: "Both")
        default: return ""
        }
    }
}

/// A core field error under its input.
struct FieldErrorText: View {
    var error: FieldError?
    var body: some View {
        if let error {
            Label(Chrome.inputProblem(error.message), systemImage: "exclamationmark.circle")
                .font(.footnote)
                .foregroundStyle(.red)
                .accessibilityLabel(Text("Error: \(Chrome.inputProblem(error.message))"))
        }
    }
}
#endif
