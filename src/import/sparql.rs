//! Wikidata query-service results as `application/sparql-results+json`: the head's variables
//! are the columns (recognised like CSV headers: `item`, `itemLabel`, `partner`, `start` …),
//! each binding is a row.
//!
//! Not for: TSV or CSV downloads of the same query (`table.rs`).

use super::build::Builder;
use super::table::{bindings, row_from};
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
    let binds = bindings(&vars, None, report)?;
    for (i, binding) in doc.results.bindings.iter().enumerate() {
        let field = |c: usize| -> Cow<'_, str> {
            vars.get(c)
                .and_then(|v| binding.get(v))
                .map(|t| Cow::Borrowed(t.value.as_str()))
                .unwrap_or(Cow::Borrowed(""))
        };
        let raw: Vec<&str> = vars
            .iter()
            .map(|v| binding.get(v).map(|t| t.value.as_str()).unwrap_or(""))
            .collect();
        let row = row_from(
            b,
            &binds,
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
