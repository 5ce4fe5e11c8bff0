//! Wikidata query-service results as `application/sparql-results+json`: the head's variables
//! are the columns (recognised like CSV headers: `item`, `itemLabel`, `partner`, `start` …),
//! each binding is a row.
//!
//! Also the query service's plain "JSON" download: an array of flat objects, one per row,
//! whose keys are the variables and whose values are plain strings (entity URLs, ISO
//! datetimes, labels); a variable without a value is left out of its object.
//!
//! Not for: TSV or CSV downloads of the same query (`table.rs`).

use super::build::Builder;
use super::table::{bindings, check_width, row_from, Active};
use super::{ColumnMapping, ImportReport};
use crate::error::{Error, Result};
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::HashMap;

#[derive(Deserialize)]
struct Results {
    head: Head,
    results: Bindings,
}

#[derive(Deserialize)]
struct Head {
    #[serde(default)]
    vars: Vec<String>,
}

#[derive(Deserialize)]
struct Bindings {
    #[serde(default)]
    bindings: Vec<HashMap<String, Term>>,
}

#[derive(Deserialize)]
struct Term {
    #[serde(default)]
    value: String,
}

pub(crate) fn read(
    text: &str,
    mapping: Option<&ColumnMapping>,
    b: &mut Builder,
    report: &mut ImportReport,
) -> Result<()> {
    let (vars, rows) = parse_results(text)?;
    read_rows(vars, rows, mapping, b, report)
}

/// The variables and rows of SPARQL JSON results.
#[allow(clippy::type_complexity)]
pub(crate) fn parse_results(text: &str) -> Result<(Vec<String>, Vec<Vec<(String, String)>>)> {
    let text = text.trim_start_matches('\u{feff}');
    let doc: Results = serde_json::from_str(text).map_err(|e| Error::Parse {
        origin: "the SPARQL results".into(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let rows: Vec<Vec<(String, String)>> = doc
        .results
        .bindings
        .into_iter()
        .map(|b| b.into_iter().map(|(k, t)| (k, t.value)).collect())
        .collect();
    Ok((doc.head.vars, rows))
}

/// A value of the plain JSON download: a string, a number, a boolean, null, or (written
/// by some tools) a SPARQL term object with a `value`.
#[derive(Deserialize)]
#[serde(untagged)]
enum Cell {
    Str(String),
    Num(serde_json::Number),
    Bool(bool),
    Term { value: String },
    Other(serde_json::Value),
}

/// The query service's plain JSON download.
pub(crate) fn read_plain(
    text: &str,
    mapping: Option<&ColumnMapping>,
    b: &mut Builder,
    report: &mut ImportReport,
) -> Result<()> {
    let (vars, rows) = parse_plain(text, report)?;
    read_rows(vars, rows, mapping, b, report)
}

/// The variables (keys in order of first appearance) and the rows of a plain JSON
/// download.
#[allow(clippy::type_complexity)]
pub(crate) fn parse_plain(
    text: &str,
    report: &mut ImportReport,
) -> Result<(Vec<String>, Vec<Vec<(String, String)>>)> {
    let text = text.trim_start_matches('\u{feff}');
    let doc: Vec<serde_json::Map<String, serde_json::Value>> =
        serde_json::from_str(text).map_err(|e| Error::Parse {
            origin: "the JSON download".into(),
            line: e.line(),
            column: e.column(),
            message: format!("{e} (expected an array of objects, one per row)"),
        })?;
    let mut vars: Vec<String> = Vec::new();
    let mut seen: HashMap<String, ()> = HashMap::new();
    let mut rows = Vec::with_capacity(doc.len());
    let mut nested = 0u32;
    for obj in doc {
        let mut row = Vec::with_capacity(obj.len());
        for (k, v) in obj {
            if !seen.contains_key(&k) {
                if seen.len() >= super::MAX_COLUMNS {
                    check_width(seen.len() + 1, "JSON download's set of keys")?;
                }
                seen.insert(k.clone(), ());
                vars.push(k.clone());
            }
            let cell: Cell =
                serde_json::from_value(v).unwrap_or(Cell::Other(serde_json::Value::Null));
            let value = match cell {
                Cell::Str(s) => s,
                Cell::Num(n) => n.to_string(),
                Cell::Bool(x) => x.to_string(),
                Cell::Term { value } => value,
                Cell::Other(serde_json::Value::Null) => continue,
                Cell::Other(_) => {
                    nested += 1;
                    continue;
                }
            };
            row.push((k, value));
        }
        rows.push(row);
    }
    if nested > 0 {
        report.warn(
            None,
            None,
            format!("{nested} values were lists or objects, not plain values; left out"),
        );
    }
    Ok((vars, rows))
}

fn read_rows(
    vars: Vec<String>,
    rows: Vec<Vec<(String, String)>>,
    mapping: Option<&ColumnMapping>,
    b: &mut Builder,
    report: &mut ImportReport,
) -> Result<()> {
    check_width(vars.len(), "query's head")?;
    let binds = Active::new(&bindings(&vars, mapping, report)?);
    // each row costs what it holds, not the width of the head: its values are looked up
    // by variable, sorted into column order
    let index: HashMap<&str, usize> = vars
        .iter()
        .enumerate()
        .map(|(i, v)| (v.as_str(), i))
        .collect();
    for (i, binding) in rows.iter().enumerate() {
        let mut cells: Vec<(usize, &str)> = binding
            .iter()
            .filter_map(|(k, t)| index.get(k.as_str()).map(|&c| (c, t.as_str())))
            .collect();
        cells.sort_unstable_by_key(|&(c, _)| c);
        let field = |c: usize| -> Cow<'_, str> {
            cells
                .binary_search_by_key(&c, |&(col, _)| col)
                .ok()
                .and_then(|at| cells.get(at))
                .map(|&(_, v)| Cow::Borrowed(v))
                .unwrap_or(Cow::Borrowed(""))
        };
        let raw: Vec<&str> = cells.iter().map(|&(_, v)| v).collect();
        let active = cells
            .iter()
            .flat_map(|&(c, _)| binds.of_column(c))
            .chain(binds.consts());
        let row = row_from(
            b,
            active,
            &field,
            i as u32 + 1,
            0,
            Cow::Owned(raw.join("\t")),
            report,
        );
        b.add(row, report);
    }
    if rows.is_empty() {
        report.warn(None, None, "the query results have no rows");
    }
    Ok(())
}
