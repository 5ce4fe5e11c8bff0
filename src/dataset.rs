//! Owned records: reading a dataset document, filling in defaults, and checking that its
//! records agree with each other (ids unique, links between known places, sources cited
//! exist, countries are ISO codes, coordinates on the globe).
//!
//! Not for: indexes or queries (`atlas.rs`), or foreign formats (`import/`).

use crate::country::countries;
use crate::error::{Error, Result};
use crate::hash::FxSet;
use crate::limits;
use crate::model::{Dataset, Level, Link, Place, FORMAT};
use std::borrow::Cow;

/// The curated dataset, compiled in at build time from `data/*.toml` (see `build.rs`).
pub const DEFAULT_DATASET_JSON: &str =
    include_str!(concat!(env!("OUT_DIR"), "/default_dataset.json"));

/// The largest dataset document accepted, in bytes.
pub const MAX_DOCUMENT_BYTES: usize = 256 * 1024 * 1024;

/// A record's name in a problem message, written only when there is a problem (checking a
/// large import must not format a string per record).
struct What<'a>(&'static str, &'a str);

impl std::fmt::Display for What<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {:?}", self.0, self.1)
    }
}

/// Whether `id` is [`Link::pair_id`] of `a` and `b`, without building that string.
fn is_pair_id(id: &str, a: &str, b: &str) -> bool {
    let (x, y) = if a <= b { (a, b) } else { (b, a) };
    id.len() == x.len() + 1 + y.len()
        && id.starts_with(x)
        && id.ends_with(y)
        && id.as_bytes().get(x.len()) == Some(&b'~')
}

impl Dataset {
    /// An empty dataset in the current format.
    pub fn empty() -> Dataset {
        Dataset {
            format: FORMAT.to_string(),
            ..Dataset::default()
        }
    }

    /// The curated default dataset, checked.
    pub fn curated() -> Result<Dataset> {
        Dataset::from_json(DEFAULT_DATASET_JSON, "the curated dataset")
    }

    /// Read a dataset document in our JSON format; `origin` names it in error messages.
    pub fn from_json(text: &str, origin: &str) -> Result<Dataset> {
        if text.len() > MAX_DOCUMENT_BYTES {
            return Err(Error::TooLarge {
                what: origin.to_string(),
                limit: MAX_DOCUMENT_BYTES,
                actual: text.len(),
            });
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // serde reads a struct from an array by position: ["twinning-atlas/1"] would be an
        // empty dataset. A dataset is an object (other non-objects fail to parse).
        if text.trim_start().starts_with('[') {
            return Err(Error::Invalid {
                problems: vec![format!(
                    "{origin} is not a dataset: a twinning-atlas/1 document is a JSON object \
                     ({{\"format\": \"{FORMAT}\", \"places\": […], …}})"
                )],
            });
        }
        let mut data: Dataset = serde_json::from_str(text).map_err(|e| Error::Parse {
            origin: origin.to_string(),
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        if data.format != FORMAT {
            return Err(Error::Format {
                origin: origin.to_string(),
                message: format!("format {:?} is not {FORMAT:?}", data.format),
            });
        }
        data.normalise();
        data.check()?;
        Ok(data)
    }

    /// Write the dataset as a JSON document (pretty-printed, stable field order).
    pub fn to_json(&self) -> String {
        // Serialising our own plain records cannot fail: no maps with non-string keys.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Fill in defaults: link ids, upper-case country codes, trimmed names.
    pub fn normalise(&mut self) {
        // in place: an import normalises tens of thousands of records that are already clean
        for p in &mut self.places {
            if let Some(c) = &mut p.country {
                if c.trim().len() != c.len() {
                    *c = c.trim().to_string();
                }
                c.make_ascii_uppercase();
            }
            if p.name.trim().len() != p.name.len() {
                p.name = p.name.trim().to_string();
            }
        }
        for l in &mut self.links {
            if l.id.is_empty() {
                l.id = Link::pair_id(&l.a, &l.b);
            }
            l.events.sort_by(crate::status::timeline_order);
        }
    }

    /// Every disagreement between records, as messages naming the record; empty when the
    /// dataset is consistent.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let table = countries();
        let sources: FxSet<&str> = self.sources.iter().map(|s| s.id.as_str()).collect();
        let mut seen = FxSet::default();
        for s in &self.sources {
            if !seen.insert(s.id.as_str()) {
                out.push(format!("source {:?} is defined twice", s.id));
            }
        }
        let cite = |what: &dyn std::fmt::Display, list: &[String], out: &mut Vec<String>| {
            for s in list {
                if !sources.contains(s.as_str()) {
                    out.push(format!("{what} cites unknown source {s:?}"));
                }
            }
        };
        let mut places: FxSet<&str> = FxSet::default();
        places.reserve(self.places.len());
        for p in &self.places {
            let what = What("place", &p.id);
            if let Some(why) = limits::id_problem(&p.id) {
                out.push(format!("{what}: {why}"));
            }
            if !places.insert(p.id.as_str()) {
                out.push(format!("{what} is defined twice"));
            }
            if p.name.is_empty() {
                out.push(format!("{what} has no name"));
            } else if let Some(why) = limits::name_problem(&p.name) {
                out.push(format!("{what}: {why}"));
            }
            for n in &p.names {
                if let Some(why) = limits::name_problem(&n.name) {
                    out.push(format!("{what}, other name: {why}"));
                }
            }
            if let Some(pop) = p.population.filter(|&n| n > limits::MAX_POPULATION) {
                out.push(format!(
                    "{what}: population {pop} is more than any place has (at most {})",
                    limits::MAX_POPULATION
                ));
            }
            match (&p.country, p.level.is_imaginary()) {
                (Some(c), _) if !table.is_code(c) => {
                    out.push(format!("{what}: country {c:?} is not an ISO 3166-1 code"))
                }
                // imports may not say the country of a place they know little about
                (None, false) if p.level != crate::model::Level::Unknown => {
                    out.push(format!("{what} has no country"))
                }
                _ => {}
            }
            for h in &p.historic {
                if !table.is_code(&h.state) {
                    out.push(format!("{what}: historic state {:?} is unknown", h.state));
                }
            }
            match (p.lat, p.lon) {
                (Some(lat), Some(lon)) => {
                    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
                        out.push(format!("{what}: coordinates {lat},{lon} are off the globe"));
                    }
                }
                (None, None) => {}
                _ => out.push(format!("{what}: has only one of lat and lon")),
            }
            cite(&what, &p.sources, &mut out);
        }
        let mut links: FxSet<&str> = FxSet::default();
        links.reserve(self.links.len());
        let mut pairs: FxSet<Cow<str>> = FxSet::default();
        pairs.reserve(self.links.len());
        for l in &self.links {
            let what = What("link", &l.id);
            if !links.insert(l.id.as_str()) {
                out.push(format!("{what} is defined twice"));
            }
            // the pair's id: most links carry it as their own id, so no string is built
            let pair = if is_pair_id(&l.id, &l.a, &l.b) {
                Cow::Borrowed(l.id.as_str())
            } else {
                Cow::Owned(Link::pair_id(&l.a, &l.b))
            };
            if !pairs.insert(pair) {
                out.push(format!("{what}: another link joins the same two places"));
            }
            for end in [&l.a, &l.b] {
                if !places.contains(end.as_str()) {
                    out.push(format!("{what} refers to unknown place {end:?}"));
                }
            }
            if l.a == l.b {
                out.push(format!("{what} links a place to itself"));
            }
            cite(&what, &l.sources, &mut out);
            for e in &l.events {
                // the message is formatted only when a source is unknown
                cite(
                    &format_args!("{what}, event {}", e.date),
                    &e.sources,
                    &mut out,
                );
            }
            if let Some(pair) = &l.pair {
                if let Some(why) = pair.distance_km.and_then(limits::distance_problem) {
                    out.push(format!("{what}: {why}"));
                }
                if let Some(s) = &pair.satellite {
                    if s != &l.a && s != &l.b {
                        out.push(format!("{what}: satellite {s:?} is not one of its places"));
                    }
                }
                for c in &pair.criteria {
                    if !matches!(
                        c.criterion.as_str(),
                        "C1" | "C2" | "C3" | "C4" | "C5" | "C6"
                    ) {
                        out.push(format!("{what}: unknown criterion {:?}", c.criterion));
                    }
                    cite(
                        &format_args!("{what}, {}", c.criterion),
                        &c.sources,
                        &mut out,
                    );
                }
            }
            for d in &l.disagreements {
                cite(&format_args!("{what}, disagreement"), &d.sources, &mut out);
                let by = std::slice::from_ref(&d.claimed_by);
                cite(
                    &format_args!("{what}, disagreement claimed by"),
                    by,
                    &mut out,
                );
            }
        }
        let mut groups = FxSet::default();
        for g in &self.groups {
            let what = format!("group {:?}", g.id);
            if !groups.insert(g.id.as_str()) {
                out.push(format!("{what} is defined twice"));
            }
            for m in &g.members {
                if !places.contains(m.as_str()) {
                    out.push(format!("{what} lists unknown member {m:?}"));
                }
            }
            cite(&what, &g.sources, &mut out);
        }
        for t in &self.terms {
            cite(&format!("term {:?}", t.term), &t.sources, &mut out);
        }
        let mut notes = FxSet::default();
        for n in &self.notes {
            let what = format!("note {:?}", n.id);
            if !notes.insert(n.id.as_str()) {
                out.push(format!("{what} is defined twice"));
            }
            for p in &n.places {
                if !places.contains(p.as_str()) {
                    out.push(format!("{what} refers to unknown place {p:?}"));
                }
            }
            cite(&what, &n.sources, &mut out);
            for d in &n.disagreements {
                cite(&format_args!("{what}, disagreement"), &d.sources, &mut out);
                let by = std::slice::from_ref(&d.claimed_by);
                cite(
                    &format_args!("{what}, disagreement claimed by"),
                    by,
                    &mut out,
                );
            }
        }
        out
    }

    /// The check of a dataset made by the importer's builder (`import/build.rs`), which
    /// by construction gives places unique ids, joins only its own places, keeps one link
    /// per pair and cites its one source everywhere: only what it cannot guarantee is
    /// checked here (ids, names, countries and levels, coordinates, self-loops), and
    /// anything wrong falls back to [`Dataset::check`], so the error is the same. Debug
    /// builds (the tests) verify the claim on every import.
    pub(crate) fn check_built(&self) -> Result<()> {
        let table = countries();
        let place_ok = |p: &Place| {
            limits::id_problem(&p.id).is_none()
                && limits::name_problem(&p.name).is_none()
                && p.names
                    .iter()
                    .all(|n| limits::name_problem(&n.name).is_none())
                && p.population.is_none_or(|n| n <= limits::MAX_POPULATION)
                && match &p.country {
                    Some(c) => table.is_code(c),
                    None => p.level.is_imaginary() || p.level == Level::Unknown,
                }
                && p.historic.iter().all(|h| table.is_code(&h.state))
                && match (p.lat, p.lon) {
                    (Some(lat), Some(lon)) => {
                        (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)
                    }
                    (None, None) => true,
                    _ => false,
                }
        };
        let clean = self.places.iter().all(place_ok)
            && self
                .links
                .iter()
                .all(|l| l.a != l.b && l.pair.is_none() && l.disagreements.is_empty())
            && self.groups.is_empty()
            && self.notes.is_empty()
            && self.terms.is_empty();
        if !clean {
            return self.check();
        }
        debug_assert_eq!(self.problems(), Vec::<String>::new());
        Ok(())
    }

    /// `Ok` when [`Dataset::problems`] finds nothing.
    pub fn check(&self) -> Result<()> {
        let mut problems = self.problems();
        // the error keeps the first problems and a count of the rest, not a string per record
        if problems.len() > crate::import::LIST_LIMIT {
            let more = problems.len() - crate::import::LIST_LIMIT;
            problems.truncate(crate::import::LIST_LIMIT);
            problems.push(format!("… and {more} more problems"));
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::Invalid { problems })
        }
    }
}
