//! What `classify` and `classifyAll` return: the kind of relationship, the six criteria with their
//! evidence, the twin-city verdict, the motives.
//!
//! Not for: the rules (`classify/`), the thresholds and options (`classify::Thresholds`,
//! `classify::ClassifyOptions`) or `classify::Kind`, which the vocabulary lists.

use crate::classify::{Kind, Thresholds};
use crate::model::{Form, Motive, Verdict};
use crate::status::Status;
use crate::view::{Count, DateView, GroupRef, PlaceSummary, SourceRef, StatusView};
use serde::Serialize;

/// Where a distance came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum DistanceSource {
    /// Great-circle distance between the places' coordinates.
    Computed,
    /// The centre distance a source gives (the pair's recorded facts).
    Recorded,
}

/// The full classification of a pair of places.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Classification {
    pub a: PlaceSummary,
    pub b: PlaceSummary,
    /// The link between them, if the data records one.
    pub link_id: Option<String>,
    pub as_of: Option<DateView>,
    pub kind: KindView,
    /// Whether they are twins on the map (adjacent or grown together), whatever was agreed.
    pub geographic_twin: GeographicTwinView,
    /// Whether they have an agreement, whatever the map says.
    pub agreement: AgreementView,
    pub status: StatusView,
    pub criteria: CriteriaView,
    pub twin_cities: TwinCitiesView,
    pub motives: Vec<MotiveView>,
    /// Groups (networks, associations) both belong to.
    pub groups: Vec<GroupRef>,
    pub distance_km: Option<f64>,
    pub distance_source: Option<DistanceSource>,
    pub thresholds: Thresholds,
}

/// One row of `Atlas::classify_all` with `detail: true`.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ClassifiedLink {
    pub link_id: String,
    pub kind: Kind,
    pub status: Status,
    pub twin_cities: Verdict,
    pub distance_km: Option<f64>,
}

/// Every link classified: counts by kind, status and verdict, and the rows if asked for.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ClassifyAllResult {
    pub as_of: Option<DateView>,
    pub links: u32,
    pub by_kind: Vec<Count<Kind>>,
    pub by_status: Vec<Count<Status>>,
    pub by_twin_cities: Vec<Count<Verdict>>,
    /// Link ids judged twin cities in the paper's sense.
    pub twin_cities: Vec<String>,
    pub rows: Option<Vec<ClassifiedLink>>,
}

/// Which word fits a sister-city kind best, from the form and the term the sources use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Variant {
    SisterCity,
    TwinTown,
    PartnerTown,
    /// An early informal "adoption".
    Adoption,
    /// A looser contact.
    Contact,
    /// A cooperation agreement between distant places.
    Cooperation,
    /// The sources do not say.
    Unspecified,
}

/// Facts behind the kind, each true only where the data shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct KindFlags {
    /// Across a border river (the paper's "bridge towns").
    pub bridge_town: bool,
    /// One town divided by a new border.
    pub partitioned: bool,
    /// One founded across a new border as the other's counterpart.
    pub counterpart: bool,
    /// Centres within the adjacent threshold.
    pub adjacent: bool,
    /// In different countries, centres within the near-border threshold.
    pub near_border: bool,
    /// A source calls one the other's satellite.
    pub satellite: bool,
    /// One of them is fictional or virtual.
    pub imaginary: bool,
    /// One of them is a province, state, region, county or country.
    pub regional: bool,
}

/// The kind of relationship between two places, with why.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct KindView {
    pub kind: Kind,
    pub label: &'static str,
    /// For sister cities: the word that fits (sister city, twin town, partner town …).
    pub variant: Option<Variant>,
    pub flags: KindFlags,
    /// Why, in sentences.
    pub evidence: Vec<String>,
}

/// Twins on the map: across a border, or grown together within one country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum GeoScope {
    CrossBorder,
    Domestic,
}

/// Whether two places are geographic twins (adjacent, near a border, one town split), whatever
/// their agreements.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct GeographicTwinView {
    pub verdict: Verdict,
    pub scope: Option<GeoScope>,
    pub flags: KindFlags,
    pub evidence: Vec<String>,
}

/// The agreement between two places, if the data records one, at the date asked for.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct AgreementView {
    /// The data records an agreement of some form (in any status).
    pub recorded: bool,
    pub form: Option<Form>,
    pub term: Option<String>,
    /// Its status at the date asked for.
    pub status: Status,
    /// In force at the date asked for.
    pub in_force: bool,
    pub evidence: String,
}

/// Where a verdict comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// A judgement recorded in the data, with its sources.
    Recorded,
    /// Computed from coordinates, countries or dated events.
    Computed,
    /// Derived from other recorded facts (origin, river, agreement events, memberships).
    Derived,
}

/// One of the six criteria of cross-border twin cities: the verdict, its evidence and where it
/// comes from.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct CriterionView {
    pub verdict: Verdict,
    pub evidence: String,
    pub source: Basis,
    pub sources: Vec<SourceRef>,
    /// A short clause for the one-sentence reason.
    #[serde(skip)]
    pub phrase: String,
}

/// The six criteria C1–C6, each with its verdict and evidence.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct CriteriaView {
    #[serde(rename = "C1")]
    pub c1: CriterionView,
    #[serde(rename = "C2")]
    pub c2: CriterionView,
    #[serde(rename = "C3")]
    pub c3: CriterionView,
    #[serde(rename = "C4")]
    pub c4: CriterionView,
    #[serde(rename = "C5")]
    pub c5: CriterionView,
    #[serde(rename = "C6")]
    pub c6: CriterionView,
}

impl CriteriaView {
    pub fn all(&self) -> [(&'static str, &CriterionView); 6] {
        [
            ("C1", &self.c1),
            ("C2", &self.c2),
            ("C3", &self.c3),
            ("C4", &self.c4),
            ("C5", &self.c5),
            ("C6", &self.c6),
        ]
    }

    pub fn get(&self, name: &str) -> Option<&CriterionView> {
        self.all()
            .into_iter()
            .find(|(n, _)| *n == name)
            .map(|(_, c)| c)
    }

    /// How many of the six hold.
    pub fn holding(&self) -> u32 {
        self.all()
            .iter()
            .filter(|(_, c)| c.verdict == Verdict::Holds)
            .count() as u32
    }
}

/// The verdict "twin cities in the founding paper's sense", with the criteria that decide it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct TwinCitiesView {
    pub verdict: Verdict,
    /// One sentence a non-specialist follows.
    pub reason: String,
    /// The criteria the paper makes necessary.
    pub necessary: Vec<&'static str>,
    pub failing: Vec<&'static str>,
    pub unknown: Vec<&'static str>,
}

/// How an inferred motive was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum MotiveRule {
    /// The names fold to the same text.
    SameName,
    /// A former, local or other name of one equals a name of the other.
    SharedOtherName,
    /// Both names contain the same distinctive word.
    SharedWord,
    /// The names differ by one letter: possibly the same origin.
    SimilarName,
}

/// A motive of a link, recorded by a source or inferred by a rule, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct MotiveView {
    pub motive: Motive,
    pub inferred: bool,
    /// For inferred motives: the rule that found it.
    pub rule: Option<MotiveRule>,
    pub evidence: String,
    pub sources: Vec<SourceRef>,
}
