//! A place's partners and one link in full (`partners`, `link`, `linkById`): the status at a date
//! with the event that decided it, the history, and every cited source resolved.
//!
//! Not for: the status rule (`status.rs`) or which links count (`atlas.rs`).

use crate::model::{CriterionFact, EventKind, Form, Motive, Origin};
use crate::status::Status;
use crate::view::{Count, DateView, DisagreementView, PlaceRef, PlaceSummary, SourceRef};
use serde::Serialize;

/// A dated event in a link's life (proposed, established, suspended…), with who acted, why, and
/// its sources.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct EventView {
    pub kind: EventKind,
    pub date: DateView,
    pub actor: Option<String>,
    pub reason: Option<String>,
    pub note: Option<String>,
    pub sources: Vec<SourceRef>,
}

/// A link's status at a date, with the event that decided it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct StatusView {
    pub status: Status,
    /// The moment asked for (`null` = now, every event counted).
    pub as_of: Option<DateView>,
    /// The event that decided the status.
    pub decided_by: Option<EventView>,
    /// False when an event's date straddles the moment asked for.
    pub certain: bool,
}

/// One partner of a place, as seen from that place.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PartnerView {
    pub link_id: String,
    pub partner: PlaceSummary,
    pub form: Form,
    pub term: Option<String>,
    pub status: StatusView,
    /// The first `established` event's date, if any.
    pub since: Option<DateView>,
    /// The date of the last suspension or termination, if the link is not in force.
    pub until: Option<DateView>,
    pub motives: Vec<Motive>,
    pub distance_km: Option<f64>,
    pub sources: Vec<SourceRef>,
}

/// What `partners` returns: a place's agreements and pairings at a date, counted by status, with
/// the sources behind them.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PartnersView {
    pub place: PlaceSummary,
    pub as_of: Option<DateView>,
    /// The place's agreements of every form and status (ended ones included), in
    /// `statusOrder`, then by year and name.
    pub partners: Vec<PartnerView>,
    /// How many partners: agreements of any status, ended ones included; the same number as
    /// `partnerCount` in place summaries, search results and statistics. Pairings without an
    /// agreement are not counted.
    pub partner_count: u32,
    /// Pairs recorded without an agreement (a satellite, a shared network): not partners.
    pub pairings: Vec<PartnerView>,
    /// Counts of `partners` by status at `asOf`, in `statusOrder`.
    pub counts: Vec<Count<Status>>,
    /// The order of the statuses, for every list and count that groups by status.
    pub status_order: Vec<Status>,
    /// Where the partners come from and how complete that is.
    pub coverage: Coverage,
}

/// How much a place's partner list rests on dated records, and which sources list it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Coverage {
    /// Partners (agreements) with a recorded history: at least one event decides their status.
    pub with_history: u32,
    /// Partners only listed by a source, with no event: their status is unknown.
    pub listed_only: u32,
    /// For each source that lists any of the partners, how many; most first.
    pub by_source: Vec<SourceCount>,
}

/// A source and how many of a place's partners it lists.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SourceCount {
    pub source: SourceRef,
    pub count: u32,
}

/// What `link` and `linkById` return: one link in full, its history, facts and every source
/// resolved.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct LinkView {
    pub id: String,
    pub a: PlaceSummary,
    pub b: PlaceSummary,
    pub form: Form,
    pub term: Option<String>,
    pub description: Option<String>,
    pub status: StatusView,
    pub events: Vec<EventView>,
    pub motives: Vec<Motive>,
    /// What sources record about the two places as a pair (river, bridge, origin, criteria).
    pub pair: Option<PairFactsView>,
    /// Where sources disagree, with the sources resolved.
    pub disagreements: Vec<DisagreementView>,
    pub distance_km: Option<f64>,
    pub sources: Vec<SourceRef>,
    /// Every source cited anywhere in the link (events, pair facts, criteria,
    /// disagreements), resolved, so ids elsewhere in this record can be looked up here.
    pub all_sources: Vec<SourceRef>,
    pub seeds: Vec<String>,
}

/// The recorded facts of a pair (`model::PairFacts`), with the satellite named and each
/// criterion's sources resolved. Fields a source does not give are null.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PairFactsView {
    /// The river between the two towns, if there is one.
    pub river: Option<String>,
    /// Whether that river is (part of) the border between them.
    pub river_is_border: Option<bool>,
    /// A bridge joins the two across the border.
    pub bridge: Option<bool>,
    pub origin: Option<Origin>,
    /// The place id of the satellite, when a source calls one the other's satellite.
    pub satellite: Option<String>,
    /// That place, named.
    pub satellite_ref: Option<PlaceRef>,
    /// Centre-to-centre distance in km as a source gives it.
    pub distance_km: Option<f64>,
    /// Recorded evidence for the criteria C2, C4, C5 and C6.
    pub criteria: Vec<CriterionFactView>,
}

/// A recorded judgement on one criterion, with its sources resolved (`sources` keeps the
/// ids, `sourceRefs` says who they are).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct CriterionFactView {
    #[serde(flatten)]
    pub fact: CriterionFact,
    pub source_refs: Vec<SourceRef>,
}
