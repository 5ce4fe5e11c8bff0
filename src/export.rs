//! Writing the atlas's data out: our JSON format (lossless: importing it again gives
//! identical data), CSV (one row per link, with both places; the importer recognises its
//! header) and GeoJSON for GIS users (places as Points, links as LineStrings, with their
//! properties; records without a position get a `null` geometry). CSV and GeoJSON carry what
//! the page shows of a link: start and end, its status and the date that decided it, every
//! suspension and resumption, its history, and its sources with citations and addresses.
//!
//! Not for: reading files (`import/`).

use crate::atlas::Atlas;
use crate::country::countries;
use crate::error::{Error, Result};
use crate::model::{EventKind, Link, Place};
use crate::status::AsOf;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The format of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// `twinning-atlas/1`, lossless.
    #[default]
    Json,
    Csv,
    Geojson,
}

/// Options of [`Atlas::export`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields = nullable)]
pub struct ExportOptions {
    #[serde(default)]
    #[ts(optional = nullable)]
    pub format: ExportFormat,
}

/// The columns of the CSV export: the first nineteen are the ones the importer reads; the
/// rest carry what the page shows (the status's date, every suspension and resumption with
/// its date, the whole history, and the sources' titles, citations and addresses).
pub const CSV_HEADER: [&str; 24] = [
    "link_id",
    "a_id",
    "a_name",
    "a_country",
    "a_lat",
    "a_lon",
    "a_wikidata",
    "b_id",
    "b_name",
    "b_country",
    "b_lat",
    "b_lon",
    "b_wikidata",
    "form",
    "start",
    "end",
    "status",
    "term",
    "sources",
    "status_date",
    "suspensions",
    "events",
    "source_citations",
    "source_urls",
];

/// A cell a spreadsheet will not run as a formula: text starting with `=`, `+`, `-`, `@`, a
/// tab or a carriage return gets a leading `'` (numbers such as `-33.9` are left alone).
/// The importer takes that `'` off again, so an export imports as it was.
pub fn cell(text: &str) -> Cow<'_, str> {
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && text.parse::<f64>().is_err() {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The text of a cell written by [`cell`]: its leading `'` taken off.
pub fn uncell(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => text,
    }
}

fn num(x: Option<f64>) -> String {
    x.map(|v| v.to_string()).unwrap_or_default()
}

/// What the page shows of a link's life now: when it started, when its present
/// suspension or termination began, the date of the event that decided its status, its
/// suspensions and resumptions, and its whole history; the same rule as the partners view
/// (`crate::status::DateRule::since_until`).
struct Life {
    start: String,
    end: String,
    status: crate::status::Status,
    status_date: String,
    suspensions: String,
    events: Vec<EventOut>,
}

#[derive(Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
struct EventOut {
    kind: &'static str,
    date: String,
    note: Option<String>,
}

fn life(atlas: &Atlas, l: &Link) -> Life {
    let s = atlas.dates.status_at(l, AsOf::Now);
    let (since, until) = atlas.dates.since_until(l, AsOf::Now);
    let mut order: Vec<&crate::model::Event> = l.events.iter().collect();
    order.sort_by(|x, y| crate::status::timeline_order(x, y));
    let suspensions: Vec<String> = order
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Suspended | EventKind::Resumed))
        .map(|e| format!("{} {}", e.kind.as_str(), e.date))
        .collect();
    Life {
        start: since.map(|e| e.date.to_string()).unwrap_or_default(),
        end: until.map(|e| e.date.to_string()).unwrap_or_default(),
        status: s.status,
        status_date: s
            .decided_by
            .and_then(|i| l.events.get(i))
            .map(|e| e.date.to_string())
            .unwrap_or_default(),
        suspensions: suspensions.join("; "),
        events: order
            .iter()
            .map(|e| EventOut {
                kind: e.kind.as_str(),
                date: e.date.to_string(),
                note: e.note.clone().or_else(|| e.reason.clone()),
            })
            .collect(),
    }
}

/// Every source a link cites (its own, then its events'), each once.
fn link_source_ids(l: &Link) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in l
        .sources
        .iter()
        .chain(l.events.iter().flat_map(|e| e.sources.iter()))
    {
        if !out.contains(id) {
            out.push(id.clone());
        }
    }
    out
}

pub(crate) fn export(atlas: &Atlas, options: &ExportOptions) -> Result<String> {
    match options.format {
        ExportFormat::Json => Ok(atlas.dataset().to_json()),
        ExportFormat::Csv => csv(atlas),
        ExportFormat::Geojson => Ok(geojson(atlas)),
    }
}

fn csv(atlas: &Atlas) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| Error::invalid("export", e.to_string());
    w.write_record(CSV_HEADER).map_err(fail)?;
    let empty = |id: &str| Place {
        id: id.to_string(),
        name: id.to_string(),
        level: crate::model::Level::Unknown,
        country: None,
        admin: None,
        names: Vec::new(),
        historic: Vec::new(),
        lat: None,
        lon: None,
        population: None,
        wikidata: None,
        description: None,
        coord_source: None,
        sources: Vec::new(),
        seeds: Vec::new(),
    };
    for l in &atlas.dataset().links {
        let (ea, eb);
        let a = match atlas.get_place(&l.a) {
            Some(p) => p,
            None => {
                ea = empty(&l.a);
                &ea
            }
        };
        let b = match atlas.get_place(&l.b) {
            Some(p) => p,
            None => {
                eb = empty(&l.b);
                &eb
            }
        };
        let life = life(atlas, l);
        let status = life.status.as_str();
        let refs = atlas.sources_view(&link_source_ids(l));
        let citations: Vec<&str> = refs.iter().map(|r| r.citation.as_str()).collect();
        let urls: Vec<&str> = refs.iter().filter_map(|r| r.url.as_deref()).collect();
        let events: Vec<String> = life
            .events
            .iter()
            .map(|e| format!("{} {}", e.kind, e.date))
            .collect();
        let record = [
            l.id.as_str(),
            &a.id,
            &a.name,
            a.country.as_deref().unwrap_or(""),
            &num(a.lat),
            &num(a.lon),
            a.wikidata.as_deref().unwrap_or(""),
            &b.id,
            &b.name,
            b.country.as_deref().unwrap_or(""),
            &num(b.lat),
            &num(b.lon),
            b.wikidata.as_deref().unwrap_or(""),
            l.form.as_str(),
            &life.start,
            &life.end,
            status,
            l.term.as_deref().unwrap_or(""),
            &l.sources.join(" "),
            &life.status_date,
            &life.suspensions,
            &events.join("; "),
            &citations.join(" | "),
            &urls.join(" "),
        ];
        w.write_record(record.iter().map(|c| cell(c).into_owned()))
            .map_err(fail)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| Error::invalid("export", e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| Error::invalid("export", e.to_string()))
}

#[derive(Serialize, ts_rs::TS)]
#[serde(tag = "type")]
enum Geometry {
    Point { coordinates: [f64; 2] },
    LineString { coordinates: [[f64; 2]; 2] },
}

#[derive(Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
struct PlaceProps<'a> {
    kind: &'static str,
    id: &'a str,
    name: &'a str,
    level: &'static str,
    country: Option<&'a str>,
    country_name: Option<&'a str>,
    admin: Option<&'a str>,
    population: Option<u32>,
    wikidata: Option<&'a str>,
    partners: u32,
    sources: Vec<crate::view::SourceRef>,
}

#[derive(Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
struct LinkProps<'a> {
    kind: &'static str,
    id: &'a str,
    a: &'a str,
    b: &'a str,
    a_name: Option<&'a str>,
    b_name: Option<&'a str>,
    form: &'static str,
    status: crate::status::Status,
    /// The date of the event that decided the status.
    status_date: Option<String>,
    since: Option<String>,
    /// When the present suspension or termination began.
    until: Option<String>,
    term: Option<&'a str>,
    events: Vec<EventOut>,
    distance_km: Option<f64>,
    sources: Vec<crate::view::SourceRef>,
}

#[derive(Serialize, ts_rs::TS)]
struct Feature<'a, P> {
    #[serde(rename = "type")]
    kind: &'static str,
    id: &'a str,
    geometry: Option<Geometry>,
    properties: P,
}

/// Streams features straight into the output: no intermediate JSON values.
fn geojson(atlas: &Atlas) -> String {
    let c = countries();
    let d = atlas.dataset();
    let mut out = String::with_capacity(256 * (d.places.len() + d.links.len()) + 64);
    out.push_str("{\"type\":\"FeatureCollection\",\"features\":[");
    let mut first = true;
    let mut push = |out: &mut String, json: serde_json::Result<String>| {
        if let Ok(text) = json {
            if !first {
                out.push(',');
            }
            first = false;
            out.push_str(&text);
        }
    };
    for p in &d.places {
        let geometry = match (p.lat, p.lon) {
            (Some(lat), Some(lon)) => Some(Geometry::Point {
                coordinates: [lon, lat],
            }),
            _ => None,
        };
        let f = Feature {
            kind: "Feature",
            id: &p.id,
            geometry,
            properties: PlaceProps {
                kind: "place",
                id: &p.id,
                name: &p.name,
                level: p.level.as_str(),
                country: p.country.as_deref(),
                country_name: p.country.as_deref().map(|code| c.name(code)),
                admin: p.admin.as_deref(),
                population: p.population,
                wikidata: p.wikidata.as_deref(),
                partners: atlas.degree(&p.id),
                sources: atlas.sources_view(&p.sources),
            },
        };
        push(&mut out, serde_json::to_string(&f));
    }
    for l in &d.links {
        let a = atlas.get_place(&l.a);
        let b = atlas.get_place(&l.b);
        let pos = |p: Option<&Place>| p.and_then(|p| Some([p.lon?, p.lat?]));
        let geometry = match (pos(a), pos(b)) {
            (Some(pa), Some(pb)) => Some(Geometry::LineString {
                coordinates: [pa, pb],
            }),
            _ => None,
        };
        let life = life(atlas, l);
        let f = Feature {
            kind: "Feature",
            id: &l.id,
            geometry,
            properties: LinkProps {
                kind: "link",
                id: &l.id,
                a: &l.a,
                b: &l.b,
                a_name: a.map(|p| p.name.as_str()),
                b_name: b.map(|p| p.name.as_str()),
                form: l.form.as_str(),
                status: life.status,
                status_date: Some(life.status_date).filter(|d| !d.is_empty()),
                since: Some(life.start).filter(|d| !d.is_empty()),
                until: Some(life.end).filter(|d| !d.is_empty()),
                term: l.term.as_deref(),
                events: life.events,
                distance_km: atlas.link_distance(l),
                sources: atlas.sources_view(&link_source_ids(l)),
            },
        };
        push(&mut out, serde_json::to_string(&f));
    }
    out.push_str("]}");
    out
}
