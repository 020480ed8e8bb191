import FirstStepCore

/// Facts about the loaded core library.
public enum CoreInfo {
    /// The Rust core's version, e.g. "0.1.0".
    public static var version: String { coreVersion() }
}
