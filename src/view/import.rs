//! What an import tells: the report of `import` (rows read, accepted, rejected and why, conflicts,
//! warnings), the table preview shown before mapping columns, and the QuickStatements export.
//!
//! Not for: reading files or the options (`import/`); `ImportReport`'s builder methods stay in
//! `import/mod.rs`, where the importers fill it.

use crate::import::{ColumnMapping, ImportFormat, ImportMode, Resolution};
use serde::Serialize;

/// How a column of the file was read.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ColumnUse {
    pub column: String,
    /// `aName`, `bCountry`, `start` … or `ignored`.
    pub role: String,
}

/// A row that was not imported.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct RejectedRow {
    /// The data row, counted from 1 (the header is not a row).
    pub row: u32,
    /// The line of the file where the row starts (0 where the format has no lines).
    pub line: u32,
    pub reason: String,
    /// The row as written in the file.
    pub raw: String,
}

/// A row that repeated a statement already read.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct DuplicateRow {
    pub row: u32,
    pub line: u32,
    /// The row it repeats.
    pub first_row: u32,
    /// Written identically (an exact duplicate) or only resolving to the same two places.
    pub exact: bool,
}

/// A pair stated from one side only.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct OneWay {
    pub row: u32,
    pub from: String,
    pub to: String,
}

/// What a flag is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    /// A cross-border pair 0 km apart with the same name: a homonym geocoded twice.
    HomonymCoordinates,
    /// One coordinate given to several different places: a fallback point.
    SharedCoordinate,
    /// The same place given positions far apart.
    ConflictingCoordinates,
    /// A name that fits several places; not merged.
    AmbiguousName,
    /// A name holding characters that show nothing (a zero-width space, a direction mark):
    /// it can look like another place's name. Kept; the page marks it.
    HiddenCharacters,
}

/// Something suspicious that was kept, with the rows that show it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Flag {
    pub kind: FlagKind,
    pub rows: Vec<u32>,
    /// Ids of the places concerned, in the imported data.
    pub places: Vec<String>,
    pub message: String,
}

/// A problem that did not stop the import.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub message: String,
}

/// A country string that named no country we know, and how many rows carried it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Unresolved {
    pub text: String,
    pub rows: u32,
}

/// A source as a conflict cites it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SourceName {
    pub id: String,
    pub name: String,
}

/// One side's value in a conflict, with the sources that state it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Statement {
    /// A date as our data writes it (`1947`, `1967-05-01`), a status (`terminated`) or a
    /// country code.
    pub value: String,
    pub sources: Vec<SourceName>,
}

/// The two places of a link in a conflict (ids as in the merged atlas).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct LinkRef {
    pub a: String,
    pub b: String,
    pub a_name: String,
    pub b_name: String,
}

/// A place in a conflict or an ambiguity.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportPlaceRef {
    pub id: String,
    pub name: String,
    /// ISO code.
    pub country: Option<String>,
    /// The country's English name.
    pub country_name: Option<String>,
}

impl ImportPlaceRef {
    /// A place with its country named from the country table.
    pub fn new(id: &str, name: &str, country: Option<&str>) -> ImportPlaceRef {
        ImportPlaceRef {
            id: id.to_string(),
            name: name.to_string(),
            country: country.map(str::to_string),
            country_name: country_name(country),
        }
    }
}

/// The English name of an optional country code.
fn country_name(code: Option<&str>) -> Option<String> {
    code.map(|c| crate::country::countries().name(c).to_string())
}

/// What a conflict is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    Start,
    End,
    Status,
    Country,
}

impl ConflictKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ConflictKind::Start => "start",
            ConflictKind::End => "end",
            ConflictKind::Status => "status",
            ConflictKind::Country => "country",
        }
    }
}

/// The import says one thing, the loaded data another.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Conflict {
    /// The kind, a colon and the link's pair id (or the place's id): the same for the same
    /// import onto the same data, to be passed back in `resolutions`.
    pub id: String,
    pub kind: ConflictKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<LinkRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<ImportPlaceRef>,
    pub loaded: Statement,
    pub incoming: Statement,
    /// What was done: the choice for this conflict, else the `conflicts` option.
    pub resolution: Resolution,
}

/// An imported name that fits several loaded places of one country: kept apart.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Ambiguous {
    pub name: String,
    /// ISO code.
    pub country: Option<String>,
    /// The country's English name.
    pub country_name: Option<String>,
    /// The imported place, kept as a place of its own.
    pub kept_as: String,
    pub candidates: Vec<ImportPlaceRef>,
}

/// A country written as a state that no longer exists ("Unione Sovietica", "DDR").
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct HistoricCountry {
    pub text: String,
    /// The state's English name.
    pub state: String,
    /// The code the places were given (`SU`, `YU`, `CS`, `DD`, `FRG`), or none when the
    /// atlas has no code for the state (Russian Empire): the country is then left to the
    /// gazetteer.
    pub code: Option<String>,
    pub rows: u32,
}

/// A place whose country or position came from the loaded gazetteer (the world network),
/// not from the file.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct FromGazetteer {
    /// The place in the merged atlas.
    pub id: String,
    /// The name as the file wrote it.
    pub name: String,
    pub country: Option<String>,
    /// `country`, `coordinates`, or both.
    pub filled: Vec<String>,
}

/// How the gazetteer completed the file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct GazetteerUse {
    /// Imported places found in the loaded data under a name in another language or
    /// spelling than the file's.
    pub matched: u32,
    pub countries_filled: u32,
    pub coordinates_filled: u32,
    pub places: Vec<FromGazetteer>,
}

/// What cleaning the names took.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Cleaning {
    /// Cells whose wiki markup (links, templates, references, bold quotes) was removed.
    pub wiki_markup: u32,
    /// Names whose disambiguation (`Brest, France`, `Cork (city)`) became a hint.
    pub disambiguations: u32,
}

/// What an import read, kept, merged, flagged and rejected.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub format: ImportFormat,
    /// The field separator of a CSV/TSV file.
    pub delimiter: Option<String>,
    pub columns: Vec<ColumnUse>,
    pub mode: ImportMode,
    /// The id of the source every imported record cites.
    pub source: String,
    pub rows_read: u32,
    /// Rows read minus rows rejected (duplicates are accepted and merged).
    pub rows_accepted: u32,
    pub rows_rejected: u32,
    /// The first `import::LIST_LIMIT` rejected rows (`rows_rejected` counts them all).
    pub rejected: Vec<RejectedRow>,
    /// Rows that repeated a statement (same two places, same direction), merged into it.
    pub duplicates: u32,
    pub duplicate_rows: Vec<DuplicateRow>,
    /// Distinct statements: "A lists B as its partner".
    pub statements: u32,
    /// Distinct unordered pairs, each one link.
    pub pairs: u32,
    /// Pairs stated from both sides (one link, both statements as evidence).
    pub both_ways: u32,
    /// Pairs stated from one side only.
    pub one_way: u32,
    pub one_way_statements: Vec<OneWay>,
    pub flagged: Vec<Flag>,
    pub unresolved_countries: Vec<Unresolved>,
    /// Distinct places in the file.
    pub places_read: u32,
    /// Places new to the atlas.
    pub places_added: u32,
    /// Places found already in the atlas and enriched instead of duplicated.
    pub places_matched: u32,
    pub links_added: u32,
    /// Links found already in the atlas; the import is added to their evidence.
    pub links_merged: u32,
    pub warnings: Vec<Warning>,
    pub warnings_total: u32,
    /// Where the import disagrees with the loaded data, and what was done.
    pub conflicts: Vec<Conflict>,
    /// All conflicts (the list keeps the first `import::LIST_LIMIT`).
    pub conflicts_total: u32,
    /// Imported names that fit several loaded places of one country (kept apart).
    pub ambiguous: Vec<Ambiguous>,
    /// Countries written as historic states.
    pub historic_countries: Vec<HistoricCountry>,
    pub gazetteer: GazetteerUse,
    pub cleaning: Cleaning,
    /// Whether the import was a dry run (nothing changed).
    pub dry_run: bool,
    /// Whether a list above was cut at `import::LIST_LIMIT` entries.
    pub truncated: bool,
}

/// One column of a preview.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ColumnPreview {
    /// The header (or `column N` for a file without one).
    pub column: String,
    /// Its number, counted from 1 (what a mapping names it by when the header is empty).
    pub index: u32,
    /// What the importer reads it as: `aName`, `bCountry`, `start` … or `ignored`.
    pub role: String,
    /// The first non-empty value of the column in the rows shown.
    pub sample: Option<String>,
}

/// The first rows of a file, and the importer's guess.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct TablePreview {
    pub format: ImportFormat,
    /// The field separator of a CSV/TSV file.
    pub delimiter: Option<String>,
    pub header: Vec<String>,
    /// The first `import::preview::PREVIEW_ROWS` data rows, raw cell text, each cell cut at
    /// `import::preview::PREVIEW_CELL_CHARS` characters, no wider than the header.
    pub rows: Vec<Vec<String>>,
    /// The mapping the importer would use with none given (an empty one for formats that
    /// need none: our JSON, edge lists).
    pub guess: ColumnMapping,
    /// Whether the guess names both places of each pair, so the file imports as it is.
    pub recognised: bool,
    /// Each column with its role under the guess (or under the given `mapping`).
    pub columns: Vec<ColumnPreview>,
    /// What the importer would warn about in these rows; or why the given mapping fails.
    pub problems: Vec<Warning>,
    /// Every role a column can be given: the keys of `mapping`, in the order a form lists
    /// them (place A, place B, then the link).
    pub roles: Vec<&'static str>,
}

/// A row that was not written, or written without one of its values.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct QsSkipped {
    /// The row, counted from 1.
    pub row: u32,
    pub reason: String,
    /// Whether the statement was still written (only a qualifier or the reference was
    /// left out).
    pub written: bool,
}

/// The commands and what could not be written.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct QsExport {
    /// QuickStatements V1: one command per line, fields separated by tabs.
    pub commands: String,
    /// Lines in `commands` (two per written pair).
    pub lines: u32,
    /// Pairs written.
    pub pairs: u32,
    pub skipped: Vec<QsSkipped>,
}

impl Ambiguous {
    /// An ambiguous name, its country named from the country table.
    pub fn new(
        name: &str,
        country: Option<&str>,
        kept_as: &str,
        candidates: Vec<ImportPlaceRef>,
    ) -> Ambiguous {
        Ambiguous {
            name: name.to_string(),
            country: country.map(str::to_string),
            country_name: country_name(country),
            kept_as: kept_as.to_string(),
            candidates,
        }
    }
}
