//! Wikidata query-service results as `application/sparql-results+json`: the head's variables
//! are the columns (recognised like CSV headers: `item`, `itemLabel`, `partner`, `start` …),
//! each binding is a row.
//!
//! Not for: TSV or CSV downloads of the same query (`table.rs`).

use super::build::Builder;
use super::table::{bindings, check_width, row_from, Active};
use super::ImportReport;
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

pub(crate) fn read(text: &str, b: &mut Builder, report: &mut ImportReport) -> Result<()> {
    let text = text.trim_start_matches('\u{feff}');
    let doc: Results = serde_json::from_str(text).map_err(|e| Error::Parse {
        origin: "the SPARQL results".into(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let vars = doc.head.vars;
    check_width(vars.len(), "query's head")?;
    let binds = Active::new(&bindings(&vars, None, report)?);
    // each row costs what it holds, not the width of the head: its values are looked up
    // by variable, sorted into column order
    let index: HashMap<&str, usize> = vars
        .iter()
        .enumerate()
        .map(|(i, v)| (v.as_str(), i))
        .collect();
    for (i, binding) in doc.results.bindings.iter().enumerate() {
        let mut cells: Vec<(usize, &str)> = binding
            .iter()
            .filter_map(|(k, t)| index.get(k.as_str()).map(|&c| (c, t.value.as_str())))
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
    if doc.results.bindings.is_empty() {
        report.warn(None, None, "the query results have no rows");
    }
    Ok(())
}
