#if canImport(Observation)
import FirstStepKit
import Observation

/// Makes a FirstStepKit screen model observable for SwiftUI: `state` is copied on every change the
/// model reports. Views read `store.state` and call `store.model` for actions.
@MainActor
@Observable
final class ScreenStore<Model: ScreenModel> {
    let model: Model
    private(set) var state: Model.State

    init(_ model: Model) {
        self.model = model
        self.state = model.state
        model.onChange = { [weak self] in
            guard let self else { return }
            self.state = self.model.state
        }
    }
}
#endif
