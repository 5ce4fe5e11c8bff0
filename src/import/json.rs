//! Our own dataset format (`twinning-atlas/1`): read losslessly, exactly as
//! [`Dataset::from_json`] reads the curated data, so that an export imported again gives
//! identical data.
//!
//! Not for: other JSON shapes (SPARQL results are `sparql.rs`).

use crate::error::Result;
use crate::model::Dataset;
use crate::view::ImportReport;

pub(crate) fn read(text: &str, report: &mut ImportReport) -> Result<Dataset> {
    let data = Dataset::from_json(text, "the imported JSON document")?;
    let records = data.places.len() + data.links.len();
    report.rows_read = records as u32;
    report.rows_accepted = records as u32;
    report.places_read = data.places.len() as u32;
    report.pairs = data.links.len() as u32;
    report.statements = data.links.len() as u32;
    report.source = data
        .sources
        .first()
        .map(|s| s.id.clone())
        .unwrap_or_default();
    Ok(data)
}
