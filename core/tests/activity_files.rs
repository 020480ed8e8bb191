#![cfg(feature = "activity-files")]
//! The activity readers on real public files (tests/activities/README.md) and on damaged copies.

use firststep_core::activity::{is_running, read_file, DistanceFrom};

fn file(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/../tests/activities/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn dump() {
    for name in std::fs::read_dir(format!("{}/../tests/activities", env!("CARGO_MANIFEST_DIR"))).unwrap() {
        let name = name.unwrap().file_name().into_string().unwrap();
        if name.ends_with(".md") { continue; }
        println!("{name}: {:?}", read_file(&name, &file(&name)));
    }
}
