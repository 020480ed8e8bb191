#if canImport(ActivityKit)
import ActivityKit
import FirstStepKit
import Foundation

/// The guided session's Live Activity. The content state is FirstStepKit's
/// `SessionActivityContent` (built from the core's engine state, tested on Linux).
struct SessionActivityAttributes: ActivityAttributes {
    typealias ContentState = SessionActivityContent
    /// The session's date (YYYY-MM-DD), fixed for the activity's life.
    var date: String
}
#endif
