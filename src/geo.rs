//! Distances on the globe.
//!
//! Not for: projections or map drawing (the page does that).

/// Mean Earth radius in km.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Great-circle distance between two WGS84 points, in km.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// Distance between two optional positions, rounded to 0.1 km.
pub fn distance_km(a: (Option<f64>, Option<f64>), b: (Option<f64>, Option<f64>)) -> Option<f64> {
    match (a, b) {
        ((Some(la), Some(oa)), (Some(lb), Some(ob))) => {
            Some((haversine_km(la, oa, lb, ob) * 10.0).round() / 10.0)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_coventry_to_volgograd() {
        let d = haversine_km(52.41, -1.51, 48.72, 44.50);
        assert!((d - 3220.0).abs() < 15.0, "{d}");
    }

    #[test]
    fn is_zero_for_the_same_point() {
        assert_eq!(haversine_km(10.0, 10.0, 10.0, 10.0), 0.0);
    }
}
