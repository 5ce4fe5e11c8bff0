//! What loading the world network returns (`world()`).
//!
//! Not for: the world file's format (`world.rs`; `WorldMeta` and `WorldCounts` are read from the
//! file and stay there).

use crate::world::WorldMeta;
use serde::Serialize;

/// What loading the world did, and what it is: `Atlas::world()` returns it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct WorldInfo {
    #[serde(flatten)]
    pub meta: WorldMeta,
    /// The world's sources (id, title, url, licence).
    pub sources: Vec<WorldSourceView>,
    /// Places of the world that were already loaded (curated or imported) and were enriched.
    pub places_merged: u32,
    pub places_added: u32,
    /// Links already loaded that gained the world's sources.
    pub links_merged: u32,
    pub links_added: u32,
}

/// One source of the world network (a list of English Wikipedia, a Wikidata dump).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct WorldSourceView {
    pub id: String,
    pub title: String,
    pub url: Option<String>,
    pub licence: Option<String>,
    pub date: Option<String>,
}
