//! Places, groups, notes, countries and glossary terms as `place`, `group`, `notes`, `countries`
//! and `terms` return them, and the short forms other results name things with
//! (`PlaceSummary`, `PlaceRef`, `GroupRef`, `CountryRef`, `NamedCount`).
//!
//! Not for: deciding anything (the queries in `atlas.rs` do that).

use crate::model::{GroupKind, Level, NameKind, Term};
use crate::view::{Count, DateView, DisagreementView, SourceRef};
use serde::Serialize;

/// A place in short, as lists and other records name it: id, name, level, country (with its name),
/// coordinates, population, partner count.
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

/// One name of a place: local, exonym, historic or alias, in a language, over a period.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct NameView {
    pub name: String,
    pub lang: Option<String>,
    pub kind: NameKind,
    pub since: Option<DateView>,
    pub until: Option<DateView>,
}

/// A state a place belonged to in the past, and when.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct HistoricView {
    pub state: String,
    pub state_name: String,
    pub since: Option<DateView>,
    pub until: Option<DateView>,
}

/// A group (network, association) named in a record.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct GroupRef {
    pub id: String,
    pub name: String,
    pub kind: GroupKind,
}

/// What `place` returns: a place in full, with its names, past states, groups and sources.
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

/// What `group` and `groups` return: a group with its members, each in short.
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

/// What `notes` returns: a note (concept, finding, programme, policy) with the places it concerns
/// and its sources resolved.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct NoteView {
    pub id: String,
    pub title: String,
    pub text: String,
    pub date: Option<DateView>,
    pub places: Vec<PlaceSummary>,
    /// Where sources disagree, with the sources resolved.
    pub disagreements: Vec<DisagreementView>,
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
    /// The continent's English name.
    pub continent_name: Option<String>,
    pub historic: bool,
    pub places: u32,
    /// Links with at least one place in the country (pairings without agreement excluded).
    pub twinnings: u32,
}

/// What `terms` returns: a glossary term with its sources resolved.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct TermView {
    #[serde(flatten)]
    pub term: Term,
    pub source_refs: Vec<SourceRef>,
}

/// A place named in a list.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PlaceRef {
    pub id: String,
    pub name: String,
    /// ISO code.
    pub country: Option<String>,
    /// The country's English name (the code itself for a code the atlas does not know).
    pub country_name: Option<String>,
}

impl PlaceRef {
    /// The reference to a place record.
    pub fn of(p: &crate::model::Place) -> PlaceRef {
        PlaceRef {
            id: p.id.clone(),
            name: p.name.clone(),
            country: p.country.clone(),
            country_name: p
                .country
                .as_deref()
                .map(|c| crate::country::countries().name(c).to_string()),
        }
    }
}

/// A country named in a result: its code and its English name.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct CountryRef {
    /// ISO code (or a historic state's code: `SU`, `YU`…).
    pub code: String,
    pub name: String,
}

impl CountryRef {
    /// The country of `code`, named from the country table (the code itself when unknown).
    pub fn of(code: &str) -> CountryRef {
        CountryRef {
            code: code.to_string(),
            name: crate::country::countries().name(code).to_string(),
        }
    }
}

/// A country or a continent and a count (countries reached, top partner countries,
/// continents reached): `key` is the code, as in [`Count`], with its English name beside it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct NamedCount {
    /// ISO country code, or a continent's two letters (`EU`, `AS`…).
    pub key: String,
    pub name: String,
    pub count: u32,
}

impl NamedCount {
    /// A count of countries, each named from the country table.
    pub fn countries(counts: Vec<Count<String>>) -> Vec<NamedCount> {
        let table = crate::country::countries();
        counts
            .into_iter()
            .map(|c| NamedCount {
                name: table.name(&c.key).to_string(),
                key: c.key,
                count: c.count,
            })
            .collect()
    }

    /// A count of continents, each named.
    pub fn continents(counts: Vec<Count<String>>) -> Vec<NamedCount> {
        counts
            .into_iter()
            .map(|c| NamedCount {
                name: crate::country::continent_name(&c.key).to_string(),
                key: c.key,
                count: c.count,
            })
            .collect()
    }
}
