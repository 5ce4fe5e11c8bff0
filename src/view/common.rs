//! Pieces every other view uses: a date as the data writes it, and a key with a count.
//!
//! Not for: parsing or comparing dates (`date.rs`).

use crate::date::{Date, Precision};
use serde::Serialize;

/// A date as the data writes it, with its precision and the first year it may mean.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct DateView {
    /// As written in the data: `1944`, `2022-03-22`, `1960s`, `before 1989`.
    pub text: String,
    pub precision: Precision,
    /// The first year the date may mean; null when unknown.
    pub year: Option<i32>,
    pub approx: bool,
}

impl From<&Date> for DateView {
    fn from(d: &Date) -> DateView {
        DateView {
            text: d.to_string(),
            precision: d.precision,
            year: d.sort_year(),
            approx: d.approx,
        }
    }
}

/// A key (a status, a form, a code…) and how many records have it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Count<K> {
    pub key: K,
    pub count: u32,
}
