//! What queries return: plain records with camelCase keys and `null` for missing values,
//! so they survive `JSON.stringify` and `postMessage`. No 64-bit integers.
//!
//! Not for: deciding anything (the queries in `atlas.rs` do that).

use crate::date::{Date, Precision};
use crate::model::{
    Disagreement, EventKind, Form, GroupKind, Level, Motive, NameKind, PairFacts, Term,
};
use crate::status::Status;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct DateView {
    /// As written in the data: `1944`, `2022-03-22`, `1960s`, `before 1989`.
    pub text: String,
    pub precision: Precision,
    /// The first year the date may mean; null when unknown.
    pub year: Option<i32>,
    pub approx: bool,
}

impl From<&Date> for DateView {
    fn from(d: &Date) -> DateView {
        DateView {
            text: d.to_string(),
            precision: d.precision,
            year: d.sort_year(),
            approx: d.approx,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SourceRef {
    pub id: String,
    pub title: String,
    pub url: Option<String>,
    /// Author or publisher, date, where published, identifier, when read.
    pub byline: String,
    /// The whole reference on one line, to cite.
    pub citation: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PlaceSummary {
    pub id: String,
    pub name: String,
    pub level: Level,
    pub country: Option<String>,
    pub country_name: Option<String>,
    pub admin: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub population: Option<u32>,
    /// Links of any status and form, pairings without agreement excluded.
    pub partner_count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct NameView {
    pub name: String,
    pub lang: Option<String>,
    pub kind: NameKind,
    pub since: Option<DateView>,
    pub until: Option<DateView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct HistoricView {
    pub state: String,
    pub state_name: String,
    pub since: Option<DateView>,
    pub until: Option<DateView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct GroupRef {
    pub id: String,
    pub name: String,
    pub kind: GroupKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PlaceView {
    #[serde(flatten)]
    pub summary: PlaceSummary,
    pub names: Vec<NameView>,
    pub historic: Vec<HistoricView>,
    pub description: Option<String>,
    pub wikidata: Option<String>,
    pub coord_source: Option<String>,
    pub groups: Vec<GroupRef>,
    pub sources: Vec<SourceRef>,
    pub seeds: Vec<String>,
}

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

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SourceCount {
    pub source: SourceRef,
    pub count: u32,
}

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
    pub pair: Option<PairFacts>,
    pub disagreements: Vec<Disagreement>,
    pub distance_km: Option<f64>,
    pub sources: Vec<SourceRef>,
    /// Every source cited anywhere in the link (events, pair facts, criteria,
    /// disagreements), resolved, so ids elsewhere in this record can be looked up here.
    pub all_sources: Vec<SourceRef>,
    pub seeds: Vec<String>,
}

/// A place and a count (the most connected places).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PlaceCount {
    pub place: PlaceSummary,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct GroupView {
    pub id: String,
    pub name: String,
    pub kind: GroupKind,
    pub founded: Option<DateView>,
    pub description: Option<String>,
    pub members: Vec<PlaceSummary>,
    /// The sources say there are more members than the atlas lists.
    pub open_ended: bool,
    pub sources: Vec<SourceRef>,
    pub seeds: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct NoteView {
    pub id: String,
    pub title: String,
    pub text: String,
    pub date: Option<DateView>,
    pub places: Vec<PlaceSummary>,
    pub disagreements: Vec<Disagreement>,
    pub sources: Vec<SourceRef>,
    /// Every source cited anywhere in the note (its disagreements too), resolved.
    pub all_sources: Vec<SourceRef>,
    pub seeds: Vec<String>,
}

/// A country of the loaded data, with how much of the data concerns it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct CountryView {
    pub code: String,
    pub name: String,
    /// AF, AN, AS, EU, NA, OC, SA; null for historic states.
    pub continent: Option<String>,
    pub historic: bool,
    pub places: u32,
    /// Links with at least one place in the country (pairings without agreement excluded).
    pub twinnings: u32,
}

/// A source with how many records cite it directly.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SourceView {
    pub id: String,
    pub title: String,
    pub url: Option<String>,
    pub licence: Option<String>,
    pub author: Option<String>,
    /// Date of publication.
    pub date: Option<DateView>,
    pub published_in: Option<String>,
    /// DOI, ISBN or other identifier.
    pub identifier: Option<String>,
    /// When it was read.
    pub accessed: Option<DateView>,
    /// Author or publisher, date, where published, identifier, when read.
    pub byline: String,
    /// The whole reference on one line, to cite.
    pub citation: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct TermView {
    #[serde(flatten)]
    pub term: Term,
    pub source_refs: Vec<SourceRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Count<K> {
    pub key: K,
    pub count: u32,
}

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
    pub by_country: Vec<Count<String>>,
    pub most_connected: Vec<PlaceCount>,
}
