//! Giving partnerships back to Wikidata: a user's additions and corrections written as
//! QuickStatements V1 commands (tab-separated), one P190 ("twinned administrative body")
//! statement per direction, with start time (P580), end time (P582) and a reference URL
//! (S854). Rows that cannot be written (no Wikidata id, a place twinned with itself, an
//! unreadable date or URL) are listed with the reason, never dropped silently.
//!
//! Both directions: Wikidata declares P190 symmetric (its property constraint asks for the
//! inverse statement on the partner), and the query service's P190 queries read one item's
//! statements; so each pair gives `A P190 B` and `B P190 A`, with the same qualifiers and
//! reference. QuickStatements adds qualifiers and references to a statement that already
//! exists with the same value, so writing a known pair again adds the dates and the source
//! instead of duplicating it.
//!
//! Not for: sending anything anywhere (the user pastes the commands into the tool).

use crate::date::{Date, Precision};
use crate::view::{QsExport, QsSkipped};
use serde::{Deserialize, Serialize};

/// The most statements one export takes.
pub const MAX_QS_ROWS: usize = 10_000;

/// One partnership to write: both places' Wikidata ids, and what is known of it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields = nullable)]
pub struct QsRow {
    /// Wikidata id of place A (`Q…`, or an entity URL).
    #[serde(default)]
    pub a: Option<String>,
    #[serde(default)]
    pub b: Option<String>,
    /// Names, for the messages of rows that cannot be written.
    #[serde(default)]
    pub a_name: Option<String>,
    #[serde(default)]
    pub b_name: Option<String>,
    /// The start date as our data writes it (`1967`, `1967-05`, `1967-05-01`).
    #[serde(default)]
    pub start: Option<String>,
    #[serde(default)]
    pub end: Option<String>,
    /// The URL of the source that states it.
    #[serde(default)]
    pub reference: Option<String>,
}

fn qid_of(v: Option<&str>) -> Option<String> {
    super::normalise::qid(v?.trim()).map(str::to_string)
}

/// A date as a QuickStatements time value: `+1967-00-00T00:00:00Z/9` (year),
/// `/10` (month), `/11` (day), `/8` (decade). `Err` says why a date cannot be written.
pub fn qs_time(d: &Date) -> Result<String, String> {
    if d.approx {
        return Err(format!(
            "the date {d} is approximate; Wikidata's time value cannot say so"
        ));
    }
    let sign = if d.year < 0 { '-' } else { '+' };
    let y = d.year.unsigned_abs();
    match d.precision {
        Precision::Day => Ok(format!(
            "{sign}{y:04}-{:02}-{:02}T00:00:00Z/11",
            d.month, d.day
        )),
        Precision::Month => Ok(format!("{sign}{y:04}-{:02}-00T00:00:00Z/10", d.month)),
        Precision::Year => Ok(format!("{sign}{y:04}-00-00T00:00:00Z/9")),
        Precision::Decade => Ok(format!("{sign}{y:04}-00-00T00:00:00Z/8")),
        _ => Err(format!(
            "the date {d} is not a day, month, year or decade; Wikidata's time value cannot \
             hold it"
        )),
    }
}

fn url_ok(u: &str) -> Result<(), String> {
    let lower = u.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) {
        return Err(format!(
            "the reference {:?} is not an http(s) URL",
            u.chars().take(80).collect::<String>()
        ));
    }
    if u.len() > 2000
        || u.chars()
            .any(|c| c.is_whitespace() || c == '"' || c.is_control())
    {
        return Err("the reference URL holds spaces, quotes or control characters, or is longer than 2,000 characters".into());
    }
    Ok(())
}

/// Write `rows` as QuickStatements V1 commands.
pub fn quickstatements(rows: &[QsRow]) -> crate::Result<QsExport> {
    if rows.len() > MAX_QS_ROWS {
        return Err(crate::Error::TooLarge {
            what: "the QuickStatements export".into(),
            limit: MAX_QS_ROWS,
            actual: rows.len(),
        });
    }
    let mut out = QsExport {
        commands: String::new(),
        lines: 0,
        pairs: 0,
        skipped: Vec::new(),
    };
    for (i, r) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        let name = |n: &Option<String>, q: &Option<String>| {
            n.clone()
                .or_else(|| q.clone())
                .unwrap_or_else(|| "a place".into())
                .chars()
                .take(80)
                .collect::<String>()
        };
        let (a, b) = match (qid_of(r.a.as_deref()), qid_of(r.b.as_deref())) {
            (Some(a), Some(b)) => (a, b),
            (qa, qb) => {
                let missing: Vec<String> = [(qa, &r.a_name, &r.a), (qb, &r.b_name, &r.b)]
                    .into_iter()
                    .filter(|(q, _, _)| q.is_none())
                    .map(|(_, n, q)| name(n, q))
                    .collect();
                out.skipped.push(QsSkipped {
                    row,
                    reason: format!("no Wikidata id for {}", missing.join(" and ")),
                    written: false,
                });
                continue;
            }
        };
        if a == b {
            out.skipped.push(QsSkipped {
                row,
                reason: format!("{a} is given as its own partner"),
                written: false,
            });
            continue;
        }
        let mut quals = String::new();
        for (prop, value) in [("P580", &r.start), ("P582", &r.end)] {
            let Some(text) = value.as_deref().map(str::trim).filter(|t| !t.is_empty()) else {
                continue;
            };
            match Date::parse(text)
                .map_err(|e| format!("cannot read the date {text:?}: {e}"))
                .and_then(|d| qs_time(&d))
            {
                Ok(t) => {
                    quals.push('\t');
                    quals.push_str(prop);
                    quals.push('\t');
                    quals.push_str(&t);
                }
                Err(reason) => out.skipped.push(QsSkipped {
                    row,
                    reason: format!("{reason}; {prop} left out"),
                    written: true,
                }),
            }
        }
        if let Some(u) = r
            .reference
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
        {
            match url_ok(u) {
                Ok(()) => {
                    quals.push_str("\tS854\t\"");
                    quals.push_str(u);
                    quals.push('"');
                }
                Err(reason) => out.skipped.push(QsSkipped {
                    row,
                    reason: format!("{reason}; reference left out"),
                    written: true,
                }),
            }
        }
        for (x, y) in [(&a, &b), (&b, &a)] {
            out.commands.push_str(x);
            out.commands.push_str("\tP190\t");
            out.commands.push_str(y);
            out.commands.push_str(&quals);
            out.commands.push('\n');
            out.lines += 1;
        }
        out.pairs += 1;
    }
    Ok(out)
}

impl crate::atlas::Atlas {
    /// The rows of [`quickstatements`] for links of the atlas (a user's additions and
    /// corrections, by link id): both places' Wikidata ids, the first `established` date, the
    /// `terminated` date, and the URL of the first source of those events (else of the link)
    /// that has one. A place without a Wikidata id gives a row the export lists as skipped.
    pub fn quickstatement_rows(&self, link_ids: &[String]) -> crate::Result<Vec<QsRow>> {
        if link_ids.len() > MAX_QS_ROWS {
            return Err(crate::Error::TooLarge {
                what: "the QuickStatements export".into(),
                limit: MAX_QS_ROWS,
                actual: link_ids.len(),
            });
        }
        let mut rows = Vec::with_capacity(link_ids.len());
        for id in link_ids {
            let l = self
                .get_link(id)
                .ok_or_else(|| crate::Error::not_found("link", id.clone()))?;
            let place = |pid: &str| self.get_place(pid);
            let qid_of = |pid: &str| {
                place(pid)
                    .and_then(|p| p.wikidata.clone())
                    .or_else(|| super::normalise::qid(pid).map(str::to_string))
            };
            let first = |kind: crate::model::EventKind| {
                let mut v: Vec<&crate::model::Event> =
                    l.events.iter().filter(|e| e.kind == kind).collect();
                v.sort_by(|x, y| crate::status::timeline_order(x, y));
                v.first().copied()
            };
            let start = first(crate::model::EventKind::Established);
            let end = first(crate::model::EventKind::Terminated);
            let cited: Vec<&String> = start
                .iter()
                .chain(end.iter())
                .flat_map(|e| e.sources.iter())
                .chain(l.sources.iter())
                .collect();
            let reference = cited.into_iter().find_map(|sid| {
                self.dataset()
                    .sources
                    .iter()
                    .find(|s| &s.id == sid)
                    .and_then(|s| s.url.clone())
            });
            rows.push(QsRow {
                a: qid_of(&l.a),
                b: qid_of(&l.b),
                a_name: place(&l.a).map(|p| p.name.clone()),
                b_name: place(&l.b).map(|p| p.name.clone()),
                start: start.map(|e| e.date.to_string()),
                end: end.map(|e| e.date.to_string()),
                reference,
            });
        }
        Ok(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_both_directions_with_dates_and_reference() {
        let rows = vec![QsRow {
            a: Some("Q1707".into()),
            b: Some("http://www.wikidata.org/entity/Q3095".into()),
            start: Some("1967".into()),
            end: Some("2022-03-04".into()),
            reference: Some("https://www.kiel.de/partner".into()),
            ..QsRow::default()
        }];
        let out = quickstatements(&rows).unwrap();
        assert_eq!(
            out.commands,
            "Q1707\tP190\tQ3095\tP580\t+1967-00-00T00:00:00Z/9\tP582\t+2022-03-04T00:00:00Z/11\tS854\t\"https://www.kiel.de/partner\"\n\
             Q3095\tP190\tQ1707\tP580\t+1967-00-00T00:00:00Z/9\tP582\t+2022-03-04T00:00:00Z/11\tS854\t\"https://www.kiel.de/partner\"\n"
        );
        assert_eq!((out.lines, out.pairs), (2, 1));
        assert!(out.skipped.is_empty());
    }
}
