//! Merging an imported dataset onto the atlas's data: a place already there (same Wikidata
//! id; or the same name — any of its names, folded — in the same country, where positions
//! agree) is enriched instead of duplicated, and a link already there gains the import as
//! evidence. Everything else is added, with ids kept unique.
//!
//! Not for: cleaning rows (`build.rs`).

use super::build::SAME_PLACE_KM;
use super::ImportReport;
use crate::geo::haversine_km;
use crate::model::{Dataset, Form, Link, NameKind, Place, PlaceName};
use crate::text::fold;
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

/// The existing place an imported one is, if any.
fn find(existing: &[Place], ix: &Index, p: &Place) -> Option<usize> {
    if let Some(q) = &p.wikidata {
        if let Some(&i) = ix.by_qid.get(q) {
            return Some(i);
        }
    }
    if let Some(&i) = ix.by_id.get(&p.id) {
        let e = existing.get(i)?;
        if fold(&e.name) == fold(&p.name)
            && (e.wikidata.is_none() || p.wikidata.is_none() || e.wikidata == p.wikidata)
        {
            return Some(i);
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
    let mut fitting: Vec<(usize, Option<f64>)> = cands
        .into_iter()
        .filter_map(|i| {
            let e = existing.get(i)?;
            if let (Some(a), Some(b)) = (&e.country, &p.country) {
                if a != b {
                    return None;
                }
            }
            if let (Some(a), Some(b)) = (&e.wikidata, &p.wikidata) {
                if a != b {
                    return None;
                }
            }
            let d = distance(e, p);
            if d.is_some_and(|d| d > SAME_PLACE_KM) {
                return None;
            }
            Some((i, d))
        })
        .collect();
    match fitting.len() {
        0 => None,
        1 => fitting.first().map(|f| f.0),
        _ => {
            // several: the nearest when positions are known, else none (kept apart)
            fitting.retain(|f| f.1.is_some());
            fitting.sort_by(|x, y| x.1.unwrap_or(f64::MAX).total_cmp(&y.1.unwrap_or(f64::MAX)));
            fitting.first().map(|f| f.0)
        }
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

pub(crate) fn merge(existing: &Dataset, imported: Dataset, report: &mut ImportReport) -> Dataset {
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
    let mut ix = index(&out.places);
    let mut id_map: HashMap<String, String> = HashMap::with_capacity(imported.places.len());
    for mut p in imported.places {
        remap(&mut p.sources);
        match find(&out.places, &ix, &p) {
            Some(i) => {
                if let Some(e) = out.places.get_mut(i) {
                    id_map.insert(p.id.clone(), e.id.clone());
                    enrich(e, p);
                    report.places_matched += 1;
                }
            }
            None => {
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
        match link_ix.get(&key).and_then(|&i| out.links.get_mut(i)) {
            Some(e) => {
                add_sources(&mut e.sources, &l.sources);
                if e.form == Form::Unspecified {
                    e.form = l.form;
                }
                for ev in l.events {
                    let same_kind = e.events.iter().any(|x| x.kind == ev.kind);
                    if let Some(x) = e
                        .events
                        .iter_mut()
                        .find(|x| x.kind == ev.kind && x.date == ev.date)
                    {
                        add_sources(&mut x.sources, &ev.sources);
                    } else if !same_kind {
                        e.events.push(ev);
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
