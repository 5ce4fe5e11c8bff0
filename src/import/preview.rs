//! The first rows of a file and the importer's guess of what each column holds, for a
//! column-mapping form: the same detection, decoding, delimiter sniffing and header
//! recognition as [`super::read`], and the guess as the same [`ColumnMapping`] object the
//! import takes, so that importing with the guess is importing with no mapping.
//!
//! Not for: importing (`mod.rs`).

use super::table::{self, Role};
use super::{open, sparql, ColumnMapping, ImportFormat, ImportOptions, LIST_LIMIT};
use crate::error::Result;
use crate::view::{ColumnPreview, ImportReport, TablePreview};

/// How many data rows a preview shows.
pub const PREVIEW_ROWS: usize = 20;
/// How many characters of a cell or a header a preview keeps.
pub const PREVIEW_CELL_CHARS: usize = 200;

/// The keys of [`ColumnMapping`] a column can take, in a form's order.
pub const ROLES: [&str; 26] = [
    "aName",
    "aCountry",
    "aAdmin",
    "aId",
    "aAltName",
    "aLat",
    "aLon",
    "aCoord",
    "aPopulation",
    "aLevel",
    "bName",
    "bCountry",
    "bAdmin",
    "bId",
    "bAltName",
    "bLat",
    "bLon",
    "bCoord",
    "bPopulation",
    "bLevel",
    "start",
    "startPrecision",
    "end",
    "endPrecision",
    "endCause",
    "form",
];

fn cut(s: &str) -> String {
    match s.char_indices().nth(PREVIEW_CELL_CHARS) {
        Some((at, _)) => format!("{}…", s.get(..at).unwrap_or("")),
        None => s.to_string(),
    }
}

/// Preview a file: its format, header, first rows and the guess of its columns. Refuses
/// what the importer refuses (too large, empty, too wide, malformed JSON) with the same
/// errors.
pub fn preview(input: &[u8], options: &ImportOptions) -> Result<TablePreview> {
    let mut report = ImportReport::new(ImportFormat::Csv, options.mode);
    let (text, format) = open(input, options, &mut report)?;
    let mut delimiter = None;
    let (header, rows): (Vec<String>, Vec<Vec<String>>) = match format {
        ImportFormat::Csv | ImportFormat::Tsv => {
            let d = table::delimiter_of(&text, format, options.delimiter_byte()?);
            delimiter = Some(char::from(d).to_string());
            let mut rdr = table::reader(&text, d);
            let mut rec = csv::StringRecord::new();
            let header_row = options
                .mapping
                .as_ref()
                .and_then(|m| m.header)
                .unwrap_or(true);
            let mut header: Vec<String> = Vec::new();
            let mut rows: Vec<Vec<String>> = Vec::new();
            let mut first = true;
            while rows.len() < PREVIEW_ROWS
                && rdr.read_record(&mut rec).map_err(table::parse_err)?
            {
                if first {
                    first = false;
                    table::check_width(rec.len(), "header")?;
                    if header_row {
                        header = rec.iter().map(|h| h.trim().to_string()).collect();
                        continue;
                    }
                    header = (1..=rec.len()).map(|i| format!("column {i}")).collect();
                }
                let line = rec.position().map(|p| p.line() as u32);
                if rec.len() != header.len() {
                    report.warn(
                        line,
                        None,
                        format!("{} fields where the header has {}", rec.len(), header.len()),
                    );
                }
                rows.push(rec.iter().take(header.len()).map(cut).collect());
            }
            (header, rows)
        }
        ImportFormat::SparqlJson | ImportFormat::WikidataJson => {
            let (vars, all) = if format == ImportFormat::SparqlJson {
                sparql::parse_results(&text)?
            } else {
                sparql::parse_plain(&text, &mut report)?
            };
            table::check_width(vars.len(), "query's head")?;
            let rows = all
                .iter()
                .take(PREVIEW_ROWS)
                .map(|r| {
                    vars.iter()
                        .map(|v| {
                            r.iter()
                                .find(|(k, _)| k == v)
                                .map(|(_, x)| cut(x))
                                .unwrap_or_default()
                        })
                        .collect()
                })
                .collect();
            (vars, rows)
        }
        ImportFormat::Json | ImportFormat::WikidataEdges | ImportFormat::WikidataLabels => {
            // formats with no columns to map
            return Ok(TablePreview {
                format,
                delimiter: None,
                header: Vec::new(),
                rows: Vec::new(),
                guess: ColumnMapping::default(),
                recognised: true,
                columns: Vec::new(),
                problems: report.warnings,
                roles: ROLES.to_vec(),
            });
        }
    };
    let (guess, guessed, recognised) = table::guess(&header);
    // the roles shown: the given mapping's when it reads, else the guess's
    let mut scratch = ImportReport::new(format, options.mode);
    let binds = match &options.mapping {
        Some(m) => match table::bindings(&header, Some(m), &mut scratch) {
            Ok(b) => b,
            Err(e) => {
                report.warn(None, None, e.to_string());
                guessed
            }
        },
        None => guessed,
    };
    let mut columns: Vec<ColumnPreview> = header
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let role = binds
                .iter()
                .find(|b| b.value == table::Value::Column(i))
                .map(|b| b.role)
                .unwrap_or(Role::Ignore);
            ColumnPreview {
                column: h.clone(),
                index: i as u32 + 1,
                role: table::role_name(role),
                sample: rows
                    .iter()
                    .filter_map(|r| r.get(i))
                    .find(|c| !c.trim().is_empty())
                    .cloned(),
            }
        })
        .collect();
    columns.truncate(LIST_LIMIT);
    for c in &mut columns {
        c.column = cut(&c.column);
    }
    let header = header.iter().map(|h| cut(h)).collect();
    Ok(TablePreview {
        format,
        delimiter,
        header,
        rows,
        guess,
        recognised,
        columns,
        problems: report.warnings,
        roles: ROLES.to_vec(),
    })
}
