//! Sources as results carry them: a resolved reference (`SourceRef`) wherever a record cites one,
//! and the full entry of the source list.
//!
//! Not for: resolving ids (the queries do that, through `Atlas::source_ref` and `Atlas::sources_view`).

use crate::model::Disagreement;
use crate::view::DateView;
use serde::Serialize;

/// A source as a record cites it, resolved: title, link and a line to cite.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SourceRef {
    pub id: String,
    pub title: String,
    pub url: Option<String>,
    /// Author or publisher, date, where published, identifier, when read.
    pub byline: String,
    /// The whole reference on one line, to cite.
    pub citation: String,
}

/// A source with how many records cite it directly.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SourceView {
    pub id: String,
    pub title: String,
    pub url: Option<String>,
    pub licence: Option<String>,
    pub author: Option<String>,
    /// Date of publication.
    pub date: Option<DateView>,
    pub published_in: Option<String>,
    /// DOI, ISBN or other identifier.
    pub identifier: Option<String>,
    /// When it was read.
    pub accessed: Option<DateView>,
    /// Author or publisher, date, where published, identifier, when read.
    pub byline: String,
    /// The whole reference on one line, to cite.
    pub citation: String,
}

/// Where a founding document says something the better sources contradict, with the sources
/// resolved: `claimedBy` and `sources` keep the ids, `claimedByRef` and `sourceRefs` say who
/// they are.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct DisagreementView {
    #[serde(flatten)]
    pub disagreement: Disagreement,
    /// The source that makes the claim.
    pub claimed_by_ref: SourceRef,
    /// The sources the atlas keeps to instead.
    pub source_refs: Vec<SourceRef>,
}
