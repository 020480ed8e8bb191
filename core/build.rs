//! Link options for the core library (issue #16: library size).
//!
//! Pointers in the library's tables (SQLite's function tables, vtables, static text) each need a
//! relative relocation: ~6,000 on x86_64, 24 bytes each unpacked (~140 KB of a ~2.8 MB library).
//! Where the platform's loader reads a packed form, ask the linker for it:
//! - Android reads its packed relocations (APS2) from API 23; the app's minSdk is 26.
//! - glibc reads DT_RELR from 2.36. A library built for this machine's own glibc (the desktop app,
//!   the Kotlin and Swift tests) is packed when that glibc is 2.36 or newer; a cross build is not.
//!
//! `FIRSTSTEP_PACK_RELOCS=0` turns it off (e.g. to ship a Linux library to older distributions).

use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=FIRSTSTEP_PACK_RELOCS");
    if std::env::var("FIRSTSTEP_PACK_RELOCS").as_deref() == Ok("0") {
        return;
    }
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    let native = var("HOST") == var("TARGET");
    match (var("CARGO_CFG_TARGET_OS").as_str(), var("CARGO_CFG_TARGET_ENV").as_str()) {
        ("android", _) => println!("cargo:rustc-cdylib-link-arg=-Wl,--pack-dyn-relocs=android"),
        ("linux", "gnu") if native && glibc_version().is_some_and(|v| v >= (2, 36)) => {
            println!("cargo:rustc-cdylib-link-arg=-Wl,-z,pack-relative-relocs")
        }
        _ => {}
    }
}

/// This machine's glibc, from `getconf GNU_LIBC_VERSION` ("glibc 2.36").
fn glibc_version() -> Option<(u32, u32)> {
    let out = Command::new("getconf").arg("GNU_LIBC_VERSION").output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let (major, minor) = text.trim().strip_prefix("glibc ")?.split_once('.')?;
    Some((major.parse().ok()?, minor.split('.').next()?.parse().ok()?))
}
