//! Merging an imported dataset onto the atlas's data: a place already there (same Wikidata
//! id; or the same name — any of its names, folded — in the same country, where positions
//! agree) is enriched instead of duplicated, and a link already there gains the import as
//! evidence. Everything else is added, with ids kept unique.
//!
//! Not for: cleaning rows (`build.rs`).

use super::build::SAME_PLACE_KM;
use super::{ImportOptions, Resolution};
use crate::date::Date;
use crate::geo::haversine_km;
use crate::model::{
    Dataset, Disagreement, Event, EventKind, Form, Link, NameKind, Place, PlaceName, Source,
};
use crate::text::fold;
use crate::view::{
    Conflict, ConflictKind, ImportPlaceRef, ImportReport, LinkRef, SourceName, Statement,
};
use std::collections::{HashMap, HashSet};

struct Index {
    by_id: HashMap<String, usize>,
    by_qid: HashMap<String, usize>,
    by_name: HashMap<String, Vec<usize>>,
}

fn names_of(p: &Place) -> impl Iterator<Item = &str> {
    std::iter::once(p.name.as_str()).chain(p.names.iter().map(|n| n.name.as_str()))
}

fn index(places: &[Place]) -> Index {
    let mut ix = Index {
        by_id: HashMap::with_capacity(places.len()),
        by_qid: HashMap::new(),
        by_name: HashMap::with_capacity(places.len()),
    };
    for (i, p) in places.iter().enumerate() {
        ix.by_id.insert(p.id.clone(), i);
        if let Some(q) = &p.wikidata {
            ix.by_qid.entry(q.clone()).or_insert(i);
        }
        for n in names_of(p) {
            let f = fold(n);
            if !f.is_empty() {
                let v = ix.by_name.entry(f).or_default();
                if !v.contains(&i) {
                    v.push(i);
                }
            }
        }
    }
    ix
}

fn distance(a: &Place, b: &Place) -> Option<f64> {
    Some(haversine_km(a.lat?, a.lon?, b.lat?, b.lon?))
}

/// Whether `today` is a state of today on the land of the historic state `then` (a file
/// that says a town is in the Soviet Union or West Germany names today's Ukraine or
/// Germany).
fn successor(then: &str, today: &str) -> bool {
    let states: &[&str] = match then {
        "SU" => &[
            "RU", "UA", "BY", "MD", "GE", "AM", "AZ", "KZ", "KG", "TJ", "TM", "UZ", "EE", "LV",
            "LT",
        ],
        "YU" => &["RS", "HR", "SI", "BA", "MK", "ME", "XK"],
        "CS" => &["CZ", "SK"],
        "DD" | "FRG" => &["DE"],
        _ => &[],
    };
    states.contains(&today)
}

/// What the search for an imported place among the loaded ones found.
enum Found {
    One(usize),
    /// Several loaded places fit and nothing tells them apart: kept apart.
    Several(Vec<usize>),
    None,
}

/// The existing place an imported one is, if any.
/// `own_ids`: the imported ids are our own (a `twinning-atlas/1` document), not ids the
/// importer made up from a name, which say nothing a name does not.
fn find(existing: &[Place], ix: &Index, p: &Place, own_ids: bool) -> Found {
    if let Some(q) = &p.wikidata {
        if let Some(&i) = ix.by_qid.get(q) {
            return Found::One(i);
        }
    }
    if let Some(&i) = ix.by_id.get(&p.id).filter(|_| own_ids) {
        if let Some(e) = existing.get(i) {
            if fold(&e.name) == fold(&p.name)
                && (e.wikidata.is_none() || p.wikidata.is_none() || e.wikidata == p.wikidata)
            {
                return Found::One(i);
            }
        }
    }
    let mut cands: Vec<usize> = Vec::new();
    for n in names_of(p) {
        if let Some(v) = ix.by_name.get(&fold(n)) {
            for &i in v {
                if !cands.contains(&i) {
                    cands.push(i);
                }
            }
        }
    }
    let found = fit(existing, p, cands, false);
    if !matches!(found, Found::None) {
        return found;
    }
    // "Achim, Wolfenbüttel", "Homberg (Efze)": a title whose hint the file could not
    // place is the town of its head name where the positions agree
    if let Some((head, _)) = super::wiki::split_title(&p.name) {
        if let Some(v) = ix.by_name.get(&fold(head)) {
            return fit(existing, p, v.clone(), true);
        }
    }
    Found::None
}

/// The candidates that fit an imported place: same country and Wikidata id where both
/// have one, positions within [`SAME_PLACE_KM`] where both have one (required when
/// `near` is set).
fn fit(existing: &[Place], p: &Place, cands: Vec<usize>, near: bool) -> Found {
    let mut fitting: Vec<(usize, Option<f64>)> = cands
        .into_iter()
        .filter_map(|i| {
            let e = existing.get(i)?;
            if let (Some(a), Some(b)) = (&e.country, &p.country) {
                if a != b && !successor(a, b) && !successor(b, a) {
                    return None;
                }
            }
            if let (Some(a), Some(b)) = (&e.wikidata, &p.wikidata) {
                if a != b {
                    return None;
                }
            }
            let d = distance(e, p);
            if d.is_some_and(|d| d > SAME_PLACE_KM) || (near && d.is_none()) {
                return None;
            }
            Some((i, d))
        })
        .collect();
    match fitting.len() {
        0 => Found::None,
        1 => fitting.first().map_or(Found::None, |f| Found::One(f.0)),
        _ => {
            // several: the one whose own name it is (Kiel, not Kehl that some language
            // calls Kiel); else the nearest when positions are known; else none (kept
            // apart)
            let target = fold(&p.name);
            let own: Vec<usize> = fitting
                .iter()
                .map(|f| f.0)
                .filter(|&i| existing.get(i).is_some_and(|e| fold(&e.name) == target))
                .collect();
            if let [one] = own.as_slice() {
                if fitting.iter().all(|f| f.1.is_none()) {
                    return Found::One(*one);
                }
            }
            let all: Vec<usize> = if own.len() >= 2 {
                own
            } else {
                fitting.iter().map(|f| f.0).collect()
            };
            fitting.retain(|f| f.1.is_some());
            fitting.sort_by(|x, y| x.1.unwrap_or(f64::MAX).total_cmp(&y.1.unwrap_or(f64::MAX)));
            match fitting.first() {
                Some(f) => Found::One(f.0),
                None => Found::Several(all),
            }
        }
    }
}

/// Count and list what the loaded place gives the imported one it is: found under another
/// name (a name in another language, a spelling of the gazetteer), a country the file did
/// not give, a position the file did not give.
fn note_gazetteer(e: &Place, p: &Place, report: &mut ImportReport) {
    let mut filled = Vec::new();
    if p.country.is_none() && e.country.is_some() {
        filled.push("country".to_string());
        report.gazetteer.countries_filled += 1;
    }
    if p.lat.is_none() && e.lat.is_some() {
        filled.push("coordinates".to_string());
        report.gazetteer.coordinates_filled += 1;
    }
    let other_name = fold(&p.name) != fold(&e.name);
    if other_name {
        report.gazetteer.matched += 1;
    }
    if other_name || !filled.is_empty() {
        let g = crate::view::FromGazetteer {
            id: e.id.clone(),
            name: p.name.clone(),
            country: e.country.clone(),
            filled,
        };
        ImportReport::capped(&mut report.truncated, &mut report.gazetteer.places, g);
    }
}

fn add_sources(to: &mut Vec<String>, from: &[String]) {
    for s in from {
        if !to.contains(s) {
            to.push(s.clone());
        }
    }
}

fn enrich(e: &mut Place, p: Place) {
    add_sources(&mut e.sources, &p.sources);
    if e.lat.is_none() && e.lon.is_none() {
        e.lat = p.lat;
        e.lon = p.lon;
    }
    if e.population.is_none() {
        e.population = p.population;
    }
    if e.wikidata.is_none() {
        e.wikidata.clone_from(&p.wikidata);
    }
    if e.admin.is_none() {
        e.admin.clone_from(&p.admin);
    }
    if e.country.is_none() && p.country.is_some() {
        e.country.clone_from(&p.country);
    }
    if e.level == crate::model::Level::Unknown && e.country.is_some() {
        e.level = p.level;
    }
    // a place named only by its id (an edge list without labels) takes the real name
    if e.wikidata.as_deref() == Some(e.name.as_str())
        && p.wikidata.as_deref() != Some(p.name.as_str())
    {
        e.name.clone_from(&p.name);
    }
    let mut known: HashSet<String> = names_of(e).map(fold).collect();
    for n in std::iter::once(PlaceName {
        name: p.name.clone(),
        lang: None,
        kind: NameKind::Alias,
        until: None,
        since: None,
    })
    .chain(p.names)
    {
        let f = fold(&n.name);
        if !f.is_empty() && known.insert(f) && p.wikidata.as_deref() != Some(n.name.as_str()) {
            e.names.push(n);
        }
    }
}

/// Whether two dates can mean the same day (1947 and 1947-05-01 can; 1947 and 1967 cannot).
fn compatible(a: &Date, b: &Date) -> bool {
    if a.is_unknown() || b.is_unknown() {
        return true;
    }
    a.start() <= b.end() && b.start() <= a.end()
}

/// The kinds of events that set a link's status after it began.
fn is_status_event(k: EventKind) -> bool {
    matches!(
        k,
        EventKind::Suspended | EventKind::Resumed | EventKind::Terminated | EventKind::Renewed
    )
}

/// A link's status from its own events alone: the last event that sets one.
fn status_of(events: &[Event]) -> Option<&'static str> {
    let mut sorted: Vec<&Event> = events.iter().collect();
    sorted.sort_by(|x, y| crate::status::timeline_order(x, y));
    let mut status = None;
    for e in sorted {
        status = match e.kind {
            EventKind::Established | EventKind::Renewed | EventKind::Resumed => Some("established"),
            EventKind::Suspended => Some("suspended"),
            EventKind::Terminated => Some("terminated"),
            _ => status,
        };
    }
    status
}

fn source_names(ids: &[String], sources: &[Source]) -> Vec<SourceName> {
    let mut out: Vec<SourceName> = Vec::new();
    for id in ids {
        if out.iter().any(|s| &s.id == id) {
            continue;
        }
        let name = sources
            .iter()
            .find(|s| &s.id == id)
            .map(|s| s.title.clone())
            .unwrap_or_else(|| id.clone());
        out.push(SourceName {
            id: id.clone(),
            name,
        });
    }
    out
}

fn events_sources(events: &[&Event], fallback: &[String]) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for e in events {
        add_sources(&mut ids, &e.sources);
    }
    if ids.is_empty() {
        ids = fallback.to_vec();
    }
    ids
}

fn dates_of(events: &[&Event]) -> String {
    let mut v: Vec<String> = events.iter().map(|e| e.date.to_string()).collect();
    v.dedup();
    v.join(" / ")
}

/// What the import does with a conflict: its own choice, else the option for all.
fn resolution_of(options: &ImportOptions, id: &str) -> Resolution {
    options
        .resolutions
        .get(id)
        .copied()
        .unwrap_or(options.conflicts)
}

/// Merge the events of an imported link into the loaded link `e`: agreeing events add
/// their sources, new kinds are added, and disagreements (another start, another end,
/// another status) are conflicts resolved by the options. Returns the conflicts.
#[allow(clippy::too_many_arguments)]
fn merge_events(
    e: &mut Link,
    incoming: Vec<Event>,
    incoming_link_sources: &[String],
    names: (&str, &str),
    sources: &[Source],
    options: &ImportOptions,
) -> Vec<Conflict> {
    let mut conflicts = Vec::new();
    let link_ref = || LinkRef {
        a: e.a.clone(),
        b: e.b.clone(),
        a_name: names.0.to_string(),
        b_name: names.1.to_string(),
    };
    let link_ref = link_ref();
    let pair = Link::pair_id(&e.a, &e.b);
    let claimer = incoming_link_sources.first().cloned().unwrap_or_default();
    let claimer_title = sources
        .iter()
        .find(|s| s.id == claimer)
        .map(|s| s.title.clone())
        .unwrap_or_else(|| claimer.clone());
    let mut incoming = incoming;
    let loaded_status = status_of(&e.events);
    let incoming_status = status_of(&incoming);
    let mut end_conflict = false;
    for (kind, ck) in [
        (EventKind::Established, ConflictKind::Start),
        (EventKind::Terminated, ConflictKind::End),
    ] {
        let inc: Vec<Event> = incoming
            .iter()
            .filter(|x| x.kind == kind)
            .cloned()
            .collect();
        if inc.is_empty() {
            continue;
        }
        let loaded: Vec<&Event> = e.events.iter().filter(|x| x.kind == kind).collect();
        if loaded.is_empty() {
            continue;
        }
        let agrees = inc
            .iter()
            .any(|i| loaded.iter().any(|l| compatible(&l.date, &i.date)));
        if agrees {
            continue;
        }
        end_conflict |= ck == ConflictKind::End;
        let id = format!("{}:{pair}", ck.as_str());
        let resolution = resolution_of(options, &id);
        let inc_refs: Vec<&Event> = inc.iter().collect();
        let conflict = Conflict {
            id,
            kind: ck,
            link: Some(link_ref.clone()),
            place: None,
            loaded: Statement {
                value: dates_of(&loaded),
                sources: source_names(&events_sources(&loaded, &e.sources), sources),
            },
            incoming: Statement {
                value: dates_of(&inc_refs),
                sources: source_names(&events_sources(&inc_refs, incoming_link_sources), sources),
            },
            resolution,
        };
        let word = if kind == EventKind::Established {
            "begun"
        } else {
            "ended"
        };
        apply(
            e,
            &mut incoming,
            &|k| k == kind,
            resolution,
            Disagreement {
                claim: format!(
                    "{word} in {} (the loaded data says {})",
                    conflict.incoming.value, conflict.loaded.value
                ),
                claimed_by: claimer.clone(),
                kept: format!(
                    "both statements, each with its sources: {} and {} ({claimer_title})",
                    conflict.loaded.value, conflict.incoming.value
                ),
                sources: vec![claimer.clone()],
            },
        );
        conflicts.push(conflict);
    }
    // a status the import states with events of its own (an end, a suspension)
    let has_status_events = incoming.iter().any(|x| is_status_event(x.kind));
    if let (Some(l), Some(i)) = (loaded_status, incoming_status) {
        if l != i && has_status_events && !end_conflict {
            let id = format!("status:{pair}");
            let resolution = resolution_of(options, &id);
            let loaded_ev: Vec<&Event> = e
                .events
                .iter()
                .filter(|x| is_status_event(x.kind))
                .collect();
            let inc_ev: Vec<&Event> = incoming
                .iter()
                .filter(|x| is_status_event(x.kind))
                .collect();
            let conflict = Conflict {
                id,
                kind: ConflictKind::Status,
                link: Some(link_ref.clone()),
                place: None,
                loaded: Statement {
                    value: l.to_string(),
                    sources: source_names(&events_sources(&loaded_ev, &e.sources), sources),
                },
                incoming: Statement {
                    value: i.to_string(),
                    sources: source_names(&events_sources(&inc_ev, incoming_link_sources), sources),
                },
                resolution,
            };
            apply(
                e,
                &mut incoming,
                &is_status_event,
                resolution,
                Disagreement {
                    claim: format!("{i} (the loaded data says {l})"),
                    claimed_by: claimer.clone(),
                    kept: format!(
                        "both statements, each with its sources: {l} and {i} ({claimer_title})"
                    ),
                    sources: vec![claimer.clone()],
                },
            );
            conflicts.push(conflict);
        }
    }
    // what is left agrees or is new
    for ev in incoming {
        if let Some(x) = e
            .events
            .iter_mut()
            .find(|x| x.kind == ev.kind && compatible(&x.date, &ev.date))
        {
            add_sources(&mut x.sources, &ev.sources);
        } else {
            e.events.push(ev);
        }
    }
    e.events.sort_by(crate::status::timeline_order);
    conflicts
}

/// Carry out a resolution for the events of the kinds `which`: keep drops the incoming
/// ones, take drops the loaded ones and adds the incoming, both adds them and records the
/// disagreement. The incoming events handled are taken out of `incoming`.
fn apply(
    e: &mut Link,
    incoming: &mut Vec<Event>,
    which: &dyn Fn(EventKind) -> bool,
    resolution: Resolution,
    disagreement: Disagreement,
) {
    let (mine, rest): (Vec<Event>, Vec<Event>) = std::mem::take(incoming)
        .into_iter()
        .partition(|x| which(x.kind));
    *incoming = rest;
    match resolution {
        Resolution::Keep => {}
        Resolution::Take => {
            e.events.retain(|x| !which(x.kind));
            e.events.extend(mine);
        }
        Resolution::Both => {
            e.events.extend(mine);
            if !disagreement.claimed_by.is_empty()
                && !e
                    .disagreements
                    .iter()
                    .any(|d| d.claim == disagreement.claim)
            {
                e.disagreements.push(disagreement);
            }
        }
    }
}

pub(crate) fn merge(
    existing: &Dataset,
    imported: Dataset,
    options: &ImportOptions,
    report: &mut ImportReport,
) -> Dataset {
    let mut out = existing.clone();
    // sources: the same id with the same title is the same source (a file imported twice)
    let mut source_map: HashMap<String, String> = HashMap::new();
    for mut s in imported.sources {
        let old = s.id.clone();
        let mut n = 1;
        while let Some(same) = out.sources.iter().find(|x| x.id == s.id) {
            if same.title == s.title {
                break;
            }
            n += 1;
            s.id = format!("{old}-{n}");
        }
        if !out.sources.iter().any(|x| x.id == s.id) {
            out.sources.push(s.clone());
        }
        if old == report.source {
            report.source.clone_from(&s.id);
        }
        source_map.insert(old, s.id);
    }
    let remap = |v: &mut Vec<String>| {
        for s in v.iter_mut() {
            if let Some(n) = source_map.get(s) {
                s.clone_from(n);
            }
        }
    };
    let own_ids = report.format == super::ImportFormat::Json;
    let mut ix = index(&out.places);
    let mut id_map: HashMap<String, String> = HashMap::with_capacity(imported.places.len());
    for mut p in imported.places {
        remap(&mut p.sources);
        let found = find(&out.places, &ix, &p, own_ids);
        if let Found::Several(cands) = &found {
            let a = crate::view::Ambiguous::new(
                &p.name,
                p.country.as_deref(),
                &p.id,
                cands
                    .iter()
                    .filter_map(|&i| out.places.get(i))
                    .map(|e| ImportPlaceRef::new(&e.id, &e.name, e.country.as_deref()))
                    .collect(),
            );
            ImportReport::capped(&mut report.truncated, &mut report.ambiguous, a);
        }
        match found {
            Found::One(i) => {
                if let Some(e) = out.places.get_mut(i) {
                    note_gazetteer(e, &p, report);
                    id_map.insert(p.id.clone(), e.id.clone());
                    if let (Some(lc), Some(ic)) = (e.country.clone(), p.country.clone()) {
                        if lc != ic {
                            let id = format!("country:{}", e.id);
                            let resolution = resolution_of(options, &id);
                            let c = Conflict {
                                id,
                                kind: ConflictKind::Country,
                                link: None,
                                place: Some(ImportPlaceRef::new(&e.id, &e.name, Some(&lc))),
                                loaded: Statement {
                                    value: lc,
                                    sources: source_names(&e.sources, &out.sources),
                                },
                                incoming: Statement {
                                    value: ic.clone(),
                                    sources: source_names(&p.sources, &out.sources),
                                },
                                resolution,
                            };
                            if resolution == Resolution::Take {
                                e.country = Some(ic);
                            }
                            // two imported places found as one loaded place: one conflict
                            if !report.conflicts.iter().any(|x| x.id == c.id) {
                                report.conflicts_total += 1;
                                ImportReport::capped(
                                    &mut report.truncated,
                                    &mut report.conflicts,
                                    c,
                                );
                            }
                        }
                    }
                    enrich(e, p);
                    report.places_matched += 1;
                }
            }
            Found::Several(_) | Found::None => {
                let base = p.id.clone();
                let mut n = 1;
                while ix.by_id.contains_key(&p.id) {
                    n += 1;
                    p.id = format!("{base}-{n}");
                }
                id_map.insert(base, p.id.clone());
                ix.by_id.insert(p.id.clone(), out.places.len());
                if let Some(q) = &p.wikidata {
                    ix.by_qid.entry(q.clone()).or_insert(out.places.len());
                }
                out.places.push(p);
                report.places_added += 1;
            }
        }
    }
    let mut link_ix: HashMap<String, usize> = out
        .links
        .iter()
        .enumerate()
        .map(|(i, l)| (Link::pair_id(&l.a, &l.b), i))
        .collect();
    let mut link_ids: HashSet<String> = out.links.iter().map(|l| l.id.clone()).collect();
    for mut l in imported.links {
        let a = id_map.get(&l.a).cloned().unwrap_or_else(|| l.a.clone());
        let b = id_map.get(&l.b).cloned().unwrap_or_else(|| l.b.clone());
        remap(&mut l.sources);
        for e in &mut l.events {
            remap(&mut e.sources);
        }
        if a == b {
            report.warn(
                None,
                None,
                format!(
                    "the link {} joins two places that are one place in the atlas ({a}); left out",
                    l.id
                ),
            );
            continue;
        }
        let key = Link::pair_id(&a, &b);
        let names = |id: &str| {
            ix.by_id
                .get(id)
                .and_then(|&i| out.places.get(i))
                .map(|p| p.name.clone())
                .unwrap_or_default()
        };
        let (a_name, b_name) = (names(&a), names(&b));
        match link_ix.get(&key).and_then(|&i| out.links.get_mut(i)) {
            Some(e) => {
                add_sources(&mut e.sources, &l.sources);
                if e.form == Form::Unspecified {
                    e.form = l.form;
                }
                let (an, bn) = if e.a == a {
                    (a_name.as_str(), b_name.as_str())
                } else {
                    (b_name.as_str(), a_name.as_str())
                };
                let found = merge_events(
                    e,
                    std::mem::take(&mut l.events),
                    &l.sources,
                    (an, bn),
                    &out.sources,
                    options,
                );
                for c in found {
                    if !report.conflicts.iter().any(|x| x.id == c.id) {
                        report.conflicts_total += 1;
                        ImportReport::capped(&mut report.truncated, &mut report.conflicts, c);
                    }
                }
                report.links_merged += 1;
            }
            None => {
                let default_id = Link::pair_id(&l.a, &l.b) == l.id;
                l.a = a;
                l.b = b;
                if default_id || link_ids.contains(&l.id) {
                    l.id.clone_from(&key);
                }
                link_ids.insert(l.id.clone());
                link_ix.insert(key, out.links.len());
                out.links.push(l);
                report.links_added += 1;
            }
        }
    }
    let place_ids: HashSet<&str> = out.places.iter().map(|p| p.id.as_str()).collect();
    let map_id = |id: &String| id_map.get(id).cloned().unwrap_or_else(|| id.clone());
    let mut groups = Vec::new();
    for mut g in imported.groups {
        g.members = g
            .members
            .iter()
            .map(map_id)
            .filter(|m| place_ids.contains(m.as_str()))
            .collect();
        remap(&mut g.sources);
        groups.push(g);
    }
    let mut notes = Vec::new();
    for mut n in imported.notes {
        n.places = n
            .places
            .iter()
            .map(map_id)
            .filter(|m| place_ids.contains(m.as_str()))
            .collect();
        remap(&mut n.sources);
        notes.push(n);
    }
    for g in groups {
        match out.groups.iter_mut().find(|x| x.id == g.id) {
            Some(x) => {
                for m in g.members {
                    if !x.members.contains(&m) {
                        x.members.push(m);
                    }
                }
            }
            None => out.groups.push(g),
        }
    }
    for n in notes {
        if !out.notes.iter().any(|x| x.id == n.id) {
            out.notes.push(n);
        }
    }
    for mut t in imported.terms {
        if !out
            .terms
            .iter()
            .any(|x| x.term == t.term && x.language == t.language)
        {
            remap(&mut t.sources);
            out.terms.push(t);
        }
    }
    out
}
