//! Bytes to text: skips a UTF-8 byte-order mark, refuses UTF-16 and binary files, and reads
//! bytes that are not UTF-8 (a Latin-1 or Windows-1252 file, or a few such bytes pasted into
//! a UTF-8 file) as Windows-1252, with a warning naming the line and column of each.
//!
//! Not for: any other encoding (save the file as UTF-8).

use crate::error::{Error, Result};
use crate::view::ImportReport;
use std::borrow::Cow;

/// Windows-1252 characters for the bytes 0x80–0x9F (Latin-1 control codes where unassigned).
const CP1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// How many per-byte warnings are listed before one summary.
const BYTE_WARNINGS: u32 = 20;

fn cp1252(b: u8) -> char {
    match b {
        0x80..=0x9F => CP1252
            .get(usize::from(b - 0x80))
            .copied()
            .unwrap_or('\u{FFFD}'),
        _ => char::from(b),
    }
}

pub(crate) fn decode<'a>(input: &'a [u8], report: &mut ImportReport) -> Result<Cow<'a, str>> {
    if input.starts_with(&[0xFF, 0xFE]) || input.starts_with(&[0xFE, 0xFF]) {
        return Err(Error::Format {
            origin: "the imported file".into(),
            message: "the file is UTF-16; save it as UTF-8".into(),
        });
    }
    let bytes = match input.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => {
            report.warn(
                Some(1),
                Some(1),
                "a byte-order mark (BOM) at the start was skipped",
            );
            rest
        }
        None => input,
    };
    // a NUL anywhere (not only in the first 8 KB) refuses the file: text files hold none,
    // and one inside a name would hide the rest of it
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        let (line, column) = position(bytes, at);
        let message = if at < 8192 {
            "a NUL byte: this looks like a binary file, not text"
        } else {
            "a NUL byte: text files hold none (is part of this file binary?)"
        };
        return Err(Error::Parse {
            origin: "the imported file".into(),
            line,
            column,
            message: message.into(),
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Cow::Borrowed(s)),
        Err(_) => Ok(Cow::Owned(lossy(bytes, report))),
    }
}

/// Line and column (both from 1, the column in characters) of a byte offset.
fn position(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = bytes.get(..at).unwrap_or(bytes);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map(|i| i + 1)
        .unwrap_or(0);
    let col = String::from_utf8_lossy(before.get(start..).unwrap_or(&[]))
        .chars()
        .count()
        + 1;
    (line, col)
}

fn lossy(bytes: &[u8], report: &mut ImportReport) -> String {
    let mut out = String::with_capacity(bytes.len() + 16);
    let mut rest = bytes;
    let mut line: u32 = 1;
    let mut col: u32 = 1;
    let mut count: u32 = 0;
    let advance = |s: &str, line: &mut u32, col: &mut u32| {
        for c in s.chars() {
            if c == '\n' {
                *line += 1;
                *col = 1;
            } else {
                *col += 1;
            }
        }
    };
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                let good = std::str::from_utf8(good).unwrap_or("");
                out.push_str(good);
                advance(good, &mut line, &mut col);
                let n = e.error_len().unwrap_or(bad.len()).max(1);
                for &b in bad.iter().take(n) {
                    let c = cp1252(b);
                    count += 1;
                    if count <= BYTE_WARNINGS {
                        report.warn(
                            Some(line),
                            Some(col),
                            format!(
                                "byte 0x{b:02X} is not UTF-8; read as Windows-1252/Latin-1 {c:?}"
                            ),
                        );
                    }
                    out.push(c);
                    col += 1;
                }
                rest = bad.get(n..).unwrap_or(&[]);
            }
        }
    }
    if count > BYTE_WARNINGS {
        report.warn(
            None,
            None,
            format!(
                "{count} bytes in all were not UTF-8 and were read as Windows-1252/Latin-1 \
                 (only the first {BYTE_WARNINGS} are listed); save the file as UTF-8"
            ),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{ImportFormat, ImportMode};

    #[test]
    fn reads_latin1_bytes_in_utf8_text_with_a_warning() {
        let mut r = ImportReport::new(ImportFormat::Csv, ImportMode::Merge);
        let text = decode(b"a,b\nK\xf6ln,M\xc3\xbcnchen\n", &mut r).unwrap();
        assert_eq!(text, "a,b\nKöln,München\n");
        assert_eq!(r.warnings.len(), 1);
        assert_eq!(
            (r.warnings[0].line, r.warnings[0].column),
            (Some(2), Some(2))
        );
    }

    #[test]
    fn skips_a_bom_and_refuses_utf16_and_binary() {
        let mut r = ImportReport::new(ImportFormat::Csv, ImportMode::Merge);
        assert_eq!(decode(b"\xEF\xBB\xBFa,b", &mut r).unwrap(), "a,b");
        assert!(decode(b"\xFF\xFEa\0", &mut r).is_err());
        assert!(decode(b"ab\0cd", &mut r).is_err());
    }
}
