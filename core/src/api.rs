//! The UniFFI surface (in progress).

/// Version of the core library, so shells can show it and tests can check they loaded the right one.
#[uniffi::export]
pub fn core_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
