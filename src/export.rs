//! Writing the atlas's data out: our JSON format (lossless: importing it again gives
//! identical data), CSV (one row per link, with both places; the importer recognises its
//! header) and GeoJSON for GIS users (places as Points, links as LineStrings, with their
//! properties; records without a position get a `null` geometry).
//!
//! Not for: reading files (`import/`).

use crate::atlas::Atlas;
use crate::country::countries;
use crate::error::{Error, Result};
use crate::model::{EventKind, Link, Place};
use crate::status::AsOf;
use serde::{Deserialize, Serialize};

/// The format of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// `twinning-atlas/1`, lossless.
    #[default]
    Json,
    Csv,
    Geojson,
}

/// Options of [`Atlas::export`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExportOptions {
    #[serde(default)]
    pub format: ExportFormat,
}

/// The columns of the CSV export.
pub const CSV_HEADER: [&str; 19] = [
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
];

fn num(x: Option<f64>) -> String {
    x.map(|v| v.to_string()).unwrap_or_default()
}

fn since(l: &Link) -> Option<String> {
    l.events
        .iter()
        .find(|e| e.kind == EventKind::Established)
        .map(|e| e.date.to_string())
}

fn until(l: &Link) -> Option<String> {
    l.events
        .iter()
        .rev()
        .find(|e| e.kind == EventKind::Terminated)
        .map(|e| e.date.to_string())
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
        let status = atlas.dates.status_at(l, AsOf::Now).status;
        let status = serde_json::to_value(status)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        w.write_record([
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
            &since(l).unwrap_or_default(),
            &until(l).unwrap_or_default(),
            &status,
            l.term.as_deref().unwrap_or(""),
            &l.sources.join(" "),
        ])
        .map_err(fail)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| Error::invalid("export", e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| Error::invalid("export", e.to_string()))
}

#[derive(Serialize)]
#[serde(tag = "type")]
enum Geometry {
    Point { coordinates: [f64; 2] },
    LineString { coordinates: [[f64; 2]; 2] },
}

#[derive(Serialize)]
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
    sources: &'a [String],
}

#[derive(Serialize)]
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
    since: Option<String>,
    until: Option<String>,
    distance_km: Option<f64>,
    sources: &'a [String],
}

#[derive(Serialize)]
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
                sources: &p.sources,
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
                status: atlas.dates.status_at(l, AsOf::Now).status,
                since: since(l),
                until: until(l),
                distance_km: atlas.link_distance(l),
                sources: &l.sources,
            },
        };
        push(&mut out, serde_json::to_string(&f));
    }
    out.push_str("]}");
    out
}
