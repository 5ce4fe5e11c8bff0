//! Twinning Atlas: a dataset of town-twinning relationships (sister cities, twin towns,
//! partner and friendship towns, cross-border twin cities) and the queries that explain it.
//!
//! Data flows one way: records ([`model`]) → [`Dataset`] (checked) → [`Atlas`] (indexed) →
//! queries → plain views ([`view`]) → the wasm facade (`wasm.rs`, wasm32 only).
//! The core does no I/O and knows nothing of the DOM.

pub mod atlas;
pub mod classify;
pub mod compare;
pub mod country;
pub mod dataset;
pub mod date;
pub mod edit;
pub mod error;
pub mod export;
pub mod geo;
pub(crate) mod hash;
pub mod import;
pub mod limits;
pub mod map;
pub mod model;
pub mod network;
pub mod search;
pub mod statistics;
pub mod status;
pub mod suggest;
pub mod text;
pub mod view;
pub mod vocabulary;
pub mod world;

/// The JavaScript facade (wasm32 only).
#[cfg(not(target_arch = "wasm32"))]
pub mod typescript;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use atlas::{Atlas, PartnersOptions};
pub use date::{Date, Precision};
pub use error::{Error, Result};
pub use export::{ExportFormat, ExportOptions};
pub use import::{ImportFormat, ImportMode, ImportOptions};
pub use model::Dataset;
pub use search::SearchQuery;
pub use status::{AsOf, Status};
pub use suggest::SuggestOptions;
pub use view::{ImportReport, SearchHit, SearchResult, WorldInfo};
pub use world::WORLD_FORMAT;
