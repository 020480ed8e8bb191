//! What every replay of `tests/scenarios` needs: where the vignettes are and the replay's clock.

use std::path::PathBuf;

use firststep_core::api::Moment;
use jiff::civil::Date;

pub fn scenarios_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/scenarios")
}

/// 08:00 UTC on `date`: the replay's "now" for that day.
pub fn morning(date: &str) -> Moment {
    let d: Date = date.parse().expect("scenario date");
    let ts = d.at(8, 0, 0, 0).to_zoned_datetime(jiff::tz::TimeZone::UTC).expect("in range").timestamp();
    Moment { instant_ms: ts.as_millisecond(), time_zone: "UTC".into() }
}
