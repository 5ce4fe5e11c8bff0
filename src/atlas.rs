//! The one handle that owns the data and its indexes, and answers queries about places,
//! partners, links, terms and counts.
//!
//! Not for: parsing foreign formats (`import/`), or anything about JavaScript (`wasm.rs`).

use crate::country::countries;
use crate::date::Date;
use crate::error::{Error, Result};
use crate::geo::distance_km;
use crate::hash::FxMap;
use crate::model::{Dataset, Disagreement, Event, Form, Level, Link, PairFacts, Place};
use crate::search::{SearchIndex, SearchQuery};
use crate::status::{AsOf, DateRule, Status};
use crate::view::*;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

/// The atlas: a checked dataset with its indexes.
#[derive(Debug, Clone)]
pub struct Atlas {
    pub(crate) data: Dataset,
    pub(crate) place_ix: FxMap<String, usize>,
    pub(crate) link_ix: FxMap<String, usize>,
    pub(crate) source_ix: FxMap<String, usize>,
    /// For each place, the indexes of its links.
    pub(crate) adjacency: Vec<Vec<usize>>,
    /// For each place, its number of agreements (links whose form is not `none`).
    pub(crate) degree: Vec<u32>,
    pub(crate) search: SearchIndex,
    /// The world network laid under the data, when it was loaded (`world.rs`).
    pub(crate) world: Option<WorldInfo>,
    /// The one date rule (`crate::status::DateRule`), with this dataset's source dates.
    pub(crate) dates: DateRule,
    /// The partner-suggestion model, trained on first use (`suggest/`).
    pub(crate) suggest: crate::suggest::SuggestCache,
}

/// Options of [`Atlas::partners`] and [`Atlas::link`].
#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields = nullable)]
pub struct PartnersOptions {
    /// A date such as `2021` or `2022-03-22`; the status is taken at the end of it.
    /// Missing: now, with every event counted.
    #[serde(default)]
    pub as_of: Option<String>,
}

/// Options of `notes()` in JavaScript: only the notes about one place.
#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[serde(deny_unknown_fields)]
#[ts(optional_fields = nullable)]
pub struct NotesOptions {
    /// A place id.
    #[serde(default)]
    pub place: Option<String>,
}

/// Every source id a link cites anywhere, each once, in order of first mention.
fn all_link_sources(l: &Link) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |ids: &[String]| {
        for id in ids {
            if !out.contains(id) {
                out.push(id.clone());
            }
        }
    };
    add(&l.sources);
    for e in &l.events {
        add(&e.sources);
    }
    if let Some(p) = &l.pair {
        for c in &p.criteria {
            add(&c.sources);
        }
    }
    for d in &l.disagreements {
        add(std::slice::from_ref(&d.claimed_by));
        add(&d.sources);
    }
    out
}

/// Parse an `asOf` argument.
pub fn parse_as_of(arg: Option<&str>) -> Result<AsOf> {
    match arg.map(str::trim) {
        None | Some("") | Some("now") => Ok(AsOf::Now),
        Some(s) => {
            let d = Date::parse(s).map_err(|m| Error::invalid("asOf", m))?;
            if d.is_unknown() {
                Ok(AsOf::Now)
            } else {
                Ok(AsOf::Date(d))
            }
        }
    }
}

impl Atlas {
    /// Index a dataset; fails with every problem found if its records disagree.
    pub fn new(mut data: Dataset) -> Result<Atlas> {
        data.normalise();
        data.check()?;
        Ok(Atlas::index(data))
    }

    /// The atlas on the curated default dataset.
    pub fn with_default_data() -> Result<Atlas> {
        Ok(Atlas::index(Dataset::curated()?))
    }

    /// Build every index over a dataset that is already checked.
    pub(crate) fn index(data: Dataset) -> Atlas {
        let place_ix: FxMap<String, usize> = data
            .places
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
        let link_ix: FxMap<String, usize> = data
            .links
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id.clone(), i))
            .collect();
        let source_ix = data
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        let mut adjacency = vec![Vec::new(); data.places.len()];
        let mut degree = vec![0u32; data.places.len()];
        for (i, l) in data.links.iter().enumerate() {
            for end in [&l.a, &l.b] {
                if let Some(&p) = place_ix.get(end) {
                    adjacency[p].push(i);
                    if l.form != Form::None {
                        degree[p] += 1;
                    }
                }
            }
        }
        let search = SearchIndex::build(&data, &degree);
        let dates = DateRule::new(&data);
        Atlas {
            data,
            place_ix,
            link_ix,
            source_ix,
            adjacency,
            degree,
            search,
            world: None,
            dates,
            suggest: Default::default(),
        }
    }

    pub fn dataset(&self) -> &Dataset {
        &self.data
    }

    pub fn into_dataset(self) -> Dataset {
        self.data
    }

    pub(crate) fn place_index(&self, id: &str) -> Result<usize> {
        self.place_ix
            .get(id)
            .copied()
            .ok_or_else(|| Error::not_found("place", id))
    }

    pub fn get_place(&self, id: &str) -> Option<&Place> {
        self.place_ix.get(id).map(|&i| &self.data.places[i])
    }

    pub fn get_link(&self, id: &str) -> Option<&Link> {
        self.link_ix.get(id).map(|&i| &self.data.links[i])
    }

    /// The link joining two places, in either order.
    pub fn link_between(&self, a: &str, b: &str) -> Option<&Link> {
        let ia = self.place_ix.get(a)?;
        self.adjacency[*ia]
            .iter()
            .map(|&l| &self.data.links[l])
            .find(|l| l.other(a) == b)
    }

    /// Links of a place, by index.
    pub fn links_of(&self, id: &str) -> impl Iterator<Item = &Link> {
        let list = self
            .place_ix
            .get(id)
            .map(|&i| self.adjacency[i].as_slice())
            .unwrap_or(&[]);
        list.iter().map(move |&l| &self.data.links[l])
    }

    pub fn degree(&self, id: &str) -> u32 {
        self.place_ix.get(id).map(|&i| self.degree[i]).unwrap_or(0)
    }

    // ----- views -----

    /// Source ids resolved (an id the data does not list comes back as its own title).
    pub fn sources_view(&self, ids: &[String]) -> Vec<SourceRef> {
        ids.iter().map(|id| self.source_ref(id)).collect()
    }

    /// One source id resolved (an id the data does not list comes back as its own title).
    pub fn source_ref(&self, id: &str) -> SourceRef {
        match self.source_ix.get(id) {
            Some(&i) => {
                let s = &self.data.sources[i];
                SourceRef {
                    id: s.id.clone(),
                    title: s.title.clone(),
                    url: s.url.clone(),
                    byline: s.byline(),
                    citation: s.citation(),
                }
            }
            None => SourceRef {
                id: id.to_string(),
                title: id.to_string(),
                url: None,
                byline: String::new(),
                citation: id.to_string(),
            },
        }
    }

    /// Disagreements with their sources resolved.
    pub fn disagreements_view(&self, ds: &[Disagreement]) -> Vec<DisagreementView> {
        ds.iter()
            .map(|d| DisagreementView {
                claimed_by_ref: self.source_ref(&d.claimed_by),
                source_refs: self.sources_view(&d.sources),
                disagreement: d.clone(),
            })
            .collect()
    }

    /// A pair's recorded facts with the satellite named and the criteria's sources resolved.
    pub fn pair_facts_view(&self, p: &PairFacts) -> PairFactsView {
        PairFactsView {
            river: p.river.clone(),
            river_is_border: p.river_is_border,
            bridge: p.bridge,
            origin: p.origin,
            satellite: p.satellite.clone(),
            satellite_ref: p.satellite.as_deref().map(|id| self.place_ref_of(id)),
            distance_km: p.distance_km,
            criteria: p
                .criteria
                .iter()
                .map(|c| CriterionFactView {
                    source_refs: self.sources_view(&c.sources),
                    fact: c.clone(),
                })
                .collect(),
        }
    }

    /// A place named by its id (the id itself as the name when the atlas does not hold it).
    pub fn place_ref_of(&self, id: &str) -> PlaceRef {
        match self.place_ix.get(id) {
            Some(&i) => self.place_ref(i),
            None => PlaceRef {
                id: id.to_string(),
                name: id.to_string(),
                country: None,
                country_name: None,
            },
        }
    }

    pub fn summary(&self, p: &Place) -> PlaceSummary {
        let c = countries();
        PlaceSummary {
            id: p.id.clone(),
            name: p.name.clone(),
            level: p.level,
            country: p.country.clone(),
            country_name: p.country.as_deref().map(|code| c.name(code).to_string()),
            admin: p.admin.clone(),
            lat: p.lat,
            lon: p.lon,
            population: p.population,
            partner_count: self.degree(&p.id),
        }
    }

    fn summary_of(&self, id: &str) -> PlaceSummary {
        match self.get_place(id) {
            Some(p) => self.summary(p),
            None => PlaceSummary {
                id: id.to_string(),
                name: id.to_string(),
                level: Level::Unknown,
                country: None,
                country_name: None,
                admin: None,
                lat: None,
                lon: None,
                population: None,
                partner_count: 0,
            },
        }
    }

    pub fn event_view(&self, e: &Event) -> EventView {
        EventView {
            kind: e.kind,
            date: (&e.date).into(),
            actor: e.actor.clone(),
            reason: e.reason.clone(),
            note: e.note.clone(),
            sources: self.sources_view(&e.sources),
        }
    }

    pub fn status_view(&self, l: &Link, as_of: AsOf) -> StatusView {
        let s = self.dates.status_at(l, as_of);
        StatusView {
            status: s.status,
            as_of: match as_of {
                AsOf::Now => None,
                AsOf::Date(d) => Some((&d).into()),
            },
            decided_by: s
                .decided_by
                .and_then(|i| l.events.get(i))
                .map(|e| self.event_view(e)),
            certain: s.certain,
        }
    }

    /// The distance between the two places of a link, in km, when both have coordinates.
    pub fn link_distance(&self, l: &Link) -> Option<f64> {
        let a = self.get_place(&l.a)?;
        let b = self.get_place(&l.b)?;
        distance_km((a.lat, a.lon), (b.lat, b.lon))
    }

    /// A place with its names, states, groups and sources.
    pub fn place(&self, id: &str) -> Result<PlaceView> {
        let p = &self.data.places[self.place_index(id)?];
        let c = countries();
        Ok(PlaceView {
            summary: self.summary(p),
            names: p
                .names
                .iter()
                .map(|n| NameView {
                    name: n.name.clone(),
                    lang: n.lang.clone(),
                    kind: n.kind,
                    since: n.since.as_ref().map(Into::into),
                    until: n.until.as_ref().map(Into::into),
                })
                .collect(),
            historic: p
                .historic
                .iter()
                .map(|h| HistoricView {
                    state: h.state.clone(),
                    state_name: c.name(&h.state).to_string(),
                    since: h.since.as_ref().map(Into::into),
                    until: h.until.as_ref().map(Into::into),
                })
                .collect(),
            description: p.description.clone(),
            wikidata: p.wikidata.clone(),
            coord_source: p.coord_source.clone(),
            groups: self
                .data
                .groups
                .iter()
                .filter(|g| g.members.iter().any(|m| m == id))
                .map(|g| GroupRef {
                    id: g.id.clone(),
                    name: g.name.clone(),
                    kind: g.kind,
                })
                .collect(),
            sources: self.sources_view(&p.sources),
            seeds: p.seeds.clone(),
        })
    }

    /// The partners of a place with their status at `as_of`: in force first, then
    /// suspended, proposed, ended; within each, by year (oldest first), then name.
    pub fn partners(&self, id: &str, options: &PartnersOptions) -> Result<PartnersView> {
        let pi = self.place_index(id)?;
        let as_of = parse_as_of(options.as_of.as_deref())?;
        let mut partners: Vec<PartnerView> = self.adjacency[pi]
            .iter()
            .map(|&li| {
                let l = &self.data.links[li];
                let status = self.status_view(l, as_of);
                let (since, until) = self.dates.since_until(l, as_of);
                let since = since.map(|e| (&e.date).into());
                let until = until.map(|e| (&e.date).into());
                PartnerView {
                    link_id: l.id.clone(),
                    partner: self.summary_of(l.other(id)),
                    form: l.form,
                    term: l.term.clone(),
                    status,
                    since,
                    until,
                    motives: l.motives.clone(),
                    distance_km: self.link_distance(l),
                    sources: self.sources_view(&l.sources),
                }
            })
            .collect();
        partners.sort_by(|x, y| {
            x.status
                .status
                .rank()
                .cmp(&y.status.status.rank())
                .then_with(|| {
                    let yx = x.since.as_ref().and_then(|d| d.year).unwrap_or(i32::MAX);
                    let yy = y.since.as_ref().and_then(|d| d.year).unwrap_or(i32::MAX);
                    yx.cmp(&yy)
                })
                .then_with(|| x.partner.name.cmp(&y.partner.name))
                .then_with(|| x.link_id.cmp(&y.link_id))
        });
        let (partners, pairings): (Vec<PartnerView>, Vec<PartnerView>) =
            partners.into_iter().partition(|p| p.form != Form::None);
        let mut counts: BTreeMap<usize, Count<Status>> = BTreeMap::new();
        for p in &partners {
            let s = p.status.status;
            counts
                .entry(s.rank())
                .or_insert(Count { key: s, count: 0 })
                .count += 1;
        }
        Ok(PartnersView {
            place: self.summary(&self.data.places[pi]),
            as_of: match as_of {
                AsOf::Now => None,
                AsOf::Date(d) => Some((&d).into()),
            },
            coverage: self.coverage(pi),
            partner_count: partners.len() as u32,
            partners,
            pairings,
            counts: counts.into_values().collect(),
            status_order: Status::ORDER.to_vec(),
        })
    }

    /// Where the links of place `pi` come from: recorded histories, sources that list them.
    fn coverage(&self, pi: usize) -> Coverage {
        let mut with_history = 0;
        let mut listed_only = 0;
        let mut by_source: Vec<(String, u32)> = Vec::new();
        for &li in &self.adjacency[pi] {
            let l = &self.data.links[li];
            // pairings without an agreement are not partners (they are listed apart)
            if l.form == Form::None {
                continue;
            }
            if l.events.is_empty() {
                listed_only += 1;
            } else {
                with_history += 1;
            }
            for s in &l.sources {
                match by_source.iter_mut().find(|(id, _)| id == s) {
                    Some((_, n)) => *n += 1,
                    None => by_source.push((s.clone(), 1)),
                }
            }
        }
        by_source.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let (ids, counts): (Vec<String>, Vec<u32>) = by_source.into_iter().unzip();
        Coverage {
            with_history,
            listed_only,
            by_source: self
                .sources_view(&ids)
                .into_iter()
                .zip(counts)
                .map(|(source, count)| SourceCount { source, count })
                .collect(),
        }
    }

    /// The link between two places (in either order) with its whole history, and its
    /// status at `options.asOf` (default now).
    pub fn link(&self, a: &str, b: &str, options: &PartnersOptions) -> Result<LinkView> {
        self.place_index(a)?;
        self.place_index(b)?;
        let as_of = parse_as_of(options.as_of.as_deref())?;
        let l = self
            .link_between(a, b)
            .ok_or_else(|| Error::not_found("link", Link::pair_id(a, b)))?;
        Ok(self.link_view(l, as_of))
    }

    /// A link by its id, with its status at `options.asOf` (default now).
    pub fn link_by_id(&self, id: &str, options: &PartnersOptions) -> Result<LinkView> {
        let as_of = parse_as_of(options.as_of.as_deref())?;
        let l = self
            .get_link(id)
            .ok_or_else(|| Error::not_found("link", id))?;
        Ok(self.link_view(l, as_of))
    }

    /// Every group, with its members.
    pub fn groups(&self) -> Vec<GroupView> {
        self.data
            .groups
            .iter()
            .map(|g| self.group_view(g))
            .collect()
    }

    /// One group by id.
    pub fn group(&self, id: &str) -> Result<GroupView> {
        self.data
            .groups
            .iter()
            .find(|g| g.id == id)
            .map(|g| self.group_view(g))
            .ok_or_else(|| Error::not_found("group", id))
    }

    fn group_view(&self, g: &crate::model::Group) -> GroupView {
        GroupView {
            id: g.id.clone(),
            name: g.name.clone(),
            kind: g.kind,
            founded: g.founded.as_ref().map(Into::into),
            description: g.description.clone(),
            members: g.members.iter().map(|m| self.summary_of(m)).collect(),
            open_ended: g.open_ended,
            sources: self.sources_view(&g.sources),
            seeds: g.seeds.clone(),
        }
    }

    /// The notes (concepts, findings, programmes, policies), optionally only those
    /// concerning one place.
    pub fn notes(&self, place: Option<&str>) -> Vec<NoteView> {
        self.data
            .notes
            .iter()
            .filter(|n| place.is_none_or(|p| n.places.iter().any(|x| x == p)))
            .map(|n| NoteView {
                id: n.id.clone(),
                title: n.title.clone(),
                text: n.text.clone(),
                date: n.date.as_ref().map(Into::into),
                places: n.places.iter().map(|p| self.summary_of(p)).collect(),
                disagreements: self.disagreements_view(&n.disagreements),
                sources: self.sources_view(&n.sources),
                all_sources: {
                    let mut ids = n.sources.clone();
                    for d in &n.disagreements {
                        for s in std::iter::once(&d.claimed_by).chain(&d.sources) {
                            if !ids.contains(s) {
                                ids.push(s.clone());
                            }
                        }
                    }
                    self.sources_view(&ids)
                },
                seeds: n.seeds.clone(),
            })
            .collect()
    }

    /// The countries of the loaded data, by number of twinnings (then name).
    pub fn countries(&self) -> Vec<CountryView> {
        let table = countries();
        let mut places: HashMap<&str, u32> = HashMap::new();
        for p in &self.data.places {
            if let Some(c) = &p.country {
                *places.entry(c.as_str()).or_default() += 1;
            }
        }
        let mut twinnings: HashMap<&str, u32> = HashMap::new();
        for l in self.data.links.iter().filter(|l| l.form != Form::None) {
            let ca = self.get_place(&l.a).and_then(|p| p.country.as_deref());
            let cb = self.get_place(&l.b).and_then(|p| p.country.as_deref());
            if let Some(a) = ca {
                *twinnings.entry(a).or_default() += 1;
            }
            if let Some(b) = cb.filter(|b| Some(*b) != ca) {
                *twinnings.entry(b).or_default() += 1;
            }
        }
        let mut v: Vec<CountryView> = places
            .iter()
            .map(|(&code, &n)| {
                let c = table.get(code);
                CountryView {
                    code: code.to_string(),
                    name: table.name(code).to_string(),
                    continent: c
                        .map(|c| c.continent)
                        .filter(|s| !s.is_empty())
                        .map(str::to_string),
                    continent_name: c
                        .map(|c| c.continent)
                        .filter(|s| !s.is_empty())
                        .map(|s| crate::country::continent_name(s).to_string()),
                    historic: c.is_some_and(|c| c.historic),
                    places: n,
                    twinnings: twinnings.get(code).copied().unwrap_or(0),
                }
            })
            .collect();
        v.sort_by(|a, b| {
            b.twinnings
                .cmp(&a.twinnings)
                .then_with(|| a.name.cmp(&b.name))
        });
        v
    }

    /// Every source the data cites, or one of them.
    pub fn sources(&self) -> Vec<SourceView> {
        self.data
            .sources
            .iter()
            .map(|s| SourceView {
                id: s.id.clone(),
                title: s.title.clone(),
                url: s.url.clone(),
                licence: s.licence.clone(),
                author: s.author.clone(),
                date: s.date.as_ref().map(Into::into),
                published_in: s.published_in.clone(),
                identifier: s.identifier.clone(),
                accessed: s.accessed.as_ref().map(Into::into),
                byline: s.byline(),
                citation: s.citation(),
            })
            .collect()
    }

    pub fn link_view(&self, l: &Link, as_of: AsOf) -> LinkView {
        LinkView {
            id: l.id.clone(),
            a: self.summary_of(&l.a),
            b: self.summary_of(&l.b),
            form: l.form,
            term: l.term.clone(),
            description: l.description.clone(),
            status: self.status_view(l, as_of),
            events: l.events.iter().map(|e| self.event_view(e)).collect(),
            motives: l.motives.clone(),
            pair: l.pair.as_ref().map(|p| self.pair_facts_view(p)),
            disagreements: self.disagreements_view(&l.disagreements),
            distance_km: self.link_distance(l),
            sources: self.sources_view(&l.sources),
            all_sources: self.sources_view(&all_link_sources(l)),
            seeds: l.seeds.clone(),
        }
    }

    /// Places whose names match `query.text` and pass its filters, best first, with the
    /// links between two places the text names (see `search/`).
    pub fn search(&self, query: &SearchQuery) -> Result<SearchResult> {
        crate::search::run(self, query)
    }

    /// The glossary, sorted by language then term.
    pub fn terms(&self) -> Vec<TermView> {
        let mut v: Vec<TermView> = self
            .data
            .terms
            .iter()
            .map(|t| TermView {
                term: t.clone(),
                source_refs: self.sources_view(&t.sources),
            })
            .collect();
        v.sort_by(|x, y| {
            x.term
                .language
                .cmp(&y.term.language)
                .then_with(|| x.term.term.cmp(&y.term.term))
        });
        v
    }

    /// Counts over the whole dataset.
    pub fn stats(&self) -> Stats {
        fn counted<K: Ord + Clone>(m: BTreeMap<K, u32>) -> Vec<Count<K>> {
            let mut v: Vec<Count<K>> = m
                .into_iter()
                .map(|(key, count)| Count { key, count })
                .collect();
            v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
            v
        }
        let d = &self.data;
        let mut by_level = BTreeMap::new();
        let mut by_country = BTreeMap::new();
        for p in &d.places {
            *by_level.entry(p.level).or_insert(0) += 1;
            if let Some(c) = &p.country {
                *by_country.entry(c.clone()).or_insert(0) += 1;
            }
        }
        let mut by_form = BTreeMap::new();
        let mut by_status = BTreeMap::new();
        for l in &d.links {
            *by_form.entry(l.form).or_insert(0) += 1;
            *by_status
                .entry(self.dates.status_at(l, AsOf::Now).status)
                .or_insert(0) += 1;
        }
        let mut most: Vec<(usize, u32)> = self.degree.iter().copied().enumerate().collect();
        most.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| d.places[a.0].id.cmp(&d.places[b.0].id))
        });
        Stats {
            places: d.places.len() as u32,
            links: d.links.len() as u32,
            agreements: d.links.iter().filter(|l| l.form != Form::None).count() as u32,
            events: d.links.iter().map(|l| l.events.len() as u32).sum(),
            groups: d.groups.len() as u32,
            terms: d.terms.len() as u32,
            notes: d.notes.len() as u32,
            sources: d.sources.len() as u32,
            countries: by_country.len() as u32,
            places_with_coordinates: d.places.iter().filter(|p| p.lat.is_some()).count() as u32,
            by_level: counted(by_level),
            by_form: counted(by_form),
            by_status: counted(by_status),
            by_country: NamedCount::countries(counted(by_country)),
            most_connected: most
                .into_iter()
                .take(10)
                .filter(|(_, n)| *n > 0)
                .map(|(i, n)| PlaceCount {
                    place: self.summary(&d.places[i]),
                    count: n,
                })
                .collect(),
        }
    }
}
