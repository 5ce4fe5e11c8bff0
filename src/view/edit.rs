//! What `applyEdits` returns: each edit's outcome.
//!
//! Not for: the edits themselves (`edit::Edit`, an input).

use serde::Serialize;

/// What happened to one edit.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct EditOutcome {
    pub id: String,
    pub applied: bool,
    /// The link the edit changed.
    pub link_id: Option<String>,
    /// Why it did not apply, or what it did beyond the obvious (a place added).
    pub message: Option<String>,
}

/// The report of `Atlas::apply_edits`.
#[derive(Debug, Clone, PartialEq, Serialize, Default, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct EditReport {
    pub applied: u32,
    pub skipped: u32,
    pub places_added: u32,
    pub links_added: u32,
    pub outcomes: Vec<EditOutcome>,
}
