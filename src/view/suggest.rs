//! Find a partner: the suggestions for a place with their reasons, and "why not X?".

use super::{PlaceRef, PlaceSummary};
use serde::Serialize;

/// One sentence of why (or why not).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Reason {
    /// `sharedPartners`, `threeSteps`, `nearby`, `countries`, `partnersInCountry`,
    /// `distance`, `size`, `population`, `partnerCount`, `sameName`, `group` or `level`.
    pub kind: &'static str,
    pub text: String,
    /// This signal's share of the score (positive helps).
    pub weight: f64,
    /// The places the reason names (the shared partners), by id.
    pub places: Vec<String>,
    /// The same places, named.
    pub place_refs: Vec<PlaceRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    pub place: PlaceSummary,
    /// The model's score (a log-odds scale: higher is better; differences matter).
    pub score: f64,
    pub distance_km: Option<f64>,
    /// What speaks for the pair, strongest first.
    pub reasons: Vec<Reason>,
    /// What speaks against it, strongest first.
    pub against: Vec<Reason>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct FeatureWeight {
    pub feature: &'static str,
    pub weight: f64,
}

/// What the suggestions were learnt from.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ModelInfo {
    /// Set-aside links the weights were fitted on (0: built-in weights, too few links).
    pub trained_on: u32,
    pub links: u32,
    pub seed: u32,
    /// Weights on standardised features.
    pub weights: Vec<FeatureWeight>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Suggestions {
    pub place: PlaceSummary,
    pub suggestions: Vec<Suggestion>,
    /// Places scored (the candidates, before the filters on population and `exclude`).
    pub considered: u32,
    pub model: ModelInfo,
}

/// "Why not X?": one pair's score and reasons, and where X ranks among the suggestions.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PairExplanation {
    pub place: PlaceSummary,
    pub other: Suggestion,
    /// The two are partners already.
    pub already_partners: bool,
    /// X's rank among the suggestions with no filters (1 = first), or `null` when X is not
    /// among the places considered.
    pub rank: Option<u32>,
    pub considered: u32,
    /// The score of the first suggestion, to compare with.
    pub top_score: Option<f64>,
}
