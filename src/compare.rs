//! Side-by-side comparisons: pairs on the six criteria, status and history (with the
//! founding paper's four Baltic pairs and Kirkenes–Nikel as a preset); two to four places
//! (partners active and ended, shared partners, countries and continents reached, first and
//! latest twinning, distances); countries (twinnings, terms in use, top partner countries).
//!
//! Not for: deciding a single pair (`classify/`) or the network (`network.rs`).

use crate::atlas::{parse_as_of, Atlas};
use crate::classify::{ClassifyOptions, Thresholds};
use crate::country::countries;
use crate::date::Date;
use crate::error::{Error, Result};
use crate::geo::distance_km;
use crate::model::{EventKind, Form, Link, Verdict};
use crate::status::{AsOf, Counts, Status};
use crate::text::{fold, slug};
use crate::view::{
    Between, CompareCountriesView, ComparePairsView, ComparePlacesView, CooperationView, Count,
    CountryPair, CountryProfile, CountryRef, Dated, FarNear, NamedCount, PairRow, PaperNote,
    PlaceProfile, SharedPartner, Snapshot,
};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A pair to compare: `["tornio-fi", "haparanda-se"]` or `{ "a": …, "b": … }`.
#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[serde(untagged)]
pub enum PairSpec {
    Tuple([String; 2]),
    Object { a: String, b: String },
}

impl PairSpec {
    fn ids(&self) -> (&str, &str) {
        match self {
            PairSpec::Tuple([a, b]) => (a, b),
            PairSpec::Object { a, b } => (a, b),
        }
    }
}

/// What to compare: a list of pairs, or a preset (`{ "preset": "baltic" }`).
#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[serde(untagged)]
pub enum PairsInput {
    Preset { preset: String },
    Pairs(Vec<PairSpec>),
}

/// Options of [`Atlas::compare_pairs`].
#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields = nullable)]
pub struct ComparePairsOptions {
    /// The date to judge at (default now).
    #[serde(default)]
    pub as_of: Option<String>,
    /// An earlier date to compare with ("what changed since"); the Baltic preset uses 2012,
    /// about when the founding paper was written.
    #[serde(default)]
    pub since: Option<String>,
    #[serde(default)]
    pub thresholds: Option<Thresholds>,
}

struct PresetPair {
    a: (&'static str, &'static str),
    b: (&'static str, &'static str),
    assessment: &'static str,
    seed: &'static str,
}

/// The paper's four Baltic pairs, and Kirkenes–Nikel which it mentions.
const BALTIC: [PresetPair; 5] = [
    PresetPair {
        a: ("Tornio", "FI"),
        b: ("Haparanda", "SE"),
        assessment: "the most successful case of cross-border cooperation of twin cities",
        seed: "S0-01",
    },
    PresetPair {
        a: ("Valga", "EE"),
        b: ("Valka", "LV"),
        assessment: "cooperation matured by 2005 and was formalised as \"one city — two countries\"; the Eurocity is still on the books",
        seed: "S0-02",
    },
    PresetPair {
        a: ("Narva", "EE"),
        b: ("Ivangorod", "RU"),
        assessment: "not a successful case: victims of big-time politics and poor local management",
        seed: "S0-03",
    },
    PresetPair {
        a: ("Imatra", "FI"),
        b: ("Svetogorsk", "RU"),
        assessment: "a more successful case than Narva–Ivangorod, with a legal and institutional framework",
        seed: "S0-04",
    },
    PresetPair {
        a: ("Kirkenes", "NO"),
        b: ("Nikel", "RU"),
        assessment: "decided to adopt the twin-city model following the Baltic examples",
        seed: "S0-05",
    },
];

/// The year taken as the founding paper's date (its latest events are from 2008–2011).
pub const PAPER_YEAR: i32 = 2012;

const RANKING_RULE: &str = "twin cities in the paper's sense first (then undecided, then not); \
    among equals, links in force first, then the longest in force, then the most criteria held";

/// The places a preset names, found by id (`tornio-fi`) or by name and country.
fn find_place(atlas: &Atlas, name: &str, cc: &str) -> Option<String> {
    let id = format!("{}-{}", slug(name), cc.to_ascii_lowercase());
    if atlas.get_place(&id).is_some() {
        return Some(id);
    }
    let target = fold(name);
    let in_country = || {
        atlas
            .data
            .places
            .iter()
            .filter(|p| p.country.as_deref() == Some(cc))
    };
    in_country()
        .find(|p| fold(&p.name) == target || p.names.iter().any(|n| fold(&n.name) == target))
        .or_else(|| in_country().find(|p| crate::text::tokens(&fold(&p.name)).any(|t| t == target)))
        .map(|p| p.id.clone())
}

impl Atlas {
    fn cooperation(&self, l: &Link, as_of: AsOf) -> CooperationView {
        let mut order: Vec<&crate::model::Event> = l
            .events
            .iter()
            .filter(|e| self.dates.happened(l, e, as_of))
            .collect();
        order.sort_by(|x, y| crate::status::timeline_order(x, y));
        let mut first_step = None;
        let mut first_agreement = None;
        let mut start: Option<Date> = None;
        let mut ended = None;
        for e in &order {
            match e.kind {
                EventKind::Proposed | EventKind::Attempted => {
                    if first_step.is_none() && !e.date.is_unknown() {
                        first_step = Some(e.date);
                    }
                }
                EventKind::Established | EventKind::Renewed | EventKind::Resumed => {
                    if first_step.is_none() && !e.date.is_unknown() {
                        first_step = Some(e.date);
                    }
                    if e.kind == EventKind::Established && first_agreement.is_none() {
                        first_agreement = Some(e.date);
                    }
                    if start.is_none() {
                        start = Some(e.date);
                        ended = None;
                    }
                }
                EventKind::Suspended | EventKind::Terminated => {
                    start = None;
                    ended = Some(e.date);
                }
                EventKind::Other => {}
            }
        }
        let in_force = self.dates.status_at(l, as_of).status == Status::Established;
        CooperationView {
            first_step: first_step.as_ref().map(Into::into),
            first_agreement: first_agreement.as_ref().map(Into::into),
            in_force_since: start.filter(|_| in_force).as_ref().map(Into::into),
            ended: ended.filter(|_| !in_force).as_ref().map(Into::into),
            events: order.iter().map(|e| self.event_view(e)).collect(),
        }
    }

    fn pair_row(
        &self,
        label: String,
        ids: (Option<String>, Option<String>),
        missing: Vec<String>,
        options: &ComparePairsOptions,
        since: Option<Date>,
        paper: Option<PaperNote>,
    ) -> Result<PairRow> {
        let (Some(a), Some(b)) = (&ids.0, &ids.1) else {
            return Ok(PairRow {
                label,
                a: ids.0,
                b: ids.1,
                missing,
                classification: None,
                criteria_held: 0,
                cooperation: None,
                then: None,
                since_then: vec![],
                changed: false,
                paper,
                rank: None,
            });
        };
        let opts = ClassifyOptions {
            as_of: options.as_of.clone(),
            thresholds: options.thresholds,
        };
        let (as_of, _) = opts.parse()?;
        let c = self.classify(a, b, &opts)?;
        let held = c.criteria.holding();
        let link = self.link_between(a, b);
        let cooperation = link.map(|l| self.cooperation(l, as_of));
        let mut then = None;
        let mut since_then = Vec::new();
        let mut changed = false;
        if let Some(s) = since {
            let earlier = self.classify(
                a,
                b,
                &ClassifyOptions {
                    as_of: Some(s.to_string()),
                    thresholds: options.thresholds,
                },
            )?;
            if let Some(l) = link {
                since_then = l
                    .events
                    .iter()
                    .filter(|e| self.dates.counts(l, e, AsOf::Date(s)) == Counts::No)
                    .filter(|e| self.dates.happened(l, e, as_of))
                    .map(|e| self.event_view(e))
                    .collect();
            }
            changed = earlier.status.status != c.status.status
                || earlier.twin_cities.verdict != c.twin_cities.verdict
                || !since_then.is_empty();
            then = Some(Snapshot {
                as_of: (&s).into(),
                status: earlier.status.status,
                twin_cities: earlier.twin_cities.verdict,
                criteria_held: earlier.criteria.holding(),
            });
        }
        Ok(PairRow {
            label,
            a: ids.0.clone(),
            b: ids.1.clone(),
            missing,
            criteria_held: held,
            classification: Some(c),
            cooperation,
            then,
            since_then,
            changed,
            paper,
            rank: None,
        })
    }

    /// Pairs side by side: `{ preset: "baltic" }` or a list of pairs of place ids.
    pub fn compare_pairs(
        &self,
        input: &PairsInput,
        options: &ComparePairsOptions,
    ) -> Result<ComparePairsView> {
        let as_of = parse_as_of(options.as_of.as_deref())?;
        let since_arg = |default: Option<i32>| -> Result<Option<Date>> {
            match options.since.as_deref().map(str::trim) {
                Some("") | Some("none") => Ok(None),
                Some(s) => Date::parse(s)
                    .map_err(|m| Error::invalid("since", m))
                    .map(|d| (!d.is_unknown()).then_some(d)),
                None => Ok(default.map(Date::year)),
            }
        };
        let (preset, mut rows) = match input {
            PairsInput::Preset { preset } => {
                if preset != "baltic" {
                    return Err(Error::invalid(
                        "preset",
                        format!("unknown preset {preset:?}; the one preset is \"baltic\""),
                    ));
                }
                let since = since_arg(Some(PAPER_YEAR))?;
                let mut rows = Vec::new();
                for p in &BALTIC {
                    let ia = find_place(self, p.a.0, p.a.1);
                    let ib = find_place(self, p.b.0, p.b.1);
                    let mut missing = Vec::new();
                    if ia.is_none() {
                        missing.push(format!("{} ({})", p.a.0, p.a.1));
                    }
                    if ib.is_none() {
                        missing.push(format!("{} ({})", p.b.0, p.b.1));
                    }
                    rows.push(self.pair_row(
                        format!("{} – {}", p.a.0, p.b.0),
                        (ia, ib),
                        missing,
                        options,
                        since,
                        Some(PaperNote {
                            assessment: p.assessment,
                            seed: p.seed,
                        }),
                    )?);
                }
                (Some("baltic".to_string()), rows)
            }
            PairsInput::Pairs(list) => {
                if list.is_empty() || list.len() > 20 {
                    return Err(Error::invalid("pairs", "give between 1 and 20 pairs"));
                }
                let since = since_arg(None)?;
                let mut rows = Vec::new();
                for spec in list {
                    let (a, b) = spec.ids();
                    let pa = self
                        .get_place(a)
                        .ok_or_else(|| Error::not_found("place", a))?;
                    let pb = self
                        .get_place(b)
                        .ok_or_else(|| Error::not_found("place", b))?;
                    rows.push(self.pair_row(
                        format!("{} – {}", pa.name, pb.name),
                        (Some(a.to_string()), Some(b.to_string())),
                        vec![],
                        options,
                        since,
                        None,
                    )?);
                }
                (None, rows)
            }
        };
        let key = |r: &PairRow| {
            let c = r.classification.as_ref();
            let verdict = match c.map(|c| c.twin_cities.verdict) {
                Some(Verdict::Holds) => 0,
                Some(Verdict::Unknown) => 1,
                Some(Verdict::Fails) => 2,
                None => 3,
            };
            let in_force = c.is_some_and(|c| c.status.status == Status::Established);
            let start = r
                .cooperation
                .as_ref()
                .and_then(|k| k.in_force_since.as_ref())
                .and_then(|d| d.year)
                .unwrap_or(i32::MAX);
            (verdict, !in_force, start, u32::MAX - r.criteria_held)
        };
        let mut order: Vec<usize> = (0..rows.len()).collect();
        order.sort_by(|&x, &y| key(&rows[x]).cmp(&key(&rows[y])).then(x.cmp(&y)));
        let mut ranking = Vec::new();
        for (rank, &i) in order.iter().enumerate() {
            if rows[i].classification.is_some() {
                rows[i].rank = Some(rank as u32 + 1);
                ranking.push(rows[i].label.clone());
            }
        }
        let since = match input {
            PairsInput::Preset { .. } => since_arg(Some(PAPER_YEAR))?,
            PairsInput::Pairs(_) => since_arg(None)?,
        };
        Ok(ComparePairsView {
            preset,
            as_of: match as_of {
                AsOf::Now => None,
                AsOf::Date(d) => Some((&d).into()),
            },
            since: since.as_ref().map(Into::into),
            pairs: rows,
            ranking,
            ranking_rule: RANKING_RULE,
        })
    }
}

// ----- places side by side -----

#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields = nullable)]
pub struct CompareOptions {
    #[serde(default)]
    pub as_of: Option<String>,
}

fn counted(m: BTreeMap<String, u32>) -> Vec<Count<String>> {
    let mut v: Vec<Count<String>> = m
        .into_iter()
        .map(|(key, count)| Count { key, count })
        .collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    v
}

impl Atlas {
    fn agreements_of(&self, p: usize) -> impl Iterator<Item = (&Link, usize)> + '_ {
        self.adjacency[p].iter().filter_map(move |&li| {
            let l = &self.data.links[li];
            if l.form == Form::None {
                return None;
            }
            self.other_end(p, li).filter(|&q| q != p).map(|q| (l, q))
        })
    }

    fn profile(&self, p: usize, as_of: AsOf) -> PlaceProfile {
        let table = countries();
        let me = &self.data.places[p];
        let (mut active, mut ended, mut other) = (Vec::new(), Vec::new(), Vec::new());
        let mut cs = BTreeMap::new();
        let mut conts = BTreeMap::new();
        let mut first: Option<(Date, usize)> = None;
        let mut latest: Option<(Date, usize)> = None;
        let mut dists: Vec<(f64, usize)> = Vec::new();
        let mut partners = 0;
        for (l, q) in self.agreements_of(p) {
            partners += 1;
            let r = self.place_ref(q);
            match self.dates.status_at(l, as_of).status {
                Status::Established => active.push(r),
                Status::Suspended | Status::Terminated => ended.push(r),
                _ => other.push(r),
            }
            let pq = &self.data.places[q];
            if let Some(c) = &pq.country {
                *cs.entry(c.clone()).or_insert(0) += 1;
                if let Some(k) = table.get(c).filter(|k| !k.continent.is_empty()) {
                    *conts.entry(k.continent.to_string()).or_insert(0) += 1;
                }
            }
            if let Some(e) = l.events.iter().find(|e| {
                e.kind == EventKind::Established
                    && !e.date.is_unknown()
                    && self.dates.happened(l, e, as_of)
            }) {
                if first.is_none_or(|(d, _)| e.date.chrono_cmp(&d).is_lt()) {
                    first = Some((e.date, q));
                }
                if latest.is_none_or(|(d, _)| e.date.chrono_cmp(&d).is_gt()) {
                    latest = Some((e.date, q));
                }
            }
            if let Some(d) = distance_km((me.lat, me.lon), (pq.lat, pq.lon)) {
                dists.push((d, q));
            }
        }
        dists.sort_by(|x, y| x.0.total_cmp(&y.0));
        let median = if dists.is_empty() {
            None
        } else {
            let n = dists.len();
            Some(if n % 2 == 1 {
                dists[n / 2].0
            } else {
                ((dists[n / 2 - 1].0 + dists[n / 2].0) / 2.0 * 10.0).round() / 10.0
            })
        };
        let far_near = |x: Option<&(f64, usize)>| {
            x.map(|&(d, q)| FarNear {
                partner: self.place_ref(q),
                distance_km: d,
            })
        };
        let dated = |x: Option<(Date, usize)>| {
            x.map(|(d, q)| Dated {
                date: (&d).into(),
                partner: self.place_ref(q),
            })
        };
        PlaceProfile {
            place: self.summary(me),
            partners,
            active,
            ended,
            other,
            countries: NamedCount::countries(counted(cs)),
            continents: NamedCount::continents(counted(conts)),
            first_twinning: dated(first),
            latest_twinning: dated(latest),
            median_distance_km: median,
            nearest: far_near(dists.first()),
            farthest: far_near(dists.last()),
        }
    }

    /// Two to four places side by side.
    pub fn compare_places(
        &self,
        ids: &[String],
        options: &CompareOptions,
    ) -> Result<ComparePlacesView> {
        if !(2..=4).contains(&ids.len()) {
            return Err(Error::invalid("places", "compare two to four places"));
        }
        let ix: Vec<usize> = ids
            .iter()
            .map(|id| self.place_index(id))
            .collect::<Result<_>>()?;
        let distinct: BTreeSet<usize> = ix.iter().copied().collect();
        if distinct.len() != ix.len() {
            return Err(Error::invalid("places", "the same place is given twice"));
        }
        let as_of = parse_as_of(options.as_of.as_deref())?;
        let places: Vec<PlaceProfile> = ix.iter().map(|&p| self.profile(p, as_of)).collect();
        let mut of: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        for (k, &p) in ix.iter().enumerate() {
            let mut seen = BTreeSet::new();
            for (_, q) in self.agreements_of(p) {
                if seen.insert(q) && !ix.contains(&q) {
                    of.entry(q).or_default().push(ids[k].clone());
                }
            }
        }
        let mut shared: Vec<SharedPartner> = of
            .into_iter()
            .filter(|(_, v)| v.len() >= 2)
            .map(|(q, v)| SharedPartner {
                partner: self.place_ref(q),
                of_refs: v.iter().map(|id| self.place_ref_of(id)).collect(),
                of: v,
            })
            .collect();
        shared.sort_by(|x, y| {
            y.of.len()
                .cmp(&x.of.len())
                .then_with(|| x.partner.name.cmp(&y.partner.name))
        });
        let sets: Vec<BTreeSet<&String>> = places
            .iter()
            .map(|p| p.countries.iter().map(|c| &c.key).collect())
            .collect();
        let countries_in_common: Vec<String> = match sets.split_first() {
            Some((first, rest)) => first
                .iter()
                .filter(|c| rest.iter().all(|s| s.contains(*c)))
                .map(|c| (*c).clone())
                .collect(),
            None => vec![],
        };
        let countries_in_common_refs = countries_in_common
            .iter()
            .map(|c| CountryRef::of(c))
            .collect();
        let mut between = Vec::new();
        for i in 0..ix.len() {
            for j in i + 1..ix.len() {
                let (pa, pb) = (&self.data.places[ix[i]], &self.data.places[ix[j]]);
                let link = self.link_between(&pa.id, &pb.id);
                between.push(Between {
                    a: pa.id.clone(),
                    b: pb.id.clone(),
                    a_ref: self.place_ref(ix[i]),
                    b_ref: self.place_ref(ix[j]),
                    distance_km: distance_km((pa.lat, pa.lon), (pb.lat, pb.lon)),
                    link_id: link.map(|l| l.id.clone()),
                    status: link.map(|l| self.dates.status_at(l, as_of).status),
                });
            }
        }
        Ok(ComparePlacesView {
            as_of: match as_of {
                AsOf::Now => None,
                AsOf::Date(d) => Some((&d).into()),
            },
            places,
            shared_partners: shared,
            countries_in_common,
            countries_in_common_refs,
            between,
        })
    }
}

// ----- countries side by side -----

impl Atlas {
    /// Countries side by side (one to eight ISO codes).
    pub fn compare_countries(
        &self,
        codes: &[String],
        options: &CompareOptions,
    ) -> Result<CompareCountriesView> {
        if !(1..=8).contains(&codes.len()) {
            return Err(Error::invalid(
                "countries",
                "compare one to eight countries",
            ));
        }
        let table = countries();
        let codes: Vec<String> = codes
            .iter()
            .map(|c| c.trim().to_ascii_uppercase())
            .collect();
        for c in &codes {
            if table.get(c).is_none() {
                return Err(Error::not_found("country", c.clone()));
            }
        }
        let as_of = parse_as_of(options.as_of.as_deref())?;
        let country_of: HashMap<&str, Option<&str>> = self
            .data
            .places
            .iter()
            .map(|p| (p.id.as_str(), p.country.as_deref()))
            .collect();
        let mut profiles = Vec::new();
        let mut between: BTreeMap<(String, String), u32> = BTreeMap::new();
        for code in &codes {
            let c = table.get(code);
            let mut prof = CountryProfile {
                code: code.clone(),
                name: table.name(code).to_string(),
                continent: c.map(|c| c.continent.to_string()).filter(|s| !s.is_empty()),
                continent_name: c
                    .map(|c| c.continent)
                    .filter(|s| !s.is_empty())
                    .map(|s| crate::country::continent_name(s).to_string()),
                places: self
                    .data
                    .places
                    .iter()
                    .filter(|p| p.country.as_deref() == Some(code))
                    .count() as u32,
                twinnings: 0,
                international: 0,
                domestic: 0,
                by_status: vec![],
                by_form: vec![],
                terms: vec![],
                glossary: vec![],
                top_partner_countries: vec![],
                first_twinning: None,
                first_twinning_link: None,
            };
            let mut status = BTreeMap::new();
            let mut forms = BTreeMap::new();
            let mut terms = BTreeMap::new();
            let mut partners = BTreeMap::new();
            let mut first: Option<(Date, &str)> = None;
            for l in &self.data.links {
                if l.form == Form::None {
                    continue;
                }
                let ca = country_of.get(l.a.as_str()).copied().flatten();
                let cb = country_of.get(l.b.as_str()).copied().flatten();
                let other = if ca == Some(code) {
                    cb
                } else if cb == Some(code) {
                    ca
                } else {
                    continue;
                };
                prof.twinnings += 1;
                if other == Some(code) {
                    prof.domestic += 1;
                } else {
                    prof.international += 1;
                }
                if let Some(o) = other {
                    *partners.entry(o.to_string()).or_insert(0) += 1;
                }
                *status
                    .entry(self.dates.status_at(l, as_of).status)
                    .or_insert(0u32) += 1;
                *forms.entry(l.form).or_insert(0u32) += 1;
                if let Some(t) = &l.term {
                    *terms.entry(t.clone()).or_insert(0) += 1;
                }
                if let Some(e) = l.events.iter().find(|e| {
                    e.kind == EventKind::Established
                        && !e.date.is_unknown()
                        && self.dates.happened(l, e, as_of)
                }) {
                    if first.is_none_or(|(d, _)| e.date.chrono_cmp(&d).is_lt()) {
                        first = Some((e.date, &l.id));
                    }
                }
            }
            let mut by_status: Vec<Count<Status>> = status
                .into_iter()
                .map(|(key, count)| Count { key, count })
                .collect();
            by_status.sort_by_key(|c| std::cmp::Reverse(c.count));
            let mut by_form: Vec<Count<Form>> = forms
                .into_iter()
                .map(|(key, count)| Count { key, count })
                .collect();
            by_form.sort_by_key(|c| std::cmp::Reverse(c.count));
            prof.by_status = by_status;
            prof.by_form = by_form;
            prof.terms = counted(terms);
            let name = fold(&prof.name);
            prof.glossary = self
                .data
                .terms
                .iter()
                .filter(|t| {
                    let used = fold(&t.used_in);
                    used.contains(&name)
                        || crate::text::tokens(&used).any(|w| w == code.to_ascii_lowercase())
                })
                .map(|t| t.term.clone())
                .collect();
            let mut top = counted(partners);
            top.truncate(10);
            prof.top_partner_countries = NamedCount::countries(top);
            prof.first_twinning = first.map(|(d, _)| (&d).into());
            prof.first_twinning_link = first.map(|(_, id)| id.to_string());
            profiles.push(prof);
        }
        for l in &self.data.links {
            if l.form == Form::None {
                continue;
            }
            let ca = country_of.get(l.a.as_str()).copied().flatten();
            let cb = country_of.get(l.b.as_str()).copied().flatten();
            if let (Some(x), Some(y)) = (ca, cb) {
                if x != y && codes.iter().any(|c| c == x) && codes.iter().any(|c| c == y) {
                    let key = if x < y {
                        (x.to_string(), y.to_string())
                    } else {
                        (y.to_string(), x.to_string())
                    };
                    *between.entry(key).or_insert(0) += 1;
                }
            }
        }
        Ok(CompareCountriesView {
            as_of: match as_of {
                AsOf::Now => None,
                AsOf::Date(d) => Some((&d).into()),
            },
            countries: profiles,
            between: between
                .into_iter()
                .map(|((a, b), twinnings)| CountryPair {
                    a_ref: CountryRef::of(&a),
                    b_ref: CountryRef::of(&b),
                    a,
                    b,
                    twinnings,
                })
                .collect(),
        })
    }
}
