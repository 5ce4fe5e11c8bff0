//! The rules for values that come from outside: how long an id, a name, a date or an option
//! may be, which numbers are in range, and which characters a name may not hide. One place
//! for each rule; the importers, the dataset check and the wasm facade call them.
//!
//! Not for: reading values (`import/normalise.rs`) or folding names for search (`text.rs`).

/// The longest id (place, link, group …): curated ids are about 30 characters.
pub const MAX_ID_CHARS: usize = 256;
/// The longest place name, as the CSV importer has always had it.
pub const MAX_NAME_CHARS: usize = 200;
/// The largest population a place can have: no city or municipality has 100 million people.
pub const MAX_POPULATION: u32 = 100_000_000;
/// The farthest two places on Earth can be, centre to centre (half the equator).
pub const MAX_DISTANCE_KM: f64 = 20_038.0;
/// The longest options object, as JSON text (an `asOf`, a search text, a mapping): far more
/// than any real one (a search text of 100,000 characters still fits).
pub const MAX_OPTIONS_CHARS: usize = 256 * 1024;

/// Characters that change the order of the text around them: embeddings, overrides and
/// isolates. An unclosed one reorders everything after the name, so a name may not hold them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that show nothing (zero-width spaces and joiners, direction marks, soft
/// hyphens, fillers, tags): a name holding one can look like another name. They are kept
/// (the joiners are needed in Persian and Indic scripts) but flagged, and the page marks them.
pub fn is_hidden(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFFB}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// Whether a name holds a character that shows nothing.
pub fn has_hidden(name: &str) -> bool {
    // names are mostly ASCII: nothing hidden there
    !name.is_ascii() && name.chars().any(is_hidden)
}

/// Why a name cannot be a place's name, if it cannot: empty, longer than
/// [`MAX_NAME_CHARS`], holding control characters (other than white space) or direction
/// overrides, or without a
/// single letter (only spaces, marks or invisible characters).
pub fn name_problem(name: &str) -> Option<String> {
    let n = name.trim();
    if n.is_empty() {
        return Some("the name is empty".into());
    }
    let chars = n.chars().count();
    if chars > MAX_NAME_CHARS {
        return Some(format!(
            "the name is longer than {MAX_NAME_CHARS} characters ({chars})"
        ));
    }
    // line breaks and tabs are white space (a quoted CSV field may hold them); the other
    // control characters (NUL, escape, C1 codes) are never part of a name
    if n.chars().any(|c| c.is_control() && !c.is_whitespace()) {
        return Some("the name holds control characters (such as NUL or escape)".into());
    }
    if n.chars().any(is_bidi_control) {
        return Some(
            "the name holds text-direction controls (U+202A–U+202E, U+2066–U+2069)".into(),
        );
    }
    if !n.chars().any(char::is_alphabetic) {
        return Some("the name has no letters".into());
    }
    None
}

/// Why a string cannot be an id, if it cannot: empty, longer than [`MAX_ID_CHARS`], or
/// holding spaces, control characters or `~` (which joins the two place ids of a link id).
pub fn id_problem(id: &str) -> Option<String> {
    if id.is_empty() {
        return Some("an id must not be empty".into());
    }
    if id.chars().count() > MAX_ID_CHARS {
        return Some(format!("an id is at most {MAX_ID_CHARS} characters"));
    }
    if id.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Some("an id must be without spaces or control characters".into());
    }
    if id.contains('~') {
        return Some("an id must not contain \"~\" (it joins the two ids of a link)".into());
    }
    None
}

/// Why a recorded distance is not one, if it is not: not a number, 0 or less (two places
/// are never 0 km apart centre to centre), or farther than two places on Earth can be.
pub fn distance_problem(km: f64) -> Option<String> {
    if !km.is_finite() || km <= 0.0 || km > MAX_DISTANCE_KM {
        return Some(format!(
            "a recorded distance must be more than 0 and at most {MAX_DISTANCE_KM} km, not {}",
            short_number(km)
        ));
    }
    None
}

/// A number for a message: at most about 20 characters, whatever its size.
pub fn short_number(x: f64) -> String {
    if x.is_finite() && x.abs() < 1e15 {
        format!("{x}")
    } else {
        format!("{x:e}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_names_without_a_visible_letter() {
        assert!(name_problem("\u{200B}\u{200B}").is_some());
        assert!(name_problem("\u{0301}\u{0301}\u{0301}").is_some());
        assert!(name_problem(&"a".repeat(10_000)).is_some());
        assert!(name_problem("Cov\u{0}entry").is_some());
        assert!(name_problem("Cov\u{202E}entry").is_some());
        assert!(name_problem("Coventry").is_none());
        assert!(name_problem("Mönchengladbach").is_none());
    }

    #[test]
    fn keeps_but_notices_hidden_characters() {
        assert!(has_hidden("Cov\u{200B}entry"));
        assert!(!has_hidden("Coventry"));
        assert!(!has_hidden("Zürich"));
        assert!(name_problem("Cov\u{200B}entry").is_none());
    }

    #[test]
    fn refuses_ids_that_would_split_a_link_id() {
        assert!(id_problem("a~b").is_some());
        assert!(id_problem("coventry-gb").is_none());
        assert!(id_problem(&"x".repeat(300)).is_some());
    }

    #[test]
    fn refuses_distances_no_two_places_have() {
        assert!(distance_problem(0.0).is_some());
        assert!(distance_problem(1e308).is_some());
        assert!(distance_problem(f64::NAN).is_some());
        assert!(distance_problem(3.5).is_none());
        assert!(distance_problem(1e308).unwrap().len() < 120);
    }
}
