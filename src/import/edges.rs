//! Wikidata id lists without a header: edge lists `Q…<TAB>Q…` (one P190 statement per line,
//! as L3viathan's crawl writes them) and label lists `Q…<TAB>label` naming the ids (given
//! with an edge list as the `labels` option, or imported alone to rename places that carry
//! those ids).
//!
//! Not for: query-service downloads with headers (`table.rs`, `sparql.rs`).

use super::build::{Builder, RowIn, SideIn};
use super::normalise::qid;
use super::ImportFormat;
use crate::error::Result;
use crate::model::Form;
use crate::view::ImportReport;
use std::borrow::Cow;

/// Recognise an id list from its first lines.
pub(crate) fn detect(text: &str) -> Option<ImportFormat> {
    let mut edges = 0;
    let mut labels = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()).take(20) {
        let mut f = line.trim_start_matches('\u{feff}').split('\t');
        let (Some(a), b) = (f.next(), f.next()) else {
            return None;
        };
        qid(a)?;
        match b {
            Some(b) if qid(b).is_some() && f.next().is_none() => edges += 1,
            Some(b) if !b.trim().is_empty() => labels += 1,
            _ => return None,
        }
    }
    match (edges, labels) {
        (0, 0) => None,
        (_, 0) => Some(ImportFormat::WikidataEdges),
        (0, _) => Some(ImportFormat::WikidataLabels),
        _ => None,
    }
}

pub(crate) fn read(
    text: &str,
    format: ImportFormat,
    b: &mut Builder,
    report: &mut ImportReport,
) -> Result<()> {
    let mut row: u32 = 0;
    if format == ImportFormat::WikidataLabels {
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_start_matches('\u{feff}');
            if line.trim().is_empty() {
                continue;
            }
            row += 1;
            report.rows_read += 1;
            match line.split_once('\t') {
                Some((q, label)) if qid(q).is_some() && !label.trim().is_empty() => {
                    b.labelled_place(qid(q).unwrap_or(q), label.trim(), row);
                }
                _ => report.reject(
                    row,
                    i as u32 + 1,
                    "expected a Wikidata id, a tab and a label",
                    line,
                ),
            }
        }
        return Ok(());
    }
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_start_matches('\u{feff}');
        if line.trim().is_empty() {
            continue;
        }
        row += 1;
        let mut f = line.split('\t');
        let (a, c) = (f.next().and_then(qid), f.next().and_then(qid));
        let side = |q: Option<&str>| SideIn {
            qid: q.map(str::to_string),
            ..SideIn::default()
        };
        let row_in = RowIn {
            row,
            line: i as u32 + 1,
            a: side(a),
            b: side(c),
            form: Form::Unspecified,
            start: None,
            end: None,
            end_cause: None,
            raw: Cow::Borrowed(line),
            hash: 0,
        };
        if a.is_none() || c.is_none() || f.next().is_some() {
            report.rows_read += 1;
            report.reject(
                row,
                i as u32 + 1,
                "expected two Wikidata ids separated by a tab",
                line,
            );
            continue;
        }
        b.add(row_in, report);
    }
    Ok(())
}
