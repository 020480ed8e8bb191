#![cfg(feature = "activity-files")]
//! Any bytes give a reading or a refusal, never a panic; a damaged copy of a real FIT file never
//! gives a distance other than the file's own session distance.

use firststep_core::activity::read_file;
use proptest::prelude::*;

fn file(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/../tests/activities/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 150, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048), ext in prop::sample::select(vec!["a.fit", "a.gpx", "a.tcx", "a.bin"])) {
        let _ = read_file(ext, &bytes);
    }

    #[test]
    fn damaged_real_fit_files_never_give_a_wrong_distance(
        name in prop::sample::select(vec!["hrv-activity.fit", "garmin-fenix-5-bike.fit", "Activity.fit"]),
        cut in 0.0f64..1.0,
        flip in proptest::option::of((0.0f64..1.0, 1u8..=255)),
    ) {
        let original = file(name);
        let truth = read_file(name, &original).unwrap().activities[0].distance_m;
        let mut bytes = original[..((original.len() as f64) * cut) as usize].to_vec();
        if let Some((at, mask)) = flip {
            if !bytes.is_empty() {
                let i = ((bytes.len() as f64) * at) as usize % bytes.len();
                bytes[i] ^= mask;
            }
        }
        if let Ok(reading) = read_file(name, &bytes) {
            for a in reading.activities {
                prop_assert_eq!(a.distance_m, truth, "{} cut to {} bytes", name, bytes.len());
            }
        }
    }

    #[test]
    fn truncated_gpx_and_tcx_never_panic(cut in 0.0f64..1.0) {
        let gpx = file("garmin-activity.gpx");
        let _ = read_file("a.gpx", &gpx[..((gpx.len() as f64) * cut) as usize]);
    }
}
