//! The network of partnerships: partners of partners, the shortest chain of partnerships
//! between two places, connected components, and the most connected places. The graph's
//! edges are agreements (links whose form is not `none`), of any status unless
//! `activeOnly` asks for the ones in force at a date.
//!
//! Not for: classifying a pair (`classify/`) or aggregates over time (`statistics.rs`).

use crate::atlas::{parse_as_of, Atlas};
use crate::error::{Error, Result};
use crate::model::{Form, Link};
use crate::status::{AsOf, DateRule, Status};
use crate::text::fold;
use crate::view::{
    ChainLink, ChainView, ComponentOfView, ComponentSummary, ComponentsView, ConnectedPlace, Count,
    MostConnectedView, PartnerOfPartner, PartnersOfPartnersView, PlaceRef, RecordCheck,
};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

/// Which links count as edges.
#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields = nullable)]
pub struct NetworkOptions {
    /// With `activeOnly`: the date at which links must be in force (missing: now).
    #[serde(default)]
    pub as_of: Option<String>,
    /// Only links in force at `asOf`; default: every agreement, whatever its status.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub active_only: bool,
    /// At most this many rows in lists (default 100, at most 10 000).
    #[serde(default)]
    pub limit: Option<u32>,
}

/// The edge filter, decided once per query.
#[derive(Clone, Copy)]
pub(crate) struct Edges {
    as_of: AsOf,
    active_only: bool,
}

impl Edges {
    fn from(o: &NetworkOptions) -> Result<Edges> {
        Ok(Edges {
            as_of: parse_as_of(o.as_of.as_deref())?,
            active_only: o.active_only,
        })
    }
    fn counts(&self, dates: &DateRule, l: &Link) -> bool {
        l.form != Form::None
            && (!self.active_only || dates.status_at(l, self.as_of).status == Status::Established)
    }
}

fn limit(o: &NetworkOptions) -> Result<usize> {
    match o.limit {
        None => Ok(100),
        Some(n) if (1..=10_000).contains(&n) => Ok(n as usize),
        Some(_) => Err(Error::invalid("limit", "must be between 1 and 10000")),
    }
}

const NONE: u32 = u32::MAX;

/// A fast hasher for place indexes (Fibonacci hashing): the search's visited sets are keyed
/// by small integers we made ourselves, so they need no protection against chosen keys.
#[derive(Default, Clone, Copy)]
struct IndexHasher(u64);

impl std::hash::Hasher for IndexHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64 ^ self.0).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type IndexMap<V> = HashMap<usize, V, std::hash::BuildHasherDefault<IndexHasher>>;

/// Union-find over place indexes.
struct Dsu(Vec<u32>);

impl Dsu {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] as usize != x {
            let up = self.0[x] as usize;
            self.0[x] = self.0[up];
            x = up;
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo as u32;
        }
    }
}

/// Components as a label per place (NONE for isolated), numbered largest first.
struct Labels {
    label: Vec<u32>,
    sizes: Vec<u32>,
}

impl Atlas {
    pub(crate) fn place_ref(&self, i: usize) -> PlaceRef {
        PlaceRef::of(&self.data.places[i])
    }

    /// The place index at the other end of link `li`, seen from place `p`.
    pub(crate) fn other_end(&self, p: usize, li: usize) -> Option<usize> {
        let l = &self.data.links[li];
        let id = &self.data.places[p].id;
        let other = if l.a == *id { &l.b } else { &l.a };
        self.place_ix.get(other).copied()
    }

    /// Partners of place `p` along counted edges: (link index, place index).
    fn neighbours(&self, p: usize, edges: Edges) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.adjacency[p].iter().filter_map(move |&li| {
            if !edges.counts(&self.dates, &self.data.links[li]) {
                return None;
            }
            self.other_end(p, li).filter(|&q| q != p).map(|q| (li, q))
        })
    }

    fn labels(&self, edges: Edges) -> Labels {
        let n = self.data.places.len();
        let mut dsu = Dsu((0..n as u32).collect());
        let mut linked = vec![false; n];
        for l in &self.data.links {
            if !edges.counts(&self.dates, l) {
                continue;
            }
            if let (Some(&a), Some(&b)) = (self.place_ix.get(&l.a), self.place_ix.get(&l.b)) {
                if a != b {
                    dsu.union(a, b);
                    linked[a] = true;
                    linked[b] = true;
                }
            }
        }
        let mut size_of_root: HashMap<usize, u32> = HashMap::new();
        let mut root = vec![0usize; n];
        for i in 0..n {
            root[i] = dsu.find(i);
            if linked[i] {
                *size_of_root.entry(root[i]).or_insert(0) += 1;
            }
        }
        let mut roots: Vec<(usize, u32)> = size_of_root.into_iter().collect();
        roots.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        let index: HashMap<usize, u32> = roots
            .iter()
            .enumerate()
            .map(|(i, r)| (r.0, i as u32))
            .collect();
        let label = (0..n)
            .map(|i| {
                if linked[i] {
                    index.get(&root[i]).copied().unwrap_or(NONE)
                } else {
                    NONE
                }
            })
            .collect();
        Labels {
            label,
            sizes: roots.into_iter().map(|r| r.1).collect(),
        }
    }

    /// The shortest chain of partnerships from `a` to `b` (bidirectional breadth-first search).
    pub fn chain(&self, a: &str, b: &str, options: &NetworkOptions) -> Result<ChainView> {
        let s = self.place_index(a)?;
        let t = self.place_index(b)?;
        let edges = Edges::from(options)?;
        let (path, explored) = self.shortest_path(s, t, edges);
        let view = |i: usize| self.summary(&self.data.places[i]);
        let Some(path) = path else {
            return Ok(ChainView {
                from: view(s),
                to: view(t),
                found: false,
                hops: None,
                places: vec![],
                links: vec![],
                explored,
            });
        };
        let mut places = vec![view(s)];
        let mut links = Vec::new();
        let mut at = s;
        for &(li, next) in &path {
            let l = &self.data.links[li];
            links.push(ChainLink {
                link_id: l.id.clone(),
                from: self.place_ref(at),
                to: self.place_ref(next),
                form: l.form,
                term: l.term.clone(),
                status: self.dates.status_at(l, edges.as_of).status,
                since: l
                    .events
                    .iter()
                    .find(|e| e.kind == crate::model::EventKind::Established)
                    .map(|e| (&e.date).into()),
            });
            places.push(view(next));
            at = next;
        }
        Ok(ChainView {
            from: view(s),
            to: view(t),
            found: true,
            hops: Some(path.len() as u32),
            places,
            links,
            explored,
        })
    }

    /// Steps (link, place) from `s` to `t`, or None; and the number of places explored.
    pub(crate) fn shortest_path(
        &self,
        s: usize,
        t: usize,
        edges: Edges,
    ) -> (Option<Vec<(usize, usize)>>, u32) {
        if s == t {
            return (Some(vec![]), 1);
        }
        // visited maps: place → (distance from its side, parent place, parent link)
        let mut fwd: IndexMap<(u32, usize, usize)> = IndexMap::default();
        let mut bwd: IndexMap<(u32, usize, usize)> = IndexMap::default();
        fwd.insert(s, (0, NONE as usize, NONE as usize));
        bwd.insert(t, (0, NONE as usize, NONE as usize));
        let mut ff = vec![s];
        let mut fb = vec![t];
        let mut depth_f = 0u32;
        let mut depth_b = 0u32;
        let mut meet: Option<(u32, usize)> = None;
        while !ff.is_empty() && !fb.is_empty() {
            let forward = ff.len() <= fb.len();
            let (frontier, mine, other, depth) = if forward {
                (&mut ff, &mut fwd, &bwd, &mut depth_f)
            } else {
                (&mut fb, &mut bwd, &fwd, &mut depth_b)
            };
            *depth += 1;
            let mut next = Vec::new();
            for &u in frontier.iter() {
                for (li, v) in self.neighbours(u, edges) {
                    if mine.contains_key(&v) {
                        continue;
                    }
                    mine.insert(v, (*depth, u, li));
                    if let Some(&(dv, _, _)) = other.get(&v) {
                        let total = *depth + dv;
                        if meet.is_none_or(|(best, _)| total < best) {
                            meet = Some((total, v));
                        }
                    }
                    next.push(v);
                }
            }
            *frontier = next;
            if meet.is_some() {
                break;
            }
        }
        let explored = (fwd.len() + bwd.len()) as u32;
        let Some((_, m)) = meet else {
            return (None, explored);
        };
        // walk back from the meeting place to s, then forward to t
        let mut left = Vec::new();
        let mut at = m;
        while at != s {
            let Some(&(_, parent, li)) = fwd.get(&at) else {
                return (None, explored);
            };
            left.push((li, at));
            at = parent;
        }
        left.reverse();
        let mut at = m;
        while at != t {
            let Some(&(_, parent, li)) = bwd.get(&at) else {
                return (None, explored);
            };
            left.push((li, parent));
            at = parent;
        }
        (Some(left), explored)
    }

    /// Partners of the partners of a place, with the partners they are reached through.
    pub fn partners_of_partners(
        &self,
        id: &str,
        options: &NetworkOptions,
    ) -> Result<PartnersOfPartnersView> {
        let p = self.place_index(id)?;
        let edges = Edges::from(options)?;
        let limit = limit(options)?;
        let mut direct: Vec<usize> = self.neighbours(p, edges).map(|(_, q)| q).collect();
        direct.sort_unstable();
        direct.dedup();
        let mut via: HashMap<usize, Vec<usize>> = HashMap::new();
        for &q in &direct {
            for (_, r) in self.neighbours(q, edges) {
                if r != p && direct.binary_search(&r).is_err() {
                    let v = via.entry(r).or_default();
                    if !v.contains(&q) {
                        v.push(q);
                    }
                }
            }
        }
        let total = via.len() as u32;
        let mut rows: Vec<(usize, Vec<usize>)> = via.into_iter().collect();
        rows.sort_by(|x, y| {
            y.1.len()
                .cmp(&x.1.len())
                .then_with(|| self.data.places[x.0].name.cmp(&self.data.places[y.0].name))
                .then(x.0.cmp(&y.0))
        });
        Ok(PartnersOfPartnersView {
            place: self.summary(&self.data.places[p]),
            partners: direct.iter().map(|&q| self.place_ref(q)).collect(),
            total,
            partners_of_partners: rows
                .into_iter()
                .take(limit)
                .map(|(r, v)| PartnerOfPartner {
                    place: self.place_ref(r),
                    via: v.into_iter().map(|q| self.place_ref(q)).collect(),
                })
                .collect(),
        })
    }

    fn hubs(&self, members: &[usize], n: usize) -> Vec<PlaceRef> {
        let mut m: Vec<usize> = members.to_vec();
        m.sort_by(|&x, &y| self.degree[y].cmp(&self.degree[x]).then(x.cmp(&y)));
        m.into_iter().take(n).map(|i| self.place_ref(i)).collect()
    }

    /// Connected components of the partnership network.
    pub fn components(&self, options: &NetworkOptions) -> Result<ComponentsView> {
        let edges = Edges::from(options)?;
        let limit = limit(options)?;
        let labels = self.labels(edges);
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); labels.sizes.len().min(limit)];
        for (i, &l) in labels.label.iter().enumerate() {
            if let Some(m) = members.get_mut(l as usize) {
                m.push(i);
            }
        }
        let mut by_size: BTreeMap<u32, u32> = BTreeMap::new();
        for &s in &labels.sizes {
            *by_size.entry(s).or_insert(0) += 1;
        }
        let linked: u32 = labels.sizes.iter().sum();
        Ok(ComponentsView {
            count: labels.sizes.len() as u32,
            places: self.data.places.len() as u32,
            isolated: self.data.places.len() as u32 - linked,
            largest: labels.sizes.first().copied().unwrap_or(0),
            sizes: by_size
                .into_iter()
                .rev()
                .map(|(key, count)| Count { key, count })
                .collect(),
            components: members
                .iter()
                .enumerate()
                .map(|(i, m)| ComponentSummary {
                    index: i as u32,
                    size: labels.sizes.get(i).copied().unwrap_or(0),
                    hubs: self.hubs(m, 5),
                })
                .collect(),
        })
    }

    /// The component a place belongs to.
    pub fn component_of(&self, id: &str, options: &NetworkOptions) -> Result<ComponentOfView> {
        let p = self.place_index(id)?;
        let edges = Edges::from(options)?;
        let limit = match options.limit {
            None => 1000,
            Some(_) => limit(options)?,
        };
        let labels = self.labels(edges);
        let l = labels.label.get(p).copied().unwrap_or(NONE);
        if l == NONE {
            return Ok(ComponentOfView {
                place: self.summary(&self.data.places[p]),
                index: None,
                size: 1,
                members: vec![self.place_ref(p)],
                truncated: false,
            });
        }
        let members: Vec<usize> = (0..labels.label.len())
            .filter(|&i| labels.label[i] == l)
            .collect();
        let size = members.len() as u32;
        Ok(ComponentOfView {
            place: self.summary(&self.data.places[p]),
            index: Some(l),
            size,
            members: self.hubs(&members, limit),
            truncated: members.len() > limit,
        })
    }

    /// Places by number of agreements, and whether Saint Petersburg holds the record.
    pub fn most_connected(&self, options: &NetworkOptions) -> Result<MostConnectedView> {
        let limit = match options.limit {
            None => 20,
            Some(_) => limit(options)?,
        };
        let as_of = parse_as_of(options.as_of.as_deref())?;
        let mut order: Vec<usize> = (0..self.data.places.len())
            .filter(|&i| self.degree[i] > 0)
            .collect();
        order.sort_by(|&x, &y| self.degree[y].cmp(&self.degree[x]).then(x.cmp(&y)));
        let sorted: Vec<u32> = order.iter().map(|&i| self.degree[i]).collect();
        let rank_of = |d: u32| 1 + sorted.partition_point(|&e| e > d) as u32;
        let active = |i: usize| {
            self.adjacency[i]
                .iter()
                .filter(|&&li| {
                    let l = &self.data.links[li];
                    l.form != Form::None
                        && self.dates.status_at(l, as_of).status == Status::Established
                })
                .count() as u32
        };
        let places: Vec<ConnectedPlace> = order
            .iter()
            .take(limit)
            .map(|&i| ConnectedPlace {
                place: self.place_ref(i),
                partners: self.degree[i],
                active: active(i),
                rank: rank_of(self.degree[i]),
            })
            .collect();
        let spb_names = [
            "saint petersburg",
            "st petersburg",
            "sankt peterburg",
            "sankt petersburg",
            "leningrad",
        ];
        let spb = (0..self.data.places.len())
            .filter(|&i| {
                let p = &self.data.places[i];
                matches!(p.country.as_deref(), None | Some("RU"))
                    && (spb_names.contains(&fold(&p.name).as_str())
                        || p.names
                            .iter()
                            .any(|n| spb_names.contains(&fold(&n.name).as_str())))
            })
            .max_by(|&x, &y| self.degree[x].cmp(&self.degree[y]).then(y.cmp(&x)));
        let top = order.first().copied();
        let saint_petersburg = match spb {
            None => RecordCheck {
                place: None,
                partners: None,
                rank: None,
                holds_record: false,
                statement: match top {
                    Some(t) => format!(
                        "The loaded data has no Saint Petersburg, so the article's claim cannot be checked; {} has the most partners ({}).",
                        self.data.places[t].name, self.degree[t]
                    ),
                    None => "The loaded data has no Saint Petersburg and no partnerships.".into(),
                },
            },
            Some(i) => {
                let d = self.degree[i];
                let rank = rank_of(d);
                let holds = rank == 1 && d > 0;
                let statement = match top {
                    Some(t) if holds && t != i => format!(
                        "The data agrees with the article: Saint Petersburg has {d} partners, the most, shared with {}.",
                        self.data.places[t].name
                    ),
                    _ if holds => format!(
                        "The data agrees with the article: Saint Petersburg has the most partners ({d})."
                    ),
                    Some(t) => format!(
                        "The data does not agree with the article: {} has the most partners ({}); Saint Petersburg has {d} (rank {rank}).",
                        self.data.places[t].name, self.degree[t]
                    ),
                    None => "The loaded data has no partnerships.".into(),
                };
                RecordCheck {
                    place: Some(self.place_ref(i)),
                    partners: Some(d),
                    rank: Some(rank),
                    holds_record: holds,
                    statement,
                }
            }
        };
        Ok(MostConnectedView {
            places,
            saint_petersburg,
        })
    }
}
