//! Side-by-side comparisons as `comparePairs`, `comparePlaces` and `compareCountries` return them.
//!
//! Not for: the options and the pair specs (`compare.rs`) or the ranking rule.

use crate::model::{Form, Verdict};
use crate::status::Status;
use crate::view::{
    Classification, Count, CountryRef, DateView, EventView, NamedCount, PlaceRef, PlaceSummary,
};
use serde::Serialize;

/// The founding paper's assessment of a pair, in our words.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PaperNote {
    pub assessment: &'static str,
    /// The checklist row of the founding document.
    pub seed: &'static str,
}

/// The life of a link up to the date asked for.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct CooperationView {
    /// The earliest dated step (proposal, attempt or agreement).
    pub first_step: Option<DateView>,
    /// The first `established` event.
    pub first_agreement: Option<DateView>,
    /// Start of the current period in force; null when not in force.
    pub in_force_since: Option<DateView>,
    /// The suspension or termination that ended it, if it is not in force.
    pub ended: Option<DateView>,
    /// Events up to the date asked for.
    pub events: Vec<EventView>,
}

/// The verdicts at the earlier date.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Snapshot {
    pub as_of: DateView,
    pub status: Status,
    pub twin_cities: Verdict,
    pub criteria_held: u32,
}

/// One pair of a pairs comparison: its classification, its cooperation's history, what changed
/// since the earlier date, and its rank.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PairRow {
    pub label: String,
    /// The ids compared (as resolved for a preset).
    pub a: Option<String>,
    pub b: Option<String>,
    /// Places of the request the data does not hold.
    pub missing: Vec<String>,
    pub classification: Option<Classification>,
    pub criteria_held: u32,
    pub cooperation: Option<CooperationView>,
    /// The verdicts at `since`, when asked for.
    pub then: Option<Snapshot>,
    /// Events after `since` up to the date asked for.
    pub since_then: Vec<EventView>,
    /// Whether the status or the verdict changed since `since`, or events happened.
    pub changed: bool,
    pub paper: Option<PaperNote>,
    /// Order in the comparison: 1 = first (see `ranking`).
    pub rank: Option<u32>,
}

/// What `comparePairs` returns: the pairs in the order asked, and their ranking.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ComparePairsView {
    pub preset: Option<String>,
    pub as_of: Option<DateView>,
    pub since: Option<DateView>,
    pub pairs: Vec<PairRow>,
    /// Pair labels in order: twin cities first, then in force, then longest in force, then
    /// most criteria held.
    pub ranking: Vec<String>,
    pub ranking_rule: &'static str,
}

/// A dated twinning with the partner it made (a place's first or latest).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Dated {
    pub date: DateView,
    pub partner: PlaceRef,
}

/// A partner and its distance (a place's nearest or farthest).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct FarNear {
    pub partner: PlaceRef,
    pub distance_km: f64,
}

/// One place of a places comparison: its partners by status, the countries and continents they are
/// in, its first and latest twinning, distances.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PlaceProfile {
    pub place: PlaceSummary,
    /// Agreements of any status.
    pub partners: u32,
    pub active: Vec<PlaceRef>,
    /// Suspended or terminated at the date.
    pub ended: Vec<PlaceRef>,
    /// Proposed, attempted or of unknown status.
    pub other: Vec<PlaceRef>,
    /// Countries of its partners, with how many; most first.
    pub countries: Vec<NamedCount>,
    /// Continents of its partners (`EU`, `AS`… with their names), with how many.
    pub continents: Vec<NamedCount>,
    pub first_twinning: Option<Dated>,
    pub latest_twinning: Option<Dated>,
    pub median_distance_km: Option<f64>,
    pub nearest: Option<FarNear>,
    pub farthest: Option<FarNear>,
}

/// A partner that two or more of the compared places share.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SharedPartner {
    pub partner: PlaceRef,
    /// Ids of the compared places it is a partner of.
    pub of: Vec<String>,
    /// The same places, named.
    pub of_refs: Vec<PlaceRef>,
}

/// Two of the compared places: their distance and the link between them, if any.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Between {
    /// Ids of the two compared places.
    pub a: String,
    pub b: String,
    /// The same places, named.
    pub a_ref: PlaceRef,
    pub b_ref: PlaceRef,
    pub distance_km: Option<f64>,
    /// The link between the two, if any.
    pub link_id: Option<String>,
    pub status: Option<Status>,
}

/// What `comparePlaces` returns: each place's profile, the partners and countries they share, and
/// each two of them.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ComparePlacesView {
    pub as_of: Option<DateView>,
    pub places: Vec<PlaceProfile>,
    pub shared_partners: Vec<SharedPartner>,
    /// Countries of partners that every compared place reaches.
    pub countries_in_common: Vec<String>,
    /// The same countries, named.
    pub countries_in_common_refs: Vec<CountryRef>,
    pub between: Vec<Between>,
}

/// One country of a countries comparison: its places and twinnings, by status and form, the words
/// in use, its top partner countries.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct CountryProfile {
    pub code: String,
    pub name: String,
    /// AF, AN, AS, EU, NA, OC, SA; null for historic states.
    pub continent: Option<String>,
    /// The continent's English name.
    pub continent_name: Option<String>,
    /// Places of this country in the data.
    pub places: u32,
    /// Agreements with at least one place in this country.
    pub twinnings: u32,
    pub international: u32,
    pub domestic: u32,
    pub by_status: Vec<Count<Status>>,
    pub by_form: Vec<Count<Form>>,
    /// The words its links use ("Partnerstadt", "sister city").
    pub terms: Vec<Count<String>>,
    /// Glossary entries used in this country.
    pub glossary: Vec<String>,
    /// The countries its places are twinned with most, named; at most ten.
    pub top_partner_countries: Vec<NamedCount>,
    pub first_twinning: Option<DateView>,
    pub first_twinning_link: Option<String>,
}

/// Two of the compared countries and the agreements between their places.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct CountryPair {
    /// Codes of the two countries.
    pub a: String,
    pub b: String,
    /// The same countries, named.
    pub a_ref: CountryRef,
    pub b_ref: CountryRef,
    pub twinnings: u32,
}

/// What `compareCountries` returns: each country's profile and the twinnings between them.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct CompareCountriesView {
    pub as_of: Option<DateView>,
    pub countries: Vec<CountryProfile>,
    /// Agreements between each two of the compared countries.
    pub between: Vec<CountryPair>,
}
