//! Place search: every name and alias of every place, folded once when the atlas is built,
//! matched against a folded query and ranked by match quality, then prominence (partners,
//! population, level), then name and id, so every caller sees the same order.
//!
//! Not for: folding rules (`text.rs`) or filters on links (`atlas.rs`).

use crate::model::{Dataset, Level, NameKind};
use crate::text::{fold, tokens};
use serde::{Deserialize, Serialize};

/// How a name matched the query, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchQuality {
    /// The whole name.
    Exact,
    /// The name starts with the query.
    Prefix,
    /// Every query word starts a word of the name, in any order.
    Words,
    /// The query occurs inside the name.
    Substring,
}

/// Which name of a place matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchedName {
    /// The name the atlas shows.
    Name,
    Local,
    Exonym,
    Historic,
    Alias,
}

impl From<NameKind> for MatchedName {
    fn from(k: NameKind) -> MatchedName {
        match k {
            NameKind::Local => MatchedName::Local,
            NameKind::Exonym => MatchedName::Exonym,
            NameKind::Historic => MatchedName::Historic,
            NameKind::Alias => MatchedName::Alias,
        }
    }
}

/// A search request.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SearchQuery {
    pub text: String,
    /// At most this many hits (default 20, at most 1000).
    #[serde(default)]
    pub limit: Option<u32>,
}

#[derive(Debug, Clone)]
struct Entry {
    place: u32,
    folded: String,
    name: u32,
    kind: MatchedName,
}

/// The folded names of every place.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    entries: Vec<Entry>,
}

/// One hit before it is turned into a view.
#[derive(Debug, Clone, PartialEq)]
pub struct RawHit {
    pub place: usize,
    pub quality: MatchQuality,
    /// Index into the place's names; `None` for its main name.
    pub name: Option<usize>,
    pub kind: MatchedName,
}

fn level_rank(l: Level) -> u8 {
    match l {
        Level::Country => 7,
        Level::Region => 6,
        Level::City => 5,
        Level::Town => 4,
        Level::County | Level::Island => 3,
        Level::District | Level::Village => 2,
        Level::Fictional | Level::Virtual => 1,
        Level::Unknown => 0,
    }
}

impl SearchIndex {
    pub fn build(data: &Dataset) -> SearchIndex {
        let mut entries = Vec::new();
        for (i, p) in data.places.iter().enumerate() {
            let pi = i as u32;
            entries.push(Entry {
                place: pi,
                folded: fold(&p.name),
                name: u32::MAX,
                kind: MatchedName::Name,
            });
            for (j, n) in p.names.iter().enumerate() {
                entries.push(Entry {
                    place: pi,
                    folded: fold(&n.name),
                    name: j as u32,
                    kind: n.kind.into(),
                });
            }
        }
        SearchIndex { entries }
    }

    /// Every matching place once (with its best-matching name), ranked.
    /// `degree` gives a place's number of partners.
    pub fn search(&self, data: &Dataset, text: &str, degree: &dyn Fn(usize) -> u32) -> Vec<RawHit> {
        let q = fold(text);
        if q.is_empty() {
            return Vec::new();
        }
        let qt: Vec<&str> = tokens(&q).collect();
        let mut best: Vec<Option<RawHit>> = vec![None; data.places.len()];
        for e in &self.entries {
            let quality = if e.folded == q {
                MatchQuality::Exact
            } else if e.folded.starts_with(&q) {
                MatchQuality::Prefix
            } else if qt
                .iter()
                .all(|t| tokens(&e.folded).any(|w| w.starts_with(t)))
            {
                MatchQuality::Words
            } else if e.folded.contains(&q) {
                MatchQuality::Substring
            } else {
                continue;
            };
            let hit = RawHit {
                place: e.place as usize,
                quality,
                name: (e.name != u32::MAX).then_some(e.name as usize),
                kind: e.kind,
            };
            if let Some(slot) = best.get_mut(e.place as usize) {
                match slot {
                    Some(h) if h.quality <= quality => {}
                    _ => *slot = Some(hit),
                }
            }
        }
        let mut hits: Vec<RawHit> = best.into_iter().flatten().collect();
        hits.sort_by(|x, y| {
            let (px, py) = (&data.places[x.place], &data.places[y.place]);
            x.quality
                .cmp(&y.quality)
                .then_with(|| degree(y.place).cmp(&degree(x.place)))
                .then_with(|| py.population.unwrap_or(0).cmp(&px.population.unwrap_or(0)))
                .then_with(|| level_rank(py.level).cmp(&level_rank(px.level)))
                .then_with(|| px.name.cmp(&py.name))
                .then_with(|| px.id.cmp(&py.id))
        });
        hits
    }
}
