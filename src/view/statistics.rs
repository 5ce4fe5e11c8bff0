//! Counts over the loaded data: `stats` (totals and breakdowns) and `statistics` (waves, endings,
//! distances).
//!
//! Not for: computing them (`atlas.rs`, `statistics.rs`) or `StatisticsOptions`.

use crate::model::{Form, Level};
use crate::status::Status;
use crate::view::{Count, NamedCount, PlaceSummary};
use serde::Serialize;

/// A place and a count (the most connected places).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PlaceCount {
    pub place: PlaceSummary,
    pub count: u32,
}

/// What `stats` returns: totals of the loaded data and breakdowns by level, form, status and
/// country.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    pub places: u32,
    pub links: u32,
    /// Links that are agreements of some form (pairings without agreement excluded).
    pub agreements: u32,
    pub events: u32,
    pub groups: u32,
    pub terms: u32,
    pub notes: u32,
    pub sources: u32,
    pub countries: u32,
    pub places_with_coordinates: u32,
    pub by_level: Vec<Count<Level>>,
    pub by_form: Vec<Count<Form>>,
    pub by_status: Vec<Count<Status>>,
    /// Places by country, each code with its name; most first.
    pub by_country: Vec<NamedCount>,
    pub most_connected: Vec<PlaceCount>,
}

/// Agreements established in one decade.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct DecadeCount {
    /// First year of the decade (1950 for the 1950s).
    pub decade: i32,
    pub count: u32,
}

/// Suspensions and terminations dated in one year.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct YearEndings {
    pub year: i32,
    pub suspended: u32,
    pub terminated: u32,
}

/// The suspensions and terminations of one year, as a wave (2022: after the invasion of Ukraine).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Wave {
    pub year: i32,
    pub suspended: u32,
    pub terminated: u32,
    /// Of those, links with a place in Russia or Belarus.
    pub involving_russia_or_belarus: u32,
    /// Share of all dated suspensions and terminations, 0–1; null when there are none.
    pub share: Option<f64>,
}

/// When agreements ended: suspensions and terminations by year, and the 2022 wave.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct EndingsView {
    pub by_year: Vec<YearEndings>,
    pub undated: u32,
    pub wave_2022: Wave,
    pub statement: String,
}

/// One distance band of a distribution (0–100 km, 100–500 km…).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Band {
    pub from_km: f64,
    /// Null for the last, open band.
    pub to_km: Option<f64>,
    pub count: u32,
    /// 0–1.
    pub share: f64,
}

/// A distribution of distances between partners: quantiles, mean and bands.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Distribution {
    pub count: u32,
    pub min: Option<f64>,
    pub p10: Option<f64>,
    pub p25: Option<f64>,
    pub median: Option<f64>,
    pub p75: Option<f64>,
    pub p90: Option<f64>,
    pub max: Option<f64>,
    pub mean: Option<f64>,
    pub bands: Vec<Band>,
}

/// Whether distance shapes twinning: the observed distances against random pairings of the same
/// places.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct DistanceInfluence {
    pub observed: Distribution,
    /// Random pairings of the same places (each place as often as it has partners).
    pub baseline: Distribution,
    pub seed: u32,
    pub rounds: u32,
    /// Observed median ÷ baseline median; null when either is missing or zero.
    pub median_ratio: Option<f64>,
    /// Two-sample Kolmogorov–Smirnov distance between the two distributions (0–1).
    pub ks_distance: Option<f64>,
    /// Share of partners under 100 km, observed and in the baseline.
    pub near_share_observed: Option<f64>,
    pub near_share_baseline: Option<f64>,
    pub statement: String,
}

/// What `statistics` returns: new agreements per decade, endings, distances and how distance
/// compares with chance.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct StatisticsView {
    /// Agreements (links whose form is not `none`).
    pub agreements: u32,
    /// By the decade of their first `established` event.
    pub new_per_decade: Vec<DecadeCount>,
    /// Agreements without a dated `established` event.
    pub undated: u32,
    pub endings: EndingsView,
    /// Between partners with coordinates.
    pub distances: Distribution,
    /// Agreements where a place has no coordinates.
    pub without_coordinates: u32,
    pub distance_influence: DistanceInfluence,
}
