//! Rows to places and links, with the cleaning reported: the format readers hand over one
//! [`RowIn`] per data row ("place A lists place B as its partner"); the builder resolves
//! the two places (a Wikidata id; or the name, folded, in its country, where the position
//! agrees), rejects junk names and self-loops, merges duplicate statements, joins the two
//! directions of a pair into one link with both as evidence, counts one-way statements,
//! and flags suspicious coordinates.
//!
//! Not for: reading files (`table.rs` …) or matching onto existing data (`merge.rs`).

use super::normalise::{self, country_code, junk_reason, level_from_folded, split_qualified};
use crate::date::Date;
use crate::error::Result;
use crate::geo::haversine_km;
use crate::model::{
    Dataset, Event, EventKind, Form, Level, Link, NameKind, Place, PlaceName, Source, FORMAT,
};
use crate::text::{fold, slug, slug_of_folded, Folder};
use crate::view::{DuplicateRow, Flag, FlagKind, ImportReport, OneWay, Unresolved};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};

pub(crate) use crate::hash::{Fx, FxMap};

/// Two spellings of a name in one country are one place when their positions are this close.
pub(crate) const SAME_PLACE_KM: f64 = 30.0;
/// A cross-border pair with the same name closer than this was geocoded twice.
const HOMONYM_KM: f64 = 1.0;
/// A coordinate given to this many differently named places is a fallback point.
const SHARED_POINT_PLACES: usize = 3;

/// One side of a row as the file gives it.
#[derive(Debug, Default, Clone)]
pub(crate) struct SideIn {
    pub name: String,
    /// The name came from an entity column (a label column may still replace it).
    pub name_from_entity: bool,
    pub qid: Option<String>,
    pub country: Option<&'static str>,
    /// The country text as written, when it named no country.
    pub country_raw: Option<String>,
    pub admin: Option<String>,
    /// Another name the file gives (a geocoder's label, an English name).
    pub alt_name: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub population: Option<u32>,
    pub level: Option<Level>,
    /// The article a wiki link in the name cell pointed to (`Cork (city)`).
    pub title: Option<String>,
    /// The country a flag template in a cell named.
    pub flag: Option<String>,
    /// The name was a disambiguated title whose hint gave the country: a namesake of the
    /// place that lists it ("Walldorf, Thuringia" listed by Walldorf).
    pub qualified: bool,
    /// The country cell as written (for the report of historic states).
    pub country_text: Option<String>,
}

/// One data row: A states B as its partner.
#[derive(Debug, Clone)]
pub(crate) struct RowIn<'a> {
    pub row: u32,
    pub line: u32,
    pub a: SideIn,
    pub b: SideIn,
    pub form: Form,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub end_cause: Option<String>,
    pub raw: Cow<'a, str>,
    /// A hash of the values read (not of ignored columns such as a row index): equal for
    /// rows written identically.
    pub hash: u64,
}

struct PlaceAcc {
    /// Its name is the name as first written (the builder never renames a place).
    place: Place,
    first_row: u32,
}

struct LinkAcc {
    a: u32,
    b: u32,
    /// Rows of the statements A→B and B→A (first of each): a statement is known when its
    /// row is set.
    ab: Option<u32>,
    ba: Option<u32>,
    /// Hashes of the values of those rows (to tell exact duplicates).
    ab_hash: u64,
    ba_hash: u64,
    form: Form,
    events: Vec<Event>,
}

/// Places under one key, in the order they were added: most keys have one, which needs no
/// allocation of its own.
#[derive(Default)]
struct Ids {
    head: Option<u32>,
    rest: Vec<u32>,
}

impl Ids {
    fn push(&mut self, i: u32) {
        if self.head.is_none() {
            self.head = Some(i);
        } else {
            self.rest.push(i);
        }
    }

    fn iter(&self) -> impl Iterator<Item = &u32> + '_ {
        self.head.iter().chain(self.rest.iter())
    }

    fn first(&self) -> Option<&u32> {
        self.head.as_ref()
    }
}

pub(crate) struct Builder {
    source: String,
    title: String,
    labels: HashMap<String, String>,
    places: Vec<PlaceAcc>,
    by_qid: FxMap<String, u32>,
    /// "CC\u{1}folded name" → places (CC empty when unknown).
    by_key: FxMap<String, Ids>,
    /// "CC\u{1}name as written" → places: the fast path for a spelling seen before.
    exact: FxMap<String, Ids>,
    /// folded name → places that have a country (for partners written without one).
    by_name: FxMap<String, Ids>,
    fold_cache: FxMap<String, String>,
    folder: Folder,
    country_cache: FxMap<String, Option<(&'static str, Option<String>)>>,
    unresolved: BTreeMap<String, u32>,
    /// Distinct statements so far.
    statements: u32,
    links: Vec<LinkAcc>,
    link_ix: FxMap<(u32, u32), u32>,
    deferred: Vec<RowIn<'static>>,
    ambiguous: BTreeMap<String, Vec<u32>>,
    key_buf: String,
    /// Country texts naming historic states: (state, code, rows).
    historic: BTreeMap<String, (String, Option<String>, u32)>,
}

pub(crate) fn hash_raw(raw: &str) -> u64 {
    let mut h = Fx::default();
    raw.trim().hash(&mut h);
    h.finish()
}

fn agree(a: (Option<f64>, Option<f64>), b: (Option<f64>, Option<f64>)) -> Option<bool> {
    match (a, b) {
        ((Some(la), Some(oa)), (Some(lb), Some(ob))) => {
            Some(haversine_km(la, oa, lb, ob) <= SAME_PLACE_KM)
        }
        _ => None,
    }
}

impl Builder {
    pub(crate) fn new(
        source_name: &str,
        labels: Option<&str>,
        report: &mut ImportReport,
    ) -> Result<Builder> {
        let mut id = slug(source_name);
        if id.is_empty() {
            id = "file".into();
        }
        id.truncate(60);
        let source = format!("import-{}", id.trim_end_matches('-'));
        report.source = source.clone();
        let mut b = Builder {
            source,
            title: source_name.to_string(),
            labels: HashMap::new(),
            places: Vec::new(),
            by_qid: FxMap::default(),
            by_key: FxMap::default(),
            by_name: FxMap::default(),
            exact: FxMap::default(),
            fold_cache: FxMap::default(),
            folder: Folder::default(),
            country_cache: FxMap::default(),
            unresolved: BTreeMap::new(),
            statements: 0,
            links: Vec::new(),
            link_ix: FxMap::default(),
            deferred: Vec::new(),
            ambiguous: BTreeMap::new(),
            key_buf: String::new(),
            historic: BTreeMap::new(),
        };
        if let Some(text) = labels {
            for (i, line) in text.lines().enumerate() {
                let line = line.trim_start_matches('\u{feff}');
                if line.trim().is_empty() {
                    continue;
                }
                match line.split_once('\t') {
                    Some((q, label)) if normalise::qid(q).is_some() && !label.trim().is_empty() => {
                        b.labels
                            .insert(q.trim().to_string(), label.trim().to_string());
                    }
                    _ => report.warn(
                        Some(i as u32 + 1),
                        Some(1),
                        "labels: expected a Wikidata id, a tab and a label; line skipped",
                    ),
                }
            }
        }
        Ok(b)
    }

    /// Size the maps for a table of `bytes` bytes, so that they do not grow (and rehash
    /// every key) again and again: a pair list has about 70 bytes a row and two places
    /// for every three rows.
    pub(crate) fn reserve_for(&mut self, bytes: usize) {
        const RESERVE_ROWS: usize = 100_000;
        // a guess from the size, capped: a large file of junk must not reserve room for
        // millions of places it will never hold (the vectors grow when real rows need it)
        let rows = (bytes / 70).min(RESERVE_ROWS);
        let places = rows * 2 / 3;
        self.places.reserve(places);
        self.fold_cache.reserve(places);
        self.exact.reserve(places);
        self.by_key.reserve(places);
        self.by_name.reserve(places);
        self.links.reserve(rows);
        self.link_ix.reserve(rows);
    }

    /// A place known only by its Wikidata id and a label (a `wikidata_labels` file).
    pub(crate) fn labelled_place(&mut self, qid: &str, label: &str, row: u32) {
        let side = SideIn {
            name: label.to_string(),
            qid: Some(qid.to_string()),
            ..SideIn::default()
        };
        self.resolve(&side, row, true, None);
    }

    /// A country from a country column, cached by its text.
    pub(crate) fn country(&mut self, raw: &str) -> Option<(&'static str, Option<String>)> {
        if let Some(hit) = self.country_cache.get(raw) {
            return hit.clone();
        }
        let found = country_code(raw).map(|(c, admin)| (c, admin.map(str::to_string)));
        self.country_cache.insert(raw.to_string(), found.clone());
        found
    }

    fn folded(&mut self, name: &str) -> String {
        fold_cached(&mut self.fold_cache, &mut self.folder, name).to_string()
    }

    /// Add one data row.
    pub(crate) fn add(&mut self, mut row: RowIn<'_>, report: &mut ImportReport) {
        report.rows_read += 1;
        for side in [&mut row.a, &mut row.b] {
            if side.name.trim().len() != side.name.len() {
                side.name = side.name.trim().to_string();
            }
            if disambiguate(side) {
                report.cleaning.disambiguations += 1;
            }
            // a region of one country only ("Veneto", "Bayern") tells the country
            if side.country.is_none() && side.country_raw.is_none() && side.qid.is_none() {
                if let Some(cc) = side
                    .admin
                    .as_deref()
                    .and_then(normalise::subdivision_country)
                {
                    side.country = Some(cc);
                }
            }
            if let Some(q) = &side.qid {
                if side.name.is_empty() || side.name_from_entity || side.name == *q {
                    if let Some(l) = self.labels.get(q) {
                        side.name = l.clone();
                    } else if side.name.is_empty() {
                        side.name = q.clone();
                    }
                }
            }
            if let Some(cc) = side.country {
                if let Some(c) = crate::country::countries().get(cc).filter(|c| c.historic) {
                    let text = side
                        .country_text
                        .clone()
                        .unwrap_or_else(|| c.name.to_string());
                    let e = self
                        .historic
                        .entry(text)
                        .or_insert_with(|| (c.name.to_string(), Some(cc.to_string()), 0));
                    e.2 += 1;
                }
            }
            if side.country.is_none() {
                if let Some(raw) = side.country_raw.as_deref().filter(|r| !r.trim().is_empty()) {
                    if let Some(state) = normalise::historic_state(raw) {
                        let e = self
                            .historic
                            .entry(raw.trim().to_string())
                            .or_insert_with(|| (state.to_string(), None, 0));
                        e.2 += 1;
                    } else {
                        *self.unresolved.entry(raw.trim().to_string()).or_default() += 1;
                    }
                }
            }
        }
        for (which, side) in [("place", &row.a), ("partner", &row.b)] {
            if let Some(reason) = junk_reason(&side.name) {
                let reason = if side.name.trim().is_empty() {
                    format!("the {which} has no name")
                } else {
                    format!("the {which} name is not a place: {reason}")
                };
                report.reject(row.row, row.line, reason, &row.raw);
                return;
            }
        }
        let Some(a) = self.resolve(&row.a, row.row, false, None) else {
            self.deferred.push(into_static(row));
            return;
        };
        let Some(b) = self.resolve(&row.b, row.row, false, Some(a)) else {
            self.deferred.push(into_static(row));
            return;
        };
        self.record(a, b, &row, report);
    }

    /// The place a side names, creating it if new. `None` when the side has no country
    /// and no id and `last_pass` is false (it is resolved once every row is read).
    fn resolve(
        &mut self,
        side: &SideIn,
        row: u32,
        last_pass: bool,
        not: Option<u32>,
    ) -> Option<u32> {
        if let Some(q) = &side.qid {
            if let Some(&i) = self.by_qid.get(q) {
                self.enrich(i, side);
                return Some(i);
            }
            let i = self.create(side, side.country, row);
            self.by_qid.insert(q.clone(), i);
            return Some(i);
        }
        if let Some(cc) = side.country {
            let not = if side.qualified { not } else { None };
            return Some(self.by_country(&side.name, cc, side, row, not));
        }
        // "Gering, Nebraska", "Córdoba, Andalusia": a Wikipedia title tells the country
        if let Some((head, cc, qualifier)) = split_qualified(&side.name) {
            let mut s = side.clone();
            s.name = head.to_string();
            if s.admin.is_none() && countries_code_of(qualifier) != Some(cc) {
                s.admin = Some(qualifier.to_string());
            }
            s.country = Some(cc);
            // the same title in a row that gave its country ("Newmarket, Suffolk" in the
            // British column of the UK list, "Gering, Nebraska" as a page of pnadel's list):
            // that place, whichever row comes first
            self.key_buf.clear();
            self.key_buf.push_str(cc);
            self.key_buf.push('\u{1}');
            self.key_buf.push_str(&side.name);
            let titled = self
                .exact
                .get(self.key_buf.as_str())
                .and_then(|v| v.iter().copied().find(|&i| Some(i) != not));
            if let Some(i) = titled {
                self.enrich(i, side);
                return Some(i);
            }
            if !last_pass {
                return None;
            }
            // "Walldorf, Thuringia" listed by Walldorf: a namesake, not the place itself
            return Some(self.by_country(head, cc, &s, row, not));
        }
        if !last_pass {
            return None;
        }
        let folded = self.folded(&side.name);
        // "Town, Qualifier" whose qualifier we cannot place: only a place of that name
        // whose admin is the qualifier (never Córdoba in Argentina for "Córdoba, Andalusia")
        let qualified = side
            .name
            .rsplit_once(',')
            .map(|(h, q)| (fold(h), fold(q)))
            .filter(|(h, q)| !h.is_empty() && !q.is_empty());
        if let Some((head, qualifier)) = &qualified {
            let found = self.by_name.get(head).and_then(|c| {
                c.iter().copied().find(|&i| {
                    Some(i) != not
                        && self.places.get(i as usize).is_some_and(|p| {
                            p.place.admin.as_deref().map(fold).as_deref()
                                == Some(qualifier.as_str())
                        })
                })
            });
            if let Some(i) = found {
                self.enrich(i, side);
                return Some(i);
            }
        }
        for key in [Some(&folded)].into_iter().flatten() {
            if let Some(c) = self.by_name.get(key) {
                let agreeing: Vec<u32> = c
                    .iter()
                    .copied()
                    .filter(|&i| Some(i) != not)
                    .filter(|&i| {
                        self.places
                            .get(i as usize)
                            .and_then(|p| agree((p.place.lat, p.place.lon), (side.lat, side.lon)))
                            .unwrap_or(true)
                    })
                    .collect();
                match agreeing.as_slice() {
                    [one] => {
                        let one = *one;
                        self.enrich(one, side);
                        return Some(one);
                    }
                    [] => {}
                    _ => {
                        self.ambiguous
                            .entry(side.name.clone())
                            .or_default()
                            .push(row);
                        break;
                    }
                }
            }
        }
        // no country known: one place per name
        self.key_buf.clear();
        self.key_buf.push('\u{1}');
        self.key_buf.push_str(&folded);
        if let Some(&i) = self
            .by_key
            .get(self.key_buf.as_str())
            .and_then(|v| v.first())
        {
            self.enrich(i, side);
            return Some(i);
        }
        let key = self.key_buf.clone();
        let i = self.create(side, None, row);
        self.by_key.entry(key).or_default().push(i);
        Some(i)
    }

    fn by_country(
        &mut self,
        name: &str,
        cc: &'static str,
        side: &SideIn,
        row: u32,
        not: Option<u32>,
    ) -> u32 {
        self.key_buf.clear();
        self.key_buf.push_str(cc);
        self.key_buf.push('\u{1}');
        self.key_buf.push_str(name);
        let hit = self.exact.get(self.key_buf.as_str()).and_then(|v| {
            v.iter().copied().filter(|&i| Some(i) != not).find(|&i| {
                self.places.get(i as usize).is_some_and(|p| {
                    agree((p.place.lat, p.place.lon), (side.lat, side.lon)) != Some(false)
                })
            })
        });
        if let Some(i) = hit {
            self.enrich(i, side);
            return i;
        }
        let exact_key = self.key_buf.clone();
        let i = self.by_folded_name(name, cc, side, row, not);
        self.exact.entry(exact_key).or_default().push(i);
        i
    }

    fn by_folded_name(
        &mut self,
        name: &str,
        cc: &'static str,
        side: &SideIn,
        row: u32,
        not: Option<u32>,
    ) -> u32 {
        let folded = self.folded(name);
        self.key_buf.clear();
        self.key_buf.push_str(cc);
        self.key_buf.push('\u{1}');
        self.key_buf.push_str(&folded);
        let mut found = None;
        if let Some(cands) = self.by_key.get(self.key_buf.as_str()) {
            // the same spelling in the same country is the same place in one file unless
            // the positions disagree (two Falkensteins); another spelling (Münster /
            // Munster) only where the positions agree
            found = cands
                .iter()
                .copied()
                .filter(|&i| Some(i) != not)
                .find(|&i| {
                    self.places.get(i as usize).is_some_and(|p| {
                        p.place.name == name
                            && agree((p.place.lat, p.place.lon), (side.lat, side.lon))
                                != Some(false)
                    })
                })
                .or_else(|| {
                    cands
                        .iter()
                        .copied()
                        .filter(|&i| Some(i) != not)
                        .find(|&i| {
                            self.places
                                .get(i as usize)
                                .and_then(|p| {
                                    agree((p.place.lat, p.place.lon), (side.lat, side.lon))
                                })
                                .unwrap_or(false)
                        })
                });
        }
        if let Some(i) = found {
            self.enrich(i, side);
            return i;
        }
        let key = self.key_buf.clone();
        let mut s = Cow::Borrowed(side);
        if s.name != name {
            s.to_mut().name = name.to_string();
        }
        let i = self.create(&s, Some(cc), row);
        self.by_key.entry(key).or_default().push(i);
        self.by_name.entry(folded).or_default().push(i);
        i
    }

    fn create(&mut self, side: &SideIn, country: Option<&'static str>, row: u32) -> u32 {
        let i = self.places.len() as u32;
        let level = side
            .level
            .filter(|l| *l != Level::Unknown)
            .unwrap_or_else(|| {
                level_from_folded(fold_cached(
                    &mut self.fold_cache,
                    &mut self.folder,
                    &side.name,
                ))
            });
        // a place whose country the file does not tell stays "unknown" (see dataset.rs)
        let level = if country.is_none() {
            Level::Unknown
        } else {
            level
        };
        let mut place = Place {
            id: String::new(),
            name: side.name.clone(),
            level,
            country: country.map(str::to_string),
            admin: side.admin.clone(),
            names: Vec::new(),
            historic: Vec::new(),
            lat: side.lat,
            lon: side.lon,
            population: side.population,
            wikidata: side.qid.clone(),
            description: None,
            coord_source: None,
            sources: vec![self.source.clone()],
            seeds: Vec::new(),
        };
        add_alt(&mut place, side.alt_name.as_deref());
        self.places.push(PlaceAcc {
            place,
            first_row: row,
        });
        i
    }

    /// Fill in what a later row knows and the first did not.
    fn enrich(&mut self, i: u32, side: &SideIn) {
        let Some(acc) = self.places.get_mut(i as usize) else {
            return;
        };
        let p = &mut acc.place;
        if p.lat.is_none() {
            p.lat = side.lat;
            p.lon = side.lon;
        }
        if p.population.is_none() {
            p.population = side.population;
        }
        if p.admin.is_none() {
            p.admin.clone_from(&side.admin);
        }
        if p.level == Level::Unknown && (p.country.is_some() || p.wikidata.is_some()) {
            if let Some(l) = side.level {
                p.level = l;
            }
        }
        if p.wikidata.is_none() {
            p.wikidata.clone_from(&side.qid);
        }
        if !side.name.is_empty() && side.name != p.name {
            add_alt(p, Some(&side.name));
        }
        add_alt(p, side.alt_name.as_deref());
    }

    fn record(&mut self, a: u32, b: u32, row: &RowIn<'_>, report: &mut ImportReport) {
        if a == b {
            let name = self
                .places
                .get(a as usize)
                .map(|p| p.place.name.clone())
                .unwrap_or_default();
            report.reject(
                row.row,
                row.line,
                format!("self-loop: {name:?} is listed as its own partner"),
                &row.raw,
            );
            return;
        }
        let hash = if row.hash != 0 {
            row.hash
        } else {
            hash_raw(&row.raw)
        };
        let key = (a.min(b), a.max(b));
        // one map for both directions: the link of the pair holds the first row of each
        let li = match self.link_ix.get(&key) {
            Some(&li) => li,
            None => {
                let li = self.links.len() as u32;
                self.links.push(LinkAcc {
                    a,
                    b,
                    ab: None,
                    ba: None,
                    ab_hash: 0,
                    ba_hash: 0,
                    form: Form::Unspecified,
                    events: Vec::new(),
                });
                self.link_ix.insert(key, li);
                li
            }
        };
        if let Some(l) = self.links.get_mut(li as usize) {
            let (first, first_hash) = if l.a == a {
                (&mut l.ab, &mut l.ab_hash)
            } else {
                (&mut l.ba, &mut l.ba_hash)
            };
            match *first {
                Some(first_row) => {
                    report.duplicates += 1;
                    let dup = DuplicateRow {
                        row: row.row,
                        line: row.line,
                        first_row,
                        exact: *first_hash == hash,
                    };
                    ImportReport::capped(&mut report.truncated, &mut report.duplicate_rows, dup);
                }
                None => {
                    *first = Some(row.row);
                    *first_hash = hash;
                    self.statements += 1;
                }
            }
        }
        let li = Some(li);
        let source = &self.source;
        if let Some(l) = li.and_then(|li| self.links.get_mut(li as usize)) {
            if l.form == Form::Unspecified {
                l.form = row.form;
            }
            let mut add = |kind: EventKind, date: Option<Date>, reason: Option<String>| {
                if let Some(date) = date {
                    if !l.events.iter().any(|e| e.kind == kind && e.date == date) {
                        l.events.push(Event {
                            kind,
                            date,
                            actor: None,
                            reason,
                            note: None,
                            sources: vec![source.clone()],
                        });
                    }
                }
            };
            add(EventKind::Established, row.start, None);
            add(EventKind::Terminated, row.end, row.end_cause.clone());
        }
    }

    /// Resolve the rows left for last, assign ids, flag, and hand over the dataset.
    pub(crate) fn finish(mut self, report: &mut ImportReport) -> Result<Dataset> {
        for row in std::mem::take(&mut self.deferred) {
            // a partner written without a country is not the place that lists it
            let a = self.resolve(&row.a, row.row, true, None);
            let b = self.resolve(&row.b, row.row, true, a);
            if let (Some(a), Some(b)) = (a, b) {
                self.record(a, b, &row, report);
            }
        }
        // ids: the Wikidata id, else slug-cc, numbered when two places would share one
        let mut taken: FxMap<String, u32> = FxMap::default();
        taken.reserve(self.places.len());
        for acc in &mut self.places {
            let p = &mut acc.place;
            let base = match (&p.wikidata, &p.country) {
                (Some(q), _) if !taken.contains_key(q.as_str()) => q.clone(),
                (_, cc) => {
                    let folded = fold_cached(&mut self.fold_cache, &mut self.folder, &p.name);
                    let slug = non_empty_slug(folded);
                    match cc {
                        Some(cc) => {
                            let mut id = String::with_capacity(slug.len() + 1 + cc.len());
                            id.push_str(&slug);
                            id.push('-');
                            id.extend(cc.chars().map(|c| c.to_ascii_lowercase()));
                            id
                        }
                        None => slug,
                    }
                }
            };
            let mut id = base.clone();
            let mut n = 1;
            while taken.contains_key(id.as_str()) {
                n += 1;
                id = format!("{base}-{n}");
            }
            p.id = id;
            taken.insert(p.id.clone(), 1);
        }
        self.flag_coordinates(report);
        let ambiguous = std::mem::take(&mut self.ambiguous);
        for (name, rows) in ambiguous {
            let flag = Flag {
                kind: FlagKind::AmbiguousName,
                message: format!(
                    "{name:?} is written without a country and fits several places; kept apart"
                ),
                rows: rows.into_iter().take(20).collect(),
                places: Vec::new(),
            };
            ImportReport::capped(&mut report.truncated, &mut report.flagged, flag);
        }
        let mut links = Vec::with_capacity(self.links.len());
        for l in &mut self.links {
            let (Some(pa), Some(pb)) =
                (self.places.get(l.a as usize), self.places.get(l.b as usize))
            else {
                continue;
            };
            match (l.ab, l.ba) {
                (Some(_), Some(_)) => report.both_ways += 1,
                (Some(row), None) | (None, Some(row)) => {
                    report.one_way += 1;
                    let (from, to) = if l.ab.is_some() { (pa, pb) } else { (pb, pa) };
                    let ow = OneWay {
                        row,
                        from: from.place.name.clone(),
                        to: to.place.name.clone(),
                    };
                    ImportReport::capped(&mut report.truncated, &mut report.one_way_statements, ow);
                }
                (None, None) => {}
            }
            l.events.sort_by(crate::status::timeline_order);
            links.push(Link {
                id: Link::pair_id(&pa.place.id, &pb.place.id),
                a: pa.place.id.clone(),
                b: pb.place.id.clone(),
                form: l.form,
                term: None,
                description: None,
                events: std::mem::take(&mut l.events),
                motives: Vec::new(),
                pair: None,
                disagreements: Vec::new(),
                sources: vec![self.source.clone()],
                seeds: Vec::new(),
            });
        }
        report.statements = self.statements;
        report.pairs = links.len() as u32;
        report.places_read = self.places.len() as u32;
        report.rows_accepted = report.rows_read.saturating_sub(report.rows_rejected);
        report.unresolved_countries = self
            .unresolved
            .iter()
            .map(|(text, &rows)| Unresolved {
                text: text.clone(),
                rows,
            })
            .collect();
        report.historic_countries = std::mem::take(&mut self.historic)
            .into_iter()
            .map(|(text, (state, code, rows))| crate::view::HistoricCountry {
                text,
                state,
                code,
                rows,
            })
            .collect();
        report
            .historic_countries
            .sort_by(|x, y| y.rows.cmp(&x.rows).then_with(|| x.text.cmp(&y.text)));
        report.historic_countries.truncate(super::LIST_LIMIT);
        report
            .unresolved_countries
            .sort_by(|x, y| y.rows.cmp(&x.rows).then_with(|| x.text.cmp(&y.text)));
        if report.unresolved_countries.len() > super::LIST_LIMIT {
            report.unresolved_countries.truncate(super::LIST_LIMIT);
            report.truncated = true;
        }
        report.rejected.sort_by_key(|r| r.row);
        let data = Dataset {
            format: FORMAT.to_string(),
            sources: vec![Source {
                id: self.source.clone(),
                title: self.title.clone(),
                url: None,
                licence: None,
                author: None,
                date: None,
                accessed: None,
                published_in: None,
                identifier: None,
            }],
            places: self.places.into_iter().map(|p| p.place).collect(),
            links,
            ..Dataset::default()
        };
        Ok(data)
    }

    fn flag_coordinates(&mut self, report: &mut ImportReport) {
        // a cross-border pair 0 km apart with the same name: a homonym geocoded twice
        for l in &self.links {
            let (Some(pa), Some(pb)) =
                (self.places.get(l.a as usize), self.places.get(l.b as usize))
            else {
                continue;
            };
            let (a, b) = (&pa.place, &pb.place);
            if a.country.is_none() || b.country.is_none() || a.country == b.country {
                continue;
            }
            let (Some(la), Some(oa), Some(lb), Some(ob)) = (a.lat, a.lon, b.lat, b.lon) else {
                continue;
            };
            let d = haversine_km(la, oa, lb, ob);
            if d < HOMONYM_KM && fold(&a.name) == fold(&b.name) {
                let flag = Flag {
                    kind: FlagKind::HomonymCoordinates,
                    rows: l.ab.into_iter().chain(l.ba).take(20).collect(),
                    places: vec![a.id.clone(), b.id.clone()],
                    message: format!(
                        "{} ({}) and {} ({}) are {d:.1} km apart: one of the two homonyms was \
                         geocoded to the other's position; coordinates kept, distance not to be trusted",
                        a.name,
                        a.country.as_deref().unwrap_or("?"),
                        b.name,
                        b.country.as_deref().unwrap_or("?"),
                    ),
                };
                ImportReport::capped(&mut report.truncated, &mut report.flagged, flag);
            }
        }
        // one coordinate shared by several differently named places: a fallback point
        let mut points: FxMap<(i64, i64), Vec<u32>> = FxMap::default();
        for (i, acc) in self.places.iter().enumerate() {
            if let (Some(lat), Some(lon)) = (acc.place.lat, acc.place.lon) {
                let key = ((lat * 1e4).round() as i64, (lon * 1e4).round() as i64);
                points.entry(key).or_default().push(i as u32);
            }
        }
        let mut shared: Vec<((i64, i64), Vec<u32>)> = points
            .into_iter()
            .filter(|(_, v)| v.len() >= SHARED_POINT_PLACES)
            .filter(|(_, v)| {
                let mut names: Vec<String> = v
                    .iter()
                    .filter_map(|&i| self.places.get(i as usize).map(|p| fold(&p.place.name)))
                    .collect();
                names.sort();
                names.dedup();
                names.len() >= SHARED_POINT_PLACES
            })
            .collect();
        shared.sort_by(|x, y| y.1.len().cmp(&x.1.len()).then(x.0.cmp(&y.0)));
        for ((lat, lon), members) in shared {
            let names: Vec<&str> = members
                .iter()
                .filter_map(|&i| self.places.get(i as usize).map(|p| p.place.name.as_str()))
                .collect();
            let shown = names.iter().take(8).copied().collect::<Vec<_>>().join(", ");
            let more = if names.len() > 8 {
                format!(" and {} more", names.len() - 8)
            } else {
                String::new()
            };
            let flag = Flag {
                kind: FlagKind::SharedCoordinate,
                rows: members
                    .iter()
                    .filter_map(|&i| self.places.get(i as usize).map(|p| p.first_row))
                    .take(20)
                    .collect(),
                places: members
                    .iter()
                    .filter_map(|&i| self.places.get(i as usize).map(|p| p.place.id.clone()))
                    .take(20)
                    .collect(),
                message: format!(
                    "({}, {}) is given to {} different places ({shown}{more}): probably a fallback \
                     point, not their position",
                    lat as f64 / 1e4,
                    lon as f64 / 1e4,
                    names.len()
                ),
            };
            ImportReport::capped(&mut report.truncated, &mut report.flagged, flag);
        }
    }
}

/// A name folded, from the cache (the builder folds the same names again and again).
fn fold_cached<'c>(
    cache: &'c mut FxMap<String, String>,
    folder: &mut Folder,
    name: &str,
) -> &'c str {
    if !cache.contains_key(name) {
        let mut f = String::with_capacity(name.len());
        folder.fold_into(name, &mut f);
        cache.insert(name.to_string(), f);
    }
    cache.get(name).map(String::as_str).unwrap_or("")
}

fn countries_code_of(name: &str) -> Option<&'static str> {
    crate::country::countries().lookup(name).map(|c| c.code)
}

/// The slug of a folded name, `place` when it has none.
fn non_empty_slug(folded: &str) -> String {
    let s = slug_of_folded(folded);
    if s.is_empty() {
        "place".to_string()
    } else {
        s
    }
}

fn add_alt(p: &mut Place, alt: Option<&str>) {
    let Some(alt) = alt.map(str::trim).filter(|a| !a.is_empty()) else {
        return;
    };
    if alt == p.name
        || p.names.iter().any(|n| n.name == alt)
        || p.names.len() >= 8
        || crate::limits::name_problem(alt).is_some()
    {
        return;
    }
    let f = fold(alt);
    if f.is_empty() || f == fold(&p.name) {
        return;
    }
    p.names.push(PlaceName {
        name: alt.to_string(),
        lang: None,
        kind: NameKind::Alias,
        until: None,
        since: None,
    });
}

/// What a title's hint says: a level word, a country, a first-level subdivision.
fn hint_meaning(hint: &str) -> (Option<Level>, Option<(&'static str, bool)>) {
    let folded = fold(hint);
    let level = match folded.as_str() {
        "city" | "town" | "municipality" | "village" | "comune" | "commune" | "citta" | "stadt"
        | "gemeinde" => Some(Level::City),
        _ => match level_from_folded(&folded) {
            Level::Unknown => None,
            l if folded.split(' ').count() == 1 => Some(l),
            _ => None,
        },
    };
    if level.is_some() {
        return (level, None);
    }
    if let Some(c) = crate::country::countries().lookup(hint) {
        return (None, Some((c.code, false)));
    }
    if let Some(cc) = normalise::subdivision_country(hint) {
        return (None, Some((cc, true)));
    }
    (None, None)
}

/// Turn a Wikipedia title into a name and hints: `Cork (city)` → Cork, a city;
/// `Lampertheim (Germania)` → Lampertheim in DE; `Neukölln (Berlin)` in a German row →
/// Neukölln, region Berlin; `[[Brest, France|Brest]]` → Brest in FR. A comma title in a row
/// whose country is known keeps its title ([`keep_title`]); one whose country the row does
/// not know is left to the resolver (it knows the namesake rule). Returns whether the name
/// was read as name plus hint.
fn disambiguate(side: &mut SideIn) -> bool {
    if side.country.is_none() {
        if let Some(flag) = side.flag.take() {
            if let Some((cc, admin)) = country_code(&flag) {
                side.country = Some(cc);
                side.country_raw = None;
                if side.admin.is_none() {
                    side.admin = admin.map(str::to_string);
                }
            }
        }
    }
    let from_link = side.title.is_some();
    let title = side.title.take().unwrap_or_else(|| side.name.clone());
    let Some((head, hint)) = crate::import::wiki::split_title(&title) else {
        return false;
    };
    let paren = title.trim_end().ends_with(')');
    let (level, country) = hint_meaning(hint);
    let display = if from_link {
        side.name.clone()
    } else {
        head.to_string()
    };
    if display.is_empty() {
        return false;
    }
    if let Some(l) = level {
        if !paren && !from_link {
            return false;
        }
        side.level = side.level.or(Some(l));
    } else if let Some((cc, subdivision)) = country {
        match side.country {
            None => {
                if !paren && !from_link {
                    // "Town, Qualifier" without a country: the resolver's (namesakes)
                    return false;
                }
                side.country = Some(cc);
                side.country_raw = None;
                side.qualified = true;
            }
            Some(known) if known != cc => return false,
            Some(_) if !paren && !from_link => return keep_title(side, head, hint),
            Some(_) => {}
        }
        if subdivision && side.admin.is_none() {
            side.admin = Some(hint.to_string());
        }
    } else if side.country.is_some() && !paren {
        return keep_title(side, head, hint);
    } else {
        if from_link && side.alt_name.is_none() {
            side.alt_name = Some(title.clone());
        }
        return false;
    }
    if from_link && side.alt_name.is_none() && title != display {
        side.alt_name = Some(title.clone());
    }
    let changed = side.name != display || from_link;
    side.name = display;
    changed
}

/// "Halifax, West Yorkshire" or "Córdoba, Andalusia" in a row whose country is known: the
/// title stays the place's name and key (namesakes of one country, "Portland, Oregon" and
/// "Portland, Maine", stay apart, and a file's own spellings keep their identity); the
/// town's name becomes another name, by which the merge finds it among the loaded places,
/// and the qualifier its region.
fn keep_title(side: &mut SideIn, head: &str, hint: &str) -> bool {
    if side.admin.is_none() && crate::country::countries().lookup(hint).is_none() {
        side.admin = Some(hint.to_string());
    }
    if side.alt_name.is_none() {
        side.alt_name = Some(head.to_string());
        return true;
    }
    false
}

fn into_static(row: RowIn<'_>) -> RowIn<'static> {
    RowIn {
        row: row.row,
        line: row.line,
        a: row.a,
        b: row.b,
        form: row.form,
        start: row.start,
        end: row.end,
        end_cause: row.end_cause,
        raw: Cow::Owned(row.raw.into_owned()),
        hash: row.hash,
    }
}

/// Country-code lookup for a side's country text: for readers.
pub(crate) fn set_country(b: &mut Builder, side: &mut SideIn, raw: &str) {
    let raw = raw.trim();
    if raw.is_empty() || side.country.is_some() {
        return;
    }
    if side.country_text.is_none() {
        side.country_text = Some(raw.to_string());
    }
    match b.country(raw) {
        Some((cc, admin)) => {
            side.country = Some(cc);
            side.country_raw = None;
            if side.admin.is_none() {
                side.admin = admin;
            }
        }
        None => {
            if normalise::qid(raw).is_none() && side.country_raw.is_none() {
                side.country_raw = Some(raw.to_string());
            }
        }
    }
}
