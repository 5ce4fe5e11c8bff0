//! The vocabulary of the atlas: places, links between them, their dated events, groups,
//! terms and notes. These types are both the in-memory model and the versioned JSON data
//! format (`twinning-atlas/1`), so the curated data, imports and exports share one shape.
//!
//! Not for: indexing, querying or presentation (see `atlas.rs` and `view/`).

use crate::date::Date;
use serde::{Deserialize, Serialize};

/// The data format tag written into every dataset file.
pub const FORMAT: &str = "twinning-atlas/1";

/// A whole dataset: everything the atlas knows, as owned records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Dataset {
    /// Always [`FORMAT`].
    pub format: String,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub places: Vec<Place>,
    #[serde(default)]
    pub links: Vec<Link>,
    #[serde(default)]
    pub groups: Vec<Group>,
    #[serde(default)]
    pub terms: Vec<Term>,
    #[serde(default)]
    pub notes: Vec<Note>,
}

/// A document or database a record cites.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    /// Who wrote or published it (a person, an organisation, a project).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// When it was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// When it was read (a month is enough). An event a source records without a date
    /// happened by the source's date, or else by this one (`crate::status::DateRule`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessed: Option<Date>,
    /// Where a printed work appeared: a journal with volume and pages, a book, a publisher.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_in: Option<String>,
    /// A DOI, ISBN, ISSN or other identifier by which it can be found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
}

impl Source {
    /// Who, when, where and how to find it, without the title: "A. Author, 2012, Journal 1
    /// (11), pp. 19–27, doi:…; read 2026-11". Empty parts are left out.
    pub fn byline(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(a) = self.author.as_deref().filter(|a| !a.trim().is_empty()) {
            parts.push(a.trim().to_string());
        }
        if let Some(d) = self.date.filter(|d| !d.is_unknown()) {
            parts.push(d.to_string());
        }
        if let Some(p) = self
            .published_in
            .as_deref()
            .filter(|p| !p.trim().is_empty())
        {
            parts.push(p.trim().to_string());
        }
        if let Some(i) = self.identifier.as_deref().filter(|i| !i.trim().is_empty()) {
            parts.push(i.trim().to_string());
        }
        let mut out = parts.join(", ");
        if let Some(d) = self.accessed.filter(|d| !d.is_unknown()) {
            if self.date.is_none() || self.url.is_some() {
                if !out.is_empty() {
                    out.push_str("; ");
                }
                out.push_str(&format!("read {d}"));
            }
        }
        out
    }

    /// A one-line citation: "A. Author (2012). Title. Journal …. doi:…. URL (read 2026-11)."
    pub fn citation(&self) -> String {
        let mut out = String::new();
        if let Some(a) = self.author.as_deref().filter(|a| !a.trim().is_empty()) {
            out.push_str(a.trim());
            out.push(' ');
        }
        match self.date.filter(|d| !d.is_unknown()) {
            Some(d) => out.push_str(&format!("({d}). ")),
            None => out.push_str("(n.d.). "),
        }
        out.push_str(self.title.trim().trim_end_matches('.'));
        out.push('.');
        for part in [self.published_in.as_deref(), self.identifier.as_deref()]
            .into_iter()
            .flatten()
            .filter(|p| !p.trim().is_empty())
        {
            out.push(' ');
            out.push_str(part.trim().trim_end_matches('.'));
            out.push('.');
        }
        if let Some(u) = self.url.as_deref().filter(|u| !u.trim().is_empty()) {
            out.push(' ');
            out.push_str(u.trim());
        }
        if let Some(d) = self.accessed.filter(|d| !d.is_unknown()) {
            out.push_str(&format!(" (read {d})"));
        }
        out
    }
}

/// How big or what kind of a place it is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Village,
    Town,
    City,
    /// A district, borough or ward inside a city.
    District,
    County,
    /// Province, state, region, oblast, prefecture.
    Region,
    Island,
    Country,
    /// A place from fiction (Ankh-Morpork).
    Fictional,
    /// A place in a virtual world (Skylands).
    Virtual,
    Unknown,
}

impl Level {
    pub const ALL: [Level; 11] = [
        Level::Village,
        Level::Town,
        Level::City,
        Level::District,
        Level::County,
        Level::Region,
        Level::Island,
        Level::Country,
        Level::Fictional,
        Level::Virtual,
        Level::Unknown,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Village => "village",
            Level::Town => "town",
            Level::City => "city",
            Level::District => "district",
            Level::County => "county",
            Level::Region => "region",
            Level::Island => "island",
            Level::Country => "country",
            Level::Fictional => "fictional",
            Level::Virtual => "virtual",
            Level::Unknown => "unknown",
        }
    }
    pub fn parse(s: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.as_str() == s)
    }
    /// Places that do not exist on a map.
    pub fn is_imaginary(self) -> bool {
        matches!(self, Level::Fictional | Level::Virtual)
    }
    /// Province-, state- or country-level bodies.
    pub fn is_regional(self) -> bool {
        matches!(self, Level::Region | Level::Country | Level::County)
    }
}

/// What kind of name a [`PlaceName`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum NameKind {
    /// The name in a language, e.g. Köln (de).
    #[default]
    Local,
    /// A name used for the place in another language, e.g. Cologne.
    Exonym,
    /// A name the place had before, e.g. Stalingrad.
    Historic,
    /// An informal or alternative form, a spelling variant or an abbreviation.
    Alias,
}

/// One more name of a place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlaceName {
    pub name: String,
    /// BCP 47 language tag, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    #[serde(default)]
    pub kind: NameKind,
    /// For historic names: when the name stopped being used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<Date>,
}

/// A state a place belonged to in the past (USSR, Yugoslavia, West or East Germany).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HistoricState {
    /// A code from [`crate::country::HISTORIC_STATES`] or an ISO 3166-1 alpha-2 code.
    pub state: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
}

/// A village, town, city, region, country or imaginary place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Place {
    /// Stable id: `slug-cc` for real places (e.g. `coventry-gb`), a Wikidata id for imports
    /// that carry one.
    pub id: String,
    /// The name the atlas shows.
    pub name: String,
    pub level: Level,
    /// ISO 3166-1 alpha-2, upper case; none for imaginary places.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// First-level division (state, province) as a name, where it helps tell places apart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<PlaceName>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub historic: Vec<HistoricState>,
    /// WGS84 degrees; none unless confirmed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<u32>,
    /// Wikidata item id (`Q…`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where the coordinates came from, when they came from somewhere else than `sources`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coord_source: Option<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    /// Ids of the checklist rows (`../shared/reference/seed_facts.csv`) this record carries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seeds: Vec<String>,
}

/// The form of relationship that was declared.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    /// Town twinning or a formal partnership (Partnerstadt, jumelage).
    Twinning,
    /// A sister-city (or sister-province) agreement.
    SisterCity,
    /// A friendship city: narrower, often mayor-to-mayor.
    Friendship,
    /// A looser contact (German "Kontakt").
    Contact,
    /// An early informal "adoption" of one town by another.
    Adoption,
    /// A partnership on one theme (Bristol–New Orleans "tuning").
    Thematic,
    /// A policy agreement between provinces or states (Alberta–Nevada).
    Policy,
    /// A cross-border cooperation agreement (twin-city model, Eurodistrict, EGTC).
    Cooperation,
    /// A business or economic agreement.
    Business,
    /// No agreement: the pair is recorded for what it is geographically or historically
    /// (Minneapolis–Saint Paul, a satellite town).
    None,
    /// Declared, but the source does not say in what form.
    Unspecified,
}

impl Form {
    pub const ALL: [Form; 11] = [
        Form::Twinning,
        Form::SisterCity,
        Form::Friendship,
        Form::Contact,
        Form::Adoption,
        Form::Thematic,
        Form::Policy,
        Form::Cooperation,
        Form::Business,
        Form::None,
        Form::Unspecified,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Twinning => "twinning",
            Form::SisterCity => "sister_city",
            Form::Friendship => "friendship",
            Form::Contact => "contact",
            Form::Adoption => "adoption",
            Form::Thematic => "thematic",
            Form::Policy => "policy",
            Form::Cooperation => "cooperation",
            Form::Business => "business",
            Form::None => "none",
            Form::Unspecified => "unspecified",
        }
    }
    pub fn parse(s: &str) -> Option<Form> {
        Form::ALL.into_iter().find(|f| f.as_str() == s)
    }
    /// Whether the form is an agreement of some kind (everything but `None`).
    pub fn is_agreement(self) -> bool {
        self != Form::None
    }
}

/// What happened to a link.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// Proposed, announced or being explored.
    Proposed,
    /// Tried and rejected or not carried through.
    Attempted,
    /// Signed, formalised or otherwise begun.
    Established,
    /// Renewed or extended; still active.
    Renewed,
    /// Suspended, paused, frozen or broken off informally.
    Suspended,
    /// Resumed after a suspension.
    Resumed,
    /// Ended formally.
    Terminated,
    /// Something that does not change the status (a founding, a border change, a bridge).
    Other,
}

impl EventKind {
    pub const ALL: [EventKind; 8] = [
        EventKind::Proposed,
        EventKind::Attempted,
        EventKind::Established,
        EventKind::Renewed,
        EventKind::Suspended,
        EventKind::Resumed,
        EventKind::Terminated,
        EventKind::Other,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Proposed => "proposed",
            EventKind::Attempted => "attempted",
            EventKind::Established => "established",
            EventKind::Renewed => "renewed",
            EventKind::Suspended => "suspended",
            EventKind::Resumed => "resumed",
            EventKind::Terminated => "terminated",
            EventKind::Other => "other",
        }
    }
}

/// A dated event in the life of a link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Event {
    pub kind: EventKind,
    pub date: Date,
    /// Who acted: a council, a mayor, a government.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    /// Why, in our words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// What the event was, in our words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// Why two places twinned.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "snake_case")]
pub enum Motive {
    Reconciliation,
    /// Solidarity in war or hardship, or political solidarity.
    Solidarity,
    SharedName,
    SharedHistory,
    Diaspora,
    Industry,
    Education,
    Culture,
    Tourism,
    Business,
    Politics,
    Prestige,
    Novelty,
    /// Solving common problems across a border.
    CrossBorder,
    Policy,
    /// Similar size, demography or character.
    Similarity,
}

impl Motive {
    pub const ALL: [Motive; 16] = [
        Motive::Reconciliation,
        Motive::Solidarity,
        Motive::SharedName,
        Motive::SharedHistory,
        Motive::Diaspora,
        Motive::Industry,
        Motive::Education,
        Motive::Culture,
        Motive::Tourism,
        Motive::Business,
        Motive::Politics,
        Motive::Prestige,
        Motive::Novelty,
        Motive::CrossBorder,
        Motive::Policy,
        Motive::Similarity,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Motive::Reconciliation => "reconciliation",
            Motive::Solidarity => "solidarity",
            Motive::SharedName => "shared_name",
            Motive::SharedHistory => "shared_history",
            Motive::Diaspora => "diaspora",
            Motive::Industry => "industry",
            Motive::Education => "education",
            Motive::Culture => "culture",
            Motive::Tourism => "tourism",
            Motive::Business => "business",
            Motive::Politics => "politics",
            Motive::Prestige => "prestige",
            Motive::Novelty => "novelty",
            Motive::CrossBorder => "cross_border",
            Motive::Policy => "policy",
            Motive::Similarity => "similarity",
        }
    }
    pub fn parse(s: &str) -> Option<Motive> {
        Motive::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// How two places came to be a pair on the map, independent of any agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// One town split by a new border (Walk → Valga and Valka).
    Partitioned,
    /// One town founded across a new border as the other's counterpart (Haparanda).
    Counterpart,
    /// Two towns that grew up facing each other.
    Neighbours,
    /// One serves the other as a satellite (a source must say so).
    Satellite,
    /// Separate towns with no shared urban past.
    Separate,
}

/// Recorded facts about the geography and history of a pair: the material of the paper's
/// six criteria that cannot be computed from coordinates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PairFacts {
    /// The river between the two towns, if there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub river: Option<String>,
    /// Whether that river is (part of) the border between them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub river_is_border: Option<bool>,
    /// A bridge joins the two across the border.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bridge: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
    /// The place id of the satellite, when a source calls one the other's satellite.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satellite: Option<String>,
    /// Centre-to-centre distance in km as a source gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<f64>,
    /// Recorded evidence for the criteria C2 (common history), C4 (river / bridge town),
    /// C5 (mixed or bilingual population) and C6 (legal or institutional basis).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<CriterionFact>,
}

/// The verdict on one criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Holds,
    Fails,
    Unknown,
}

/// A recorded judgement on one of the six criteria, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CriterionFact {
    /// `C1` … `C6`.
    pub criterion: String,
    pub verdict: Verdict,
    pub evidence: String,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// Where a founding document says something the better sources contradict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Disagreement {
    /// What the document claims, in our words.
    pub claim: String,
    /// Who claims it.
    pub claimed_by: String,
    /// What the atlas keeps instead, and why.
    pub kept: String,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A relationship between two places: an agreement in some form, its history, or just a
/// recorded pairing (a geographic twin without agreement).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Link {
    /// Stable id; defaults to the two place ids joined by `~` in sorted order.
    #[serde(default)]
    pub id: String,
    pub a: String,
    pub b: String,
    pub form: Form,
    /// The word the sources use ("stedenband", "sister province", "tuning partnership").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default)]
    pub motives: Vec<Motive>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pair: Option<PairFacts>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disagreements: Vec<Disagreement>,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seeds: Vec<String>,
}

impl Link {
    /// The default id of the link between two place ids.
    pub fn pair_id(a: &str, b: &str) -> String {
        let (x, y) = if a <= b { (a, b) } else { (b, a) };
        let mut id = String::with_capacity(x.len() + y.len() + 1);
        id.push_str(x);
        id.push('~');
        id.push_str(y);
        id
    }
    /// The other side of the link, seen from `place`.
    pub fn other<'a>(&'a self, place: &str) -> &'a str {
        if self.a == place {
            &self.b
        } else {
            &self.a
        }
    }
}

/// What kind of grouping a [`Group`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    /// A formal association with a charter (City Twins Association, Douzelage).
    Association,
    /// An informal circle (the "bombed cities").
    Informal,
    /// A set of places a source names together (Oxford's university-city twins).
    Set,
}

/// A group or network of places that is not a pairwise link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub name: String,
    pub kind: GroupKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub founded: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Place ids of members the atlas holds.
    #[serde(default)]
    pub members: Vec<String>,
    /// Whether the sources say there are more members than listed.
    #[serde(default)]
    pub open_ended: bool,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seeds: Vec<String>,
}

/// A glossary entry: a term for twinning in a language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Term {
    pub term: String,
    pub language: String,
    /// Where it is used (countries, institutions, disciplines).
    pub used_in: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub literal: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nuance: Option<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seeds: Vec<String>,
}

/// A concept, finding, programme or policy from the founding documents that is neither a
/// place nor a link (city diplomacy, the distance finding, a national ban).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Note {
    pub id: String,
    pub title: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Places the note concerns, when the atlas holds them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seeds: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disagreements: Vec<Disagreement>,
}
