//! Distance and moving time from a track's points (GPX, TCX, FIT records without a summary).

/// Mean Earth radius (m), the IUGG value haversine distances use.
const EARTH_RADIUS_M: f64 = 6_371_008.8;
/// design choice: a step slower than this (m/s) is standing still (GPS drift at a crossing), and a
/// gap longer than this (s) is a pause; neither counts as moving time.
const MOVING_MIN_SPEED: f64 = 0.5;
const MOVING_MAX_GAP_S: f64 = 60.0;

/// One point of a track.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrackPoint {
    pub lat: f64,
    pub lon: f64,
    /// Milliseconds since the Unix epoch; `None` in routes and planned tracks.
    pub time_ms: Option<i64>,
}

/// What a track adds up to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrackSummary {
    pub distance_m: f64,
    pub start_ms: i64,
    pub elapsed_s: f64,
    pub moving_s: f64,
}

/// Great-circle distance between two points in metres.
pub fn haversine_m(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (lat1, lon1) = (a.0.to_radians(), a.1.to_radians());
    let (lat2, lon2) = (b.0.to_radians(), b.1.to_radians());
    let h = ((lat2 - lat1) / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * ((lon2 - lon1) / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * h.sqrt().min(1.0).asin()
}

fn valid(p: &TrackPoint) -> bool {
    p.lat.is_finite() && p.lon.is_finite() && (-90.0..=90.0).contains(&p.lat) && (-180.0..=180.0).contains(&p.lon)
}

/// Sums a track; `None` when it has no timed point (a route or a planned track is not an activity).
/// Points with impossible coordinates are left out; segments are summed separately (no distance
/// across the gap between two segments).
pub fn summarize_track(segments: &[Vec<TrackPoint>]) -> Option<TrackSummary> {
    let mut distance_m = 0.0;
    let mut moving_s = 0.0;
    let (mut first, mut last): (Option<i64>, Option<i64>) = (None, None);
    for segment in segments {
        let points: Vec<&TrackPoint> = segment.iter().filter(|p| valid(p)).collect();
        for p in &points {
            if let Some(t) = p.time_ms {
                first = Some(first.map_or(t, |f| f.min(t)));
                last = Some(last.map_or(t, |l| l.max(t)));
            }
        }
        for pair in points.windows(2) {
            let step = haversine_m((pair[0].lat, pair[0].lon), (pair[1].lat, pair[1].lon));
            distance_m += step;
            if let (Some(t0), Some(t1)) = (pair[0].time_ms, pair[1].time_ms) {
                let dt = (t1 - t0) as f64 / 1000.0;
                if dt > 0.0 && dt <= MOVING_MAX_GAP_S && step / dt >= MOVING_MIN_SPEED {
                    moving_s += dt;
                }
            }
        }
    }
    let (start, end) = (first?, last?);
    Some(TrackSummary { distance_m, start_ms: start, elapsed_s: (end - start) as f64 / 1000.0, moving_s })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_degree_of_latitude_is_about_111_km() {
        let d = haversine_m((0.0, 0.0), (1.0, 0.0));
        assert!((d - 111_195.0).abs() < 10.0, "{d}");
    }

    #[test]
    fn a_route_without_times_is_not_summarized() {
        let seg = vec![TrackPoint { lat: 0.0, lon: 0.0, time_ms: None }, TrackPoint { lat: 0.01, lon: 0.0, time_ms: None }];
        assert_eq!(summarize_track(&[seg]), None);
    }

    #[test]
    fn pauses_and_standing_still_are_not_moving_time() {
        let p = |lat: f64, s: i64| TrackPoint { lat, lon: 0.0, time_ms: Some(s * 1000) };
        // 10 s running ~28 m, 30 s standing, then a 5-minute pause and 10 s more running.
        let seg = vec![p(0.0, 0), p(0.00025, 10), p(0.00025, 40), p(0.0005, 340), p(0.00075, 350)];
        let s = summarize_track(&[seg]).unwrap();
        assert_eq!(s.elapsed_s, 350.0);
        assert_eq!(s.moving_s, 20.0);
        assert!((s.distance_m - 83.4).abs() < 0.5, "{}", s.distance_m);
    }
}
