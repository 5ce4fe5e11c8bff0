//! The contract: every record a query returns, in one layer, one file per area. These are
//! what the JavaScript sees (through the wasm facade, the npm package and the page) and what
//! `ts/types.d.ts` is generated from: plain records with camelCase keys and `null` for
//! missing values, so they survive `JSON.stringify` and `postMessage`; no 64-bit integers.
//!
//! Fully resolved: a record names what the page shows, not an id it would have to look up.
//! A place comes as a `PlaceSummary` or `PlaceRef` (id, name, country), a source as a
//! `SourceRef` (id, title, url, byline), a country with its name. Where a record kept a bare
//! id for compatibility (`Disagreement::claimed_by`, `Between::a`), a resolved field sits
//! beside it (`claimedByRef`, `aRef`).
//!
//! What lives here and what does not:
//! - Every **output** type, with its doc comment, and the pure mapping into it
//!   (`impl From<&Date> for DateView`, accessors such as `CriteriaView::holding`).
//! - Enums that only label a result (`MatchQuality`, `FlagKind`, `Basis`, `Variant`…) move
//!   with the record they label. The **vocabulary** stays with its rule and is used from
//!   here: `model.rs`'s `Form`, `Level`, `Motive`, `EventKind`, `Verdict`…, `status::Status`,
//!   `classify::Kind`, `date::Precision` (listed by `vocabulary()` or carrying the rule).
//! - **Options and inputs** stay with their query (`search::SearchQuery`,
//!   `classify::ClassifyOptions`, `compare::PairsInput`, `edit::Edit`, `import::ImportOptions`,
//!   `export::ExportOptions`…), and so do types that are read as well as written
//!   (`classify::Thresholds`, echoed in a classification; `world::WorldMeta`, the world
//!   file's header; `import::quickstatements::QsRow`, which a caller may pass back).
//! - Deciding stays in the query modules (`atlas.rs`, `search/`, `classify/`, `compare.rs`,
//!   `network.rs`, `statistics.rs`, `import/`…): they build these records; a builder that
//!   enforces a rule (`ImportReport::warn` caps its lists) stays with the importer.
//!
//! Every type is re-exported here, so `crate::view::PlaceSummary` names it wherever it lives.
//!
//! Not for: deciding anything, or the file formats of export (`export.rs`).

mod classify;
mod common;
mod compare;
mod edit;
mod import;
mod map;
mod network;
mod partners;
mod place;
mod search;
mod sources;
mod statistics;
mod suggest;
mod vocabulary;
mod world;

pub use classify::*;
pub use common::*;
pub use compare::*;
pub use edit::*;
pub use import::*;
pub use map::*;
pub use network::*;
pub use partners::*;
pub use place::*;
pub use search::*;
pub use sources::*;
pub use statistics::*;
pub use suggest::*;
pub use vocabulary::*;
pub use world::*;
