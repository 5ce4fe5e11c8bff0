//! Place and link search: an index over every name and alias of every place (folded by
//! `text.rs`), built once per dataset; prefix, word, any-order and typo-tolerant matching;
//! ranking by match class first, then prominence (partners, population, level), then name
//! and id, so the page, the npm API and the tests see the same order; filters on places and
//! their links; and link hits for queries that name two places ("coventry dresden").
//!
//! Layout: `index.rs` builds, `query.rs` matches and ranks, `fuzzy.rs` finds typos,
//! `filter.rs` narrows, `columns.rs` builds a search-only atlas from columns (benchmarks).
//!
//! Not for: folding rules (`text.rs`).

mod columns;
mod filter;
mod fuzzy;
mod index;
mod query;

pub use columns::PlaceColumns;
pub use filter::OneOrMany;
pub use index::SearchIndex;

use crate::atlas::Atlas;
use crate::error::{Error, Result};
use crate::status::AsOf;
use crate::text::{fold, fold_map};
use crate::view::{LinkHit, MatchQuality, MatchedName, PlaceSummary, SearchHit, SearchResult};
use filter::{Filters, PlaceFilter};
use index::MAIN;
use query::{Found, Via, BROWSE, PREFIX, TYPO1, TYPO2, TYPO_FIRST, WORD, WORDS};
use serde::{Deserialize, Serialize};

/// The order of the hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    /// Match quality, then prominence (the default).
    #[default]
    Relevance,
    /// By name (then prominence).
    Name,
    /// Most populous first.
    Population,
    /// Most partners first.
    Partners,
}

/// A search request: text and filters, all optional.
#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields = nullable)]
pub struct SearchQuery {
    /// What was typed; empty lists the places that pass the filters, most prominent first.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub text: String,
    /// At most this many place hits (default 20, at most 1000).
    #[serde(default)]
    pub limit: Option<u32>,
    /// Skip this many place hits first (paging; at most 100000).
    #[serde(default)]
    pub offset: Option<u32>,
    /// ISO 3166-1 alpha-2 code(s).
    #[serde(default)]
    pub country: Option<OneOrMany>,
    /// Place level(s): `city`, `town`, `region` …
    #[serde(default)]
    pub level: Option<OneOrMany>,
    /// Places with a link of this form (`twinning`, `sister_city` …).
    #[serde(default)]
    pub form: Option<OneOrMany>,
    /// Places with a link of this status at `asOf` (`established`, `suspended` …).
    #[serde(default)]
    pub status: Option<OneOrMany>,
    /// The date for `status` (`2021`, `2022-03-22`; default now).
    #[serde(default)]
    pub as_of: Option<String>,
    /// Places with a link established in this year or later.
    #[serde(default)]
    pub from_year: Option<i32>,
    /// Places with a link established in this year or earlier.
    #[serde(default)]
    pub to_year: Option<i32>,
    /// Places with a link for this motive (`reconciliation`, `shared_name` …).
    #[serde(default)]
    pub motive: Option<OneOrMany>,
    /// Also look for links between two places the text names (default true).
    #[serde(default)]
    pub links: Option<bool>,
    #[serde(default)]
    pub sort: Option<SortOrder>,
}

const MAX_LIMIT: u32 = 1000;
const MAX_OFFSET: u32 = 100_000;
const LINK_HITS: usize = 10;
/// Places considered on each side of a link query.
const LINK_SIDE: usize = 40;

fn quality(class: u32) -> MatchQuality {
    match class {
        c if c < PREFIX => MatchQuality::Exact,
        c if c < WORD => MatchQuality::Prefix,
        c if c < WORDS => MatchQuality::Word,
        c if c < TYPO1 => MatchQuality::Words,
        c if c < BROWSE => MatchQuality::Typo,
        _ => MatchQuality::Browse,
    }
}

fn typos(class: u32) -> u32 {
    match class {
        c if (TYPO1..TYPO2).contains(&c) || (TYPO_FIRST..BROWSE).contains(&c) => 1,
        c if (TYPO2..TYPO_FIRST).contains(&c) => 2,
        _ => 0,
    }
}

impl SearchIndex {
    /// The ids (place indexes) of the best `k` places for `text`, best first: the lean call
    /// the benchmark makes on every keystroke.
    pub fn search_ids(&self, text: &str, k: usize) -> Vec<u32> {
        let q = fold(text);
        if q.is_empty() {
            return self.by_rank.iter().take(k).copied().collect();
        }
        let mut out = Vec::new();
        self.find(&q, k, false, |_| true, &mut out);
        out.into_iter().map(|f| f.place).collect()
    }
}

/// Run a query against an atlas.
pub(crate) fn run(atlas: &Atlas, query: &SearchQuery) -> Result<SearchResult> {
    let limit = query.limit.unwrap_or(20);
    if limit == 0 || limit > MAX_LIMIT {
        return Err(Error::invalid(
            "limit",
            format!("must be between 1 and {MAX_LIMIT}"),
        ));
    }
    let offset = query.offset.unwrap_or(0);
    if offset > MAX_OFFSET {
        return Err(Error::invalid(
            "offset",
            format!("must be at most {MAX_OFFSET}"),
        ));
    }
    let filters = Filters::parse(query)?;
    let sort = query.sort.unwrap_or_default();
    let ix = &atlas.search;
    let q = fold(&query.text);
    let mut pf = PlaceFilter::new(atlas, &filters);
    let filtered = filters.any();
    let mut found: Vec<Found> = Vec::new();
    let want = if sort == SortOrder::Relevance {
        (offset + limit) as usize
    } else {
        usize::MAX
    };
    let total = if q.is_empty() {
        browse(atlas, &mut pf, want, &mut found)
    } else {
        ix.find(&q, want, filtered, |p| pf.ok(p), &mut found)
    };
    if sort != SortOrder::Relevance {
        sort_found(atlas, sort, &mut found);
    }
    let hits = found
        .iter()
        .skip(offset as usize)
        .take(limit as usize)
        .filter_map(|f| hit(atlas, f, q.as_bytes()))
        .collect();
    let links = if query.links != Some(false) && q.contains(' ') && !atlas.data.links.is_empty() {
        link_hits(atlas, &q, &filters, &pf)
    } else {
        Vec::new()
    };
    Ok(SearchResult {
        query: query.text.clone(),
        total,
        hits,
        links,
    })
}

/// Every place that passes the filters, by prominence.
fn browse(atlas: &Atlas, pf: &mut PlaceFilter, want: usize, out: &mut Vec<Found>) -> u32 {
    let ix = &atlas.search;
    let mut total = 0u32;
    for (r, &p) in ix.by_rank.iter().enumerate() {
        if pf.ok(p) {
            total += 1;
            if out.len() < want {
                out.push(Found {
                    place: p,
                    key: (u64::from(BROWSE) << 32) | r as u64,
                    sfx: 0,
                    len: 0,
                    via: Via::Browse,
                });
            }
        }
    }
    total
}

fn sort_found(atlas: &Atlas, sort: SortOrder, found: &mut [Found]) {
    let places = &atlas.data.places;
    let pop = |f: &Found| {
        places
            .get(f.place as usize)
            .and_then(|p| p.population)
            .unwrap_or(0)
    };
    let deg = |f: &Found| atlas.degree.get(f.place as usize).copied().unwrap_or(0);
    let name = |f: &Found| places.get(f.place as usize).map_or("", |p| p.name.as_str());
    match sort {
        SortOrder::Relevance => {}
        SortOrder::Name => found.sort_by(|a, b| name(a).cmp(name(b)).then(a.key.cmp(&b.key))),
        SortOrder::Population => found.sort_by(|a, b| pop(b).cmp(&pop(a)).then(a.key.cmp(&b.key))),
        SortOrder::Partners => found.sort_by(|a, b| deg(b).cmp(&deg(a)).then(a.key.cmp(&b.key))),
    }
}

/// The name of entry `e`, as written, and its kind.
fn entry_name(atlas: &Atlas, e: usize) -> Option<(String, MatchedName)> {
    let ix = &atlas.search;
    let p = atlas.data.places.get(*ix.entry_place.get(e)? as usize)?;
    let n = *ix.entry_name.get(e)?;
    if n == MAIN {
        return Some((p.name.clone(), MatchedName::Name));
    }
    if let Some(extra) = &ix.extra {
        return Some((extra.get(n as usize).to_string(), MatchedName::Alias));
    }
    let name = p.names.get(n as usize)?;
    Some((name.name.clone(), name.kind.into()))
}

/// Folded spans to UTF-16 spans of the original name.
fn spans(original: &str, folded: &[(u32, u32)]) -> Vec<[u32; 2]> {
    let (_, map) = fold_map(original);
    let mut out: Vec<[u32; 2]> = Vec::new();
    for &(off, len) in folded {
        if len == 0 {
            continue;
        }
        let (a, b) = (off as usize, (off + len) as usize - 1);
        if let (Some(x), Some(y)) = (map.get(a), map.get(b.min(map.len().saturating_sub(1)))) {
            out.push([x[0], y[1]]);
        }
    }
    out
}

fn hit(atlas: &Atlas, f: &Found, q: &[u8]) -> Option<SearchHit> {
    let ix = &atlas.search;
    let p = atlas.data.places.get(f.place as usize)?;
    let (e, class, folded) = ix.resolve(f, q)?;
    let (matched, kind) =
        entry_name(atlas, e).unwrap_or_else(|| (p.name.clone(), MatchedName::Name));
    Some(SearchHit {
        place: atlas.summary(p),
        spans: spans(&matched, &folded),
        matched,
        matched_kind: kind,
        quality: quality(class),
        typos: typos(class),
    })
}

/// Links between a place named by the first words of the text and one named by the rest.
fn link_hits(atlas: &Atlas, q: &str, filters: &Filters, pf: &PlaceFilter) -> Vec<LinkHit> {
    let ix = &atlas.search;
    let words: Vec<&str> = q.split(' ').filter(|w| !w.is_empty()).take(8).collect();
    // (score, link index, left side, right side, split)
    let mut cands: Vec<(u64, usize, Found, Found, usize)> = Vec::new();
    let mut left = Vec::new();
    let mut right = Vec::new();
    for split in 1..words.len() {
        let (l, r) = (words[..split].join(" "), words[split..].join(" "));
        ix.find(&l, LINK_SIDE, false, |_| true, &mut left);
        ix.find(&r, LINK_SIDE, false, |_| true, &mut right);
        for a in &left {
            let Some(adj) = atlas.adjacency.get(a.place as usize) else {
                continue;
            };
            let Some(pa) = atlas.data.places.get(a.place as usize) else {
                continue;
            };
            let class_a = class_of(ix, a, l.as_bytes());
            for &li in adj {
                let Some(link) = atlas.data.links.get(li) else {
                    continue;
                };
                let Some(&other) = atlas.place_ix.get(link.other(&pa.id)) else {
                    continue;
                };
                let Some(b) = right.iter().find(|f| f.place as usize == other) else {
                    continue;
                };
                if !pf.link_hit_ok(link, a.place as usize, other) {
                    continue;
                }
                let class_b = class_of(ix, b, r.as_bytes());
                let score = (u64::from(class_a + class_b) << 40)
                    + (a.key & 0xffff_ffff)
                    + (b.key & 0xffff_ffff);
                cands.push((score, li, *a, *b, split));
            }
        }
    }
    cands.sort_by(|x, y| x.0.cmp(&y.0).then(x.1.cmp(&y.1)));
    let as_of = filters.as_of.unwrap_or(AsOf::Now);
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for (_, li, a, b, split) in cands {
        if out.len() >= LINK_HITS {
            break;
        }
        if seen.contains(&li) {
            continue;
        }
        seen.push(li);
        let Some(link) = atlas.data.links.get(li) else {
            continue;
        };
        let (l, r) = (words[..split].join(" "), words[split..].join(" "));
        let side = |f: &Found, text: &str| -> Option<(PlaceSummary, String)> {
            let p = atlas.data.places.get(f.place as usize)?;
            let name = ix
                .resolve(f, text.as_bytes())
                .and_then(|(e, _, _)| entry_name(atlas, e))
                .map_or_else(|| p.name.clone(), |x| x.0);
            Some((atlas.summary(p), name))
        };
        let (Some(sa), Some(sb)) = (side(&a, &l), side(&b, &r)) else {
            continue;
        };
        let ((pa, ma), (pb, mb)) = if sa.0.id == link.a {
            (sa, sb)
        } else {
            (sb, sa)
        };
        out.push(LinkHit {
            id: link.id.clone(),
            a: pa,
            b: pb,
            matched_a: ma,
            matched_b: mb,
            form: link.form,
            status: atlas.dates.status_at(link, as_of).status,
            since: link
                .events
                .iter()
                .find(|e| e.kind == crate::model::EventKind::Established)
                .and_then(|e| e.date.sort_year()),
        });
    }
    out
}

/// The match class of a found place (places from precomputed lists are resolved).
fn class_of(ix: &SearchIndex, f: &Found, q: &[u8]) -> u32 {
    match f.via {
        Via::Suffix => f.class(),
        _ => ix.resolve(f, q).map_or(f.class(), |r| r.1),
    }
}

impl Atlas {
    /// The search index (for callers that want ids only: [`SearchIndex::search_ids`]).
    pub fn search_index(&self) -> &SearchIndex {
        &self.search
    }
}
