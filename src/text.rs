//! Name folding: the one place that decides when two spellings are "the same" for search
//! and matching. Folds case and diacritics (also the letters Unicode does not decompose:
//! ß, ł, ø, æ, œ, đ, ı, þ …), transliterates Cyrillic and Greek to Latin, and turns
//! punctuation into word breaks (apostrophes vanish: Huai'an → huaian).
//!
//! Not for: ranking or display (names are shown as written).

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Fold a name for matching: `"Köln"` → `"koln"`, `"Волгоград"` → `"volgograd"`,
/// `"Frankfurt (Oder)"` → `"frankfurt oder"`.
pub fn fold(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut pending_space = false;
    for upper in input.chars() {
        for c in upper.to_lowercase() {
            if let Some(t) = cyrillic(c) {
                push(&mut out, t, &mut pending_space);
                continue;
            }
            let mut parts: [char; 4] = ['\0'; 4];
            let mut n = 0;
            decompose_canonical(c, |d| {
                if n < parts.len() {
                    parts[n] = d;
                    n += 1;
                }
            });
            for &d in &parts[..n] {
                if is_combining_mark(d) {
                    continue;
                }
                if let Some(t) = special(d).or_else(|| greek(d)) {
                    push(&mut out, t, &mut pending_space);
                } else if d.is_alphanumeric() {
                    let mut buf = [0u8; 4];
                    push(&mut out, d.encode_utf8(&mut buf), &mut pending_space);
                } else if is_joiner(d) {
                    // apostrophes and the like join: Huai'an, O'Brien
                } else {
                    pending_space = !out.is_empty();
                }
            }
        }
    }
    out
}

fn push(out: &mut String, s: &str, pending_space: &mut bool) {
    if s.is_empty() {
        return;
    }
    if *pending_space {
        out.push(' ');
        *pending_space = false;
    }
    out.push_str(s);
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '´' | 'ʻ' | '\u{00AD}')
}

/// The words of a folded name.
pub fn tokens(folded: &str) -> impl Iterator<Item = &str> {
    folded.split(' ').filter(|t| !t.is_empty())
}

/// A lowercase ASCII slug for ids: `"Frankfurt (Oder)"` → `"frankfurt-oder"`.
pub fn slug(input: &str) -> String {
    let folded = fold(input);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if c == ' ' && !out.ends_with('-') {
            out.push('-');
        } else if !c.is_ascii() {
            // keep ids ASCII: write non-Latin letters as their code point
            if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
            out.push_str(&format!("u{:x}", c as u32));
        }
    }
    out.trim_matches('-').to_string()
}

fn special(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' => "ss",
        'ł' => "l",
        'ø' => "o",
        'æ' => "ae",
        'œ' => "oe",
        'đ' => "d",
        'ð' => "d",
        'ı' => "i",
        'þ' => "th",
        'ħ' => "h",
        'ŀ' => "l",
        'ŧ' => "t",
        'ƒ' => "f",
        'ĸ' => "k",
        'ŋ' => "ng",
        'ſ' => "s",
        'ʒ' => "z",
        'ə' => "e",
        _ => return None,
    })
}

fn cyrillic(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' => "e",
        'ё' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' => "",
        'ы' => "y",
        'ь' => "",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        'і' => "i",
        'ї' => "yi",
        'є' => "ye",
        'ґ' => "g",
        'ў' => "u",
        'ђ' => "dj",
        'ј' => "j",
        'љ' => "lj",
        'њ' => "nj",
        'ћ' => "c",
        'џ' => "dz",
        'ѓ' => "g",
        'ќ' => "k",
        'ѕ' => "dz",
        _ => return None,
    })
}

fn greek(c: char) -> Option<&'static str> {
    Some(match c {
        'α' => "a",
        'β' => "v",
        'γ' => "g",
        'δ' => "d",
        'ε' => "e",
        'ζ' => "z",
        'η' => "i",
        'θ' => "th",
        'ι' => "i",
        'κ' => "k",
        'λ' => "l",
        'μ' => "m",
        'ν' => "n",
        'ξ' => "x",
        'ο' => "o",
        'π' => "p",
        'ρ' => "r",
        'σ' | 'ς' => "s",
        'τ' => "t",
        'υ' => "y",
        'φ' => "f",
        'χ' => "ch",
        'ψ' => "ps",
        'ω' => "o",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_diacritics_and_case() {
        assert_eq!(fold("Köln"), "koln");
        assert_eq!(fold("KÖLN"), fold("koln"));
        assert_eq!(fold("Český Těšín"), "cesky tesin");
        assert_eq!(fold("Şanlıurfa"), "sanliurfa");
    }

    #[test]
    fn folds_letters_that_do_not_decompose() {
        assert_eq!(fold("Wałbrzych"), "walbrzych");
        assert_eq!(fold("Gießen"), "giessen");
        assert_eq!(fold("Tromsø"), "tromso");
        assert_eq!(fold("Ærøskøbing"), "aeroskobing");
        assert_eq!(fold("Þórshöfn"), "thorshofn");
        assert_eq!(fold("Đakovo"), "dakovo");
    }

    #[test]
    fn transliterates_cyrillic_and_greek() {
        assert_eq!(fold("Волгоград"), "volgograd");
        assert_eq!(fold("Санкт-Петербург"), "sankt peterburg");
        assert_eq!(fold("Ивангород"), "ivangorod");
        assert_eq!(fold("Αθήνα"), "athina");
        assert_eq!(fold("Одеса"), "odesa");
    }

    #[test]
    fn turns_punctuation_into_word_breaks() {
        assert_eq!(fold("Frankfurt (Oder)"), "frankfurt oder");
        assert_eq!(fold("Huai'an"), "huaian");
        assert_eq!(fold("  Baarle-Hertog  "), "baarle hertog");
        assert_eq!(fold("St. Petersburg"), "st petersburg");
    }

    #[test]
    fn makes_ascii_slugs() {
        assert_eq!(slug("Frankfurt (Oder)"), "frankfurt-oder");
        assert_eq!(slug("Słubice"), "slubice");
        assert_eq!(slug("東京"), "u6771-u4eac");
    }
}
