//! Every vocabulary of the core as values (`vocabulary()`).
//!
//! Not for: building the lists (`vocabulary.rs`).

use crate::classify::Kind;
use crate::export::ExportFormat;
use crate::import::{ImportFormat, ImportMode};
use crate::model::{EventKind, Form, GroupKind, Level, Motive, NameKind, Origin, Verdict};
use crate::search::SortOrder;
use crate::status::Status;
use serde::Serialize;

/// One of the six criteria of cross-border twin cities.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct CriterionInfo {
    /// `C1` … `C6`.
    pub id: &'static str,
    /// Necessary for the verdict (C1, C2, C3, C6); C4 and C5 hold "as a rule".
    pub necessary: bool,
}

/// Every vocabulary of the core, each in the core's order.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Vocabulary {
    pub levels: Vec<Level>,
    pub forms: Vec<Form>,
    /// In the order the page lists them (`partners().statusOrder` for one place's data).
    pub statuses: Vec<Status>,
    pub event_kinds: Vec<EventKind>,
    pub motives: Vec<Motive>,
    /// The kinds of relationship `classify` tells apart.
    pub kinds: Vec<Kind>,
    pub verdicts: Vec<Verdict>,
    pub criteria: Vec<CriterionInfo>,
    pub name_kinds: Vec<NameKind>,
    pub group_kinds: Vec<GroupKind>,
    pub origins: Vec<Origin>,
    pub import_formats: Vec<ImportFormat>,
    pub import_modes: Vec<ImportMode>,
    pub export_formats: Vec<ExportFormat>,
    pub sort_orders: Vec<SortOrder>,
}
