//! What `search` returns: ranked place hits, links between two named places, and how each name
//! matched.
//!
//! Not for: the query's options (`search::SearchQuery`, `search::SortOrder`) or the ranking
//! (`search/`).

use crate::model::{Form, NameKind};
use crate::status::Status;
use crate::view::PlaceSummary;
use serde::Serialize;

/// How a name matched the query, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum MatchQuality {
    /// The whole name.
    Exact,
    /// The name starts with the query.
    Prefix,
    /// A later word of the name starts with the query ("oder" in "Frankfurt (Oder)").
    Word,
    /// Every word of the query starts a word of the name, in any order.
    Words,
    /// The name matches with one or two typos.
    Typo,
    /// No text was given: the place is listed because it passes the filters.
    Browse,
}

/// Which name of a place matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
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

/// One place hit.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub place: PlaceSummary,
    /// The name that matched, as written ("Stalingrad" for Volgograd).
    pub matched: String,
    pub matched_kind: MatchedName,
    pub quality: MatchQuality,
    /// The parts of `matched` the query matched, as `[start, end)` in UTF-16 code units
    /// (what `String.prototype.slice` takes), for highlighting.
    pub spans: Vec<[u32; 2]>,
    /// Edits the match needed (0 unless `quality` is `typo`).
    pub typos: u32,
}

/// A link between two places the text names.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct LinkHit {
    pub id: String,
    pub a: PlaceSummary,
    pub b: PlaceSummary,
    /// The names that matched, as written.
    pub matched_a: String,
    pub matched_b: String,
    pub form: Form,
    /// Status at `asOf` (now when not given).
    pub status: Status,
    /// The year of the first `established` event.
    pub since: Option<i32>,
}

/// What `search` returns: the place hits of one page, their total, and the links between two
/// places the text names.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchResult {
    pub query: String,
    /// How many places match (typo matches are only sought when the better matches leave
    /// room in `offset + limit`, so they are counted only then).
    pub total: u32,
    pub hits: Vec<SearchHit>,
    /// Links between two places the text names, best first (at most 10).
    pub links: Vec<LinkHit>,
}
