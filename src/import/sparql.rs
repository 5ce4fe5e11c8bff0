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
use super::ColumnMapping;
use crate::error::{Error, Result};
use crate::view::ImportReport;
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

/// A value of the plain JSON download: a string, a number or a boolean (its text), null
/// (no value), or (written by some tools) a SPARQL term object with a `value`; a list or
/// another object is `Nested` and left out. Read by a visitor of its own, not through
/// `serde_json::Value`, so that a row costs what it holds and the module stays small.
enum Cell {
    Text(String),
    Null,
    Nested,
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Cell, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Cell;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a plain value")
            }
            fn visit_str<E>(self, v: &str) -> std::result::Result<Cell, E> {
                Ok(Cell::Text(v.to_string()))
            }
            fn visit_string<E>(self, v: String) -> std::result::Result<Cell, E> {
                Ok(Cell::Text(v))
            }
            fn visit_bool<E>(self, v: bool) -> std::result::Result<Cell, E> {
                Ok(Cell::Text(v.to_string()))
            }
            fn visit_i64<E>(self, v: i64) -> std::result::Result<Cell, E> {
                Ok(Cell::Text(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> std::result::Result<Cell, E> {
                Ok(Cell::Text(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> std::result::Result<Cell, E> {
                Ok(Cell::Text(v.to_string()))
            }
            fn visit_unit<E>(self) -> std::result::Result<Cell, E> {
                Ok(Cell::Null)
            }
            fn visit_none<E>(self) -> std::result::Result<Cell, E> {
                Ok(Cell::Null)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<Cell, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Cell::Nested)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Cell, A::Error> {
                let mut value = None;
                while let Some(k) = map.next_key::<String>()? {
                    if k == "value" && value.is_none() {
                        if let Cell::Text(t) = map.next_value::<Cell>()? {
                            value = Some(t);
                        }
                    } else {
                        map.next_value::<serde::de::IgnoredAny>()?;
                    }
                }
                Ok(value.map_or(Cell::Nested, Cell::Text))
            }
        }
        d.deserialize_any(V)
    }
}

/// One object of the plain JSON download, its keys in the order written.
struct PlainRow(Vec<(String, Cell)>);

impl<'de> Deserialize<'de> for PlainRow {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<PlainRow, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = PlainRow;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object, one per row")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<PlainRow, A::Error> {
                let mut out = Vec::new();
                while let Some(kv) = map.next_entry::<String, Cell>()? {
                    out.push(kv);
                }
                Ok(PlainRow(out))
            }
        }
        d.deserialize_map(V)
    }
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
    let doc: Vec<PlainRow> = serde_json::from_str(text).map_err(|e| Error::Parse {
        origin: "the JSON download".into(),
        line: e.line(),
        column: e.column(),
        message: format!("{e} (expected an array of objects, one per row)"),
    })?;
    let mut vars: Vec<String> = Vec::new();
    let mut seen: HashMap<String, ()> = HashMap::new();
    let mut rows = Vec::with_capacity(doc.len());
    let mut nested = 0u32;
    for PlainRow(obj) in doc {
        let mut row = Vec::with_capacity(obj.len());
        for (k, v) in obj {
            if !seen.contains_key(&k) {
                if seen.len() >= super::MAX_COLUMNS {
                    check_width(seen.len() + 1, "JSON download's set of keys")?;
                }
                seen.insert(k.clone(), ());
                vars.push(k.clone());
            }
            match v {
                Cell::Text(t) => row.push((k, t)),
                Cell::Null => {}
                Cell::Nested => nested += 1,
            }
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
