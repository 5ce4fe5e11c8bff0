//! Importers: foreign files (Wikidata query results as SPARQL JSON, TSV or CSV; pair lists
//! in CSV/TSV; Wikidata id edge lists; our own JSON) enter at the same door as the curated
//! data — a checked [`Dataset`] — together with an [`ImportReport`] that says exactly what
//! was read, accepted, merged, flagged and rejected, and why. [`Atlas::import`] then merges
//! the new dataset into the atlas (or replaces it), building the new indexes aside and
//! swapping only on success.
//!
//! One file per format (`table.rs` CSV/TSV, `sparql.rs`, `edges.rs`, `json.rs`), the
//! reading of single values (`normalise.rs`), bytes to text (`decode.rs`), the cleaning of
//! rows into places and links (`build.rs`) and the merge onto existing data (`merge.rs`).
//!
//! Not for: writing files (`export.rs`), or I/O of any kind: callers pass bytes in.

mod build;
mod decode;
mod edges;
mod json;
mod merge;
pub mod normalise;
mod preview;
pub mod quickstatements;
mod sparql;
mod table;
pub mod wiki;

pub use preview::preview;

use crate::atlas::Atlas;
use crate::error::{Error, Result};
use crate::model::Dataset;
use crate::view::{Cleaning, Flag, FlagKind, GazetteerUse, ImportReport, RejectedRow, Warning};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The largest input accepted, in bytes, whatever `maxBytes` says.
pub const MAX_IMPORT_BYTES: usize = 128 * 1024 * 1024;

/// How many characters of a rejected row the report keeps.
pub const RAW_LIMIT: usize = 1000;

/// The widest table read: a header (or a SPARQL head) with more columns is refused.
pub const MAX_COLUMNS: usize = 1000;

/// How many entries each list of the report keeps (counts are always complete).
pub const LIST_LIMIT: usize = 1000;

/// The format of an imported file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportFormat {
    /// Comma- (or semicolon-) separated values with a header row: pair lists and Wikidata
    /// query-service CSV downloads.
    Csv,
    /// Tab-separated values with a header row: pair lists and query-service TSV downloads.
    Tsv,
    /// `application/sparql-results+json`, as the Wikidata query service downloads it.
    SparqlJson,
    /// Our own dataset format (`twinning-atlas/1`), lossless.
    Json,
    /// Lines `Q…<TAB>Q…`: one P190 statement per line, no header.
    WikidataEdges,
    /// Lines `Q…<TAB>label`: names for Wikidata ids, no header.
    WikidataLabels,
    /// The Wikidata query service's plain "JSON" download: an array of flat objects
    /// (`[{"item": "http://www.wikidata.org/entity/Q64", "itemLabel": "Berlin", …}]`).
    WikidataJson,
}

impl ImportFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            ImportFormat::Csv => "csv",
            ImportFormat::Tsv => "tsv",
            ImportFormat::SparqlJson => "sparql_json",
            ImportFormat::Json => "json",
            ImportFormat::WikidataEdges => "wikidata_edges",
            ImportFormat::WikidataLabels => "wikidata_labels",
            ImportFormat::WikidataJson => "wikidata_json",
        }
    }
}

/// Whether an import is merged into the atlas's data or replaces it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportMode {
    #[default]
    Merge,
    Replace,
}

/// A column of a table: its header name, or its number counted from 1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(untagged)]
pub enum ColumnRef {
    Number(u32),
    /// A header name; `"=text"` gives every row the constant value `text`
    /// (e.g. `aCountry: "=Germany"`).
    Name(String),
}

/// An explicit column mapping for CSV/TSV files: which column holds what. `a` is the place
/// whose list the row comes from, `b` its partner. Unmapped columns are ignored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields = nullable)]
pub struct ColumnMapping {
    /// Whether the first row is a header (default true).
    #[serde(default)]
    pub header: Option<bool>,
    #[serde(default)]
    pub a_id: Option<ColumnRef>,
    #[serde(default)]
    pub a_name: Option<ColumnRef>,
    #[serde(default)]
    pub a_country: Option<ColumnRef>,
    #[serde(default)]
    pub a_admin: Option<ColumnRef>,
    #[serde(default)]
    pub a_lat: Option<ColumnRef>,
    #[serde(default)]
    pub a_lon: Option<ColumnRef>,
    #[serde(default)]
    pub a_coord: Option<ColumnRef>,
    #[serde(default)]
    pub a_alt_name: Option<ColumnRef>,
    #[serde(default)]
    pub a_population: Option<ColumnRef>,
    #[serde(default)]
    pub a_level: Option<ColumnRef>,
    #[serde(default)]
    pub b_id: Option<ColumnRef>,
    #[serde(default)]
    pub b_name: Option<ColumnRef>,
    #[serde(default)]
    pub b_country: Option<ColumnRef>,
    #[serde(default)]
    pub b_admin: Option<ColumnRef>,
    #[serde(default)]
    pub b_lat: Option<ColumnRef>,
    #[serde(default)]
    pub b_lon: Option<ColumnRef>,
    #[serde(default)]
    pub b_coord: Option<ColumnRef>,
    #[serde(default)]
    pub b_alt_name: Option<ColumnRef>,
    #[serde(default)]
    pub b_population: Option<ColumnRef>,
    #[serde(default)]
    pub b_level: Option<ColumnRef>,
    #[serde(default)]
    pub form: Option<ColumnRef>,
    #[serde(default)]
    pub start: Option<ColumnRef>,
    #[serde(default)]
    pub end: Option<ColumnRef>,
    #[serde(default)]
    pub end_cause: Option<ColumnRef>,
    #[serde(default)]
    pub start_precision: Option<ColumnRef>,
    #[serde(default)]
    pub end_precision: Option<ColumnRef>,
}

/// What to do with a conflict between the loaded data and an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// Keep the loaded value; the incoming statement is left out.
    Keep,
    /// Take the incoming value in place of the loaded one.
    Take,
    /// Keep both statements, each with its sources; the link is marked disputed.
    #[default]
    Both,
}

impl Resolution {
    pub fn as_str(self) -> &'static str {
        match self {
            Resolution::Keep => "keep",
            Resolution::Take => "take",
            Resolution::Both => "both",
        }
    }
}

/// Options of [`Atlas::import`] and [`read`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields = nullable)]
pub struct ImportOptions {
    /// Detected from the content when missing.
    #[serde(default)]
    pub format: Option<ImportFormat>,
    /// Which column holds what; recognised from the header when missing.
    #[serde(default)]
    pub mapping: Option<ColumnMapping>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub mode: ImportMode,
    /// A name for the file, cited as the source of everything it brings.
    #[serde(default)]
    pub source_name: Option<String>,
    /// For `wikidata_edges`: the text of a `Q…<TAB>label` file naming the ids.
    #[serde(default)]
    pub labels: Option<String>,
    /// A lower size limit than [`MAX_IMPORT_BYTES`].
    #[serde(default)]
    pub max_bytes: Option<u32>,
    /// The field separator of a CSV file (`,` `;` `|` or a tab); sniffed when missing.
    #[serde(default)]
    pub delimiter: Option<String>,
    /// What a merge does with every conflict with the loaded data (default `both`).
    #[serde(default)]
    #[ts(optional = nullable)]
    pub conflicts: Resolution,
    /// A choice per conflict, by the conflict's `id` in an earlier report; wins over
    /// `conflicts`.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub resolutions: BTreeMap<String, Resolution>,
    /// Read and merge aside, return the report, change nothing.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub dry_run: bool,
}

impl ImportReport {
    pub(crate) fn new(format: ImportFormat, mode: ImportMode) -> ImportReport {
        ImportReport {
            format,
            delimiter: None,
            columns: Vec::new(),
            mode,
            source: String::new(),
            rows_read: 0,
            rows_accepted: 0,
            rows_rejected: 0,
            rejected: Vec::new(),
            duplicates: 0,
            duplicate_rows: Vec::new(),
            statements: 0,
            pairs: 0,
            both_ways: 0,
            one_way: 0,
            one_way_statements: Vec::new(),
            flagged: Vec::new(),
            unresolved_countries: Vec::new(),
            places_read: 0,
            places_added: 0,
            places_matched: 0,
            links_added: 0,
            links_merged: 0,
            warnings: Vec::new(),
            warnings_total: 0,
            conflicts: Vec::new(),
            conflicts_total: 0,
            ambiguous: Vec::new(),
            historic_countries: Vec::new(),
            gazetteer: GazetteerUse::default(),
            cleaning: Cleaning::default(),
            dry_run: false,
            truncated: false,
        }
    }

    pub(crate) fn warn(
        &mut self,
        line: Option<u32>,
        column: Option<u32>,
        message: impl Into<String>,
    ) {
        self.warnings_total += 1;
        if self.warnings.len() < LIST_LIMIT {
            self.warnings.push(Warning {
                line,
                column,
                message: message.into(),
            });
        } else {
            self.truncated = true;
        }
    }

    pub(crate) fn reject(&mut self, row: u32, line: u32, reason: impl Into<String>, raw: &str) {
        self.rows_rejected += 1;
        // the count is exact; the list keeps the first LIST_LIMIT rows, each cut at
        // RAW_LIMIT characters, so a file of bad rows cannot fill the memory
        if self.rejected.len() >= LIST_LIMIT {
            self.truncated = true;
            return;
        }
        let raw = raw.trim_end_matches(['\r', '\n']);
        let raw = match raw.char_indices().nth(RAW_LIMIT) {
            Some((at, _)) => format!("{}…", raw.get(..at).unwrap_or("")),
            None => raw.to_string(),
        };
        self.rejected.push(RejectedRow {
            row,
            line,
            reason: reason.into(),
            raw,
        });
    }

    /// Push onto a capped list.
    pub(crate) fn capped<T>(truncated: &mut bool, list: &mut Vec<T>, item: T) {
        if list.len() < LIST_LIMIT {
            list.push(item);
        } else {
            *truncated = true;
        }
    }
}

impl ImportOptions {
    /// The size limit of the input in bytes: `maxBytes`, never above [`MAX_IMPORT_BYTES`].
    pub fn limit(&self) -> usize {
        self.max_bytes
            .map(|m| (m as usize).min(MAX_IMPORT_BYTES))
            .unwrap_or(MAX_IMPORT_BYTES)
    }
}

/// Detect the format of a decoded text.
fn detect(text: &str) -> Result<ImportFormat> {
    let head: String = text.trim_start().chars().take(4096).collect();
    if head.starts_with('{') || head.starts_with('[') {
        if head.contains("\"twinning-atlas/")
            || (head.contains("\"format\"") && !head.contains("\"head\""))
        {
            return Ok(ImportFormat::Json);
        }
        if head.contains("\"head\"") || head.contains("\"results\"") {
            return Ok(ImportFormat::SparqlJson);
        }
        if head.starts_with('[') {
            return Ok(ImportFormat::WikidataJson);
        }
        return Err(Error::Format {
            origin: "the file".into(),
            message: "a JSON document that is neither a twinning-atlas/1 dataset nor SPARQL query \
                      results (application/sparql-results+json) nor the query service's plain \
                      JSON download (an array of objects)"
                .into(),
        });
    }
    if let Some(kind) = edges::detect(text) {
        return Ok(kind);
    }
    if table::sniff_delimiter(text) == b'\t' {
        Ok(ImportFormat::Tsv)
    } else {
        Ok(ImportFormat::Csv)
    }
}

impl ImportOptions {
    /// The `delimiter` option as a byte: one of `,` `;` `|` and tab.
    pub(crate) fn delimiter_byte(&self) -> Result<Option<u8>> {
        match self.delimiter.as_deref() {
            None | Some("") => Ok(None),
            Some(",") => Ok(Some(b',')),
            Some(";") => Ok(Some(b';')),
            Some("|") => Ok(Some(b'|')),
            Some("\t") | Some("tab") => Ok(Some(b'\t')),
            Some(other) => Err(Error::invalid(
                "delimiter",
                format!(
                    "{:?} is not one of \",\", \";\", \"|\" or a tab",
                    other.chars().take(10).collect::<String>()
                ),
            )),
        }
    }
}

/// Bytes to text and the format, as [`read`] and [`preview`] both need them.
pub(crate) fn open<'a>(
    input: &'a [u8],
    options: &ImportOptions,
    report: &mut ImportReport,
) -> Result<(std::borrow::Cow<'a, str>, ImportFormat)> {
    let limit = options.limit();
    if input.len() > limit {
        return Err(Error::TooLarge {
            what: "the imported file".into(),
            limit,
            actual: input.len(),
        });
    }
    let delimiter = options.delimiter_byte()?;
    let text = decode::decode(input, report)?;
    if text.trim().is_empty() {
        return Err(Error::Parse {
            origin: "the imported file".into(),
            line: 1,
            column: 1,
            message: "the file is empty".into(),
        });
    }
    let format = match (options.format, delimiter) {
        (Some(f), _) => f,
        (None, Some(b'\t')) => ImportFormat::Tsv,
        (None, Some(_)) => ImportFormat::Csv,
        (None, None) => detect(&text)?,
    };
    if options.mapping.is_some()
        && !matches!(
            format,
            ImportFormat::Csv
                | ImportFormat::Tsv
                | ImportFormat::WikidataJson
                | ImportFormat::SparqlJson
        )
    {
        return Err(Error::invalid(
            "mapping",
            format!(
                "applies to csv, tsv and query-service files, not {}",
                format.as_str()
            ),
        ));
    }
    Ok((text, format))
}

/// Read a file into a standalone, checked dataset and the report of what happened.
/// Nothing is merged: see [`Atlas::import`].
pub fn read(input: &[u8], options: &ImportOptions) -> Result<(Dataset, ImportReport)> {
    let mut report = ImportReport::new(ImportFormat::Csv, options.mode);
    let (text, format) = open(input, options, &mut report)?;
    report.format = format;
    let source_name = options
        .source_name
        .clone()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| format!("Imported {} file", format.as_str()));
    let mut data = match format {
        ImportFormat::Json => json::read(&text, &mut report)?,
        ImportFormat::Csv | ImportFormat::Tsv => {
            let mut b = build::Builder::new(&source_name, options.labels.as_deref(), &mut report)?;
            table::read(
                &text,
                format,
                options.mapping.as_ref(),
                options.delimiter_byte()?,
                &mut b,
                &mut report,
            )?;
            b.finish(&mut report)?
        }
        ImportFormat::SparqlJson => {
            let mut b = build::Builder::new(&source_name, options.labels.as_deref(), &mut report)?;
            sparql::read(&text, options.mapping.as_ref(), &mut b, &mut report)?;
            b.finish(&mut report)?
        }
        ImportFormat::WikidataJson => {
            let mut b = build::Builder::new(&source_name, options.labels.as_deref(), &mut report)?;
            sparql::read_plain(&text, options.mapping.as_ref(), &mut b, &mut report)?;
            b.finish(&mut report)?
        }
        ImportFormat::WikidataEdges | ImportFormat::WikidataLabels => {
            let mut b = build::Builder::new(&source_name, options.labels.as_deref(), &mut report)?;
            edges::read(&text, format, &mut b, &mut report)?;
            b.finish(&mut report)?
        }
    };
    if format != ImportFormat::Json {
        // from_json checks our own format; the builders' output is checked here, for what
        // the builder cannot guarantee by construction
        data.normalise();
        data.check_built()?;
    }
    flag_hidden(&data, &mut report);
    Ok((data, report))
}

/// Flag the places whose name holds characters that show nothing
/// ([`crate::limits::has_hidden`]).
fn flag_hidden(data: &Dataset, report: &mut ImportReport) {
    for p in data
        .places
        .iter()
        .filter(|p| crate::limits::has_hidden(&p.name))
    {
        let visible: String = p
            .name
            .chars()
            .map(|c| {
                if crate::limits::is_hidden(c) {
                    '\u{FFFD}'
                } else {
                    c
                }
            })
            .collect();
        let flag = Flag {
            kind: FlagKind::HiddenCharacters,
            rows: Vec::new(),
            places: vec![p.id.clone()],
            message: format!(
                "the name {visible:?} holds characters that show nothing (marked \u{FFFD}): \
                 it can pass for another place's name"
            ),
        };
        ImportReport::capped(&mut report.truncated, &mut report.flagged, flag);
    }
}

impl Atlas {
    /// Import a file (text or bytes) into the atlas: merged into its data, or replacing it.
    /// On error the atlas is left as it was.
    pub fn import(&mut self, input: &[u8], options: &ImportOptions) -> Result<ImportReport> {
        let (data, mut report) = read(input, options)?;
        report.dry_run = options.dry_run;
        let data = match options.mode {
            // read() returns a normalised, checked dataset
            ImportMode::Replace => {
                report.places_added = data.places.len() as u32;
                report.links_added = data.links.len() as u32;
                data
            }
            ImportMode::Merge => {
                let mut merged = merge::merge(&self.data, data, options, &mut report);
                merged.normalise();
                merged.check()?;
                merged
            }
        };
        if options.dry_run {
            return Ok(report);
        }
        // a merge keeps the world network it was laid on; a replacement drops it
        let world = match options.mode {
            ImportMode::Merge => self.world.take(),
            ImportMode::Replace => None,
        };
        *self = Atlas::index(data);
        self.world = world;
        Ok(report)
    }

    /// Export the atlas's data as CSV, our JSON or GeoJSON.
    pub fn export(&self, options: &crate::export::ExportOptions) -> Result<String> {
        crate::export::export(self, options)
    }
}
