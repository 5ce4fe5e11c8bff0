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
    fold_into(input, &mut out);
    out
}

/// [`fold`] appended to `out` (which is not cleared).
pub fn fold_into(input: &str, out: &mut String) {
    fold_with(input, out, &mut |_, _| {}, None);
}

/// [`fold`] with, for every byte of the folded text, the span `[start, end)` of the
/// original character that produced it, counted in UTF-16 code units (what JavaScript's
/// `slice` takes). A space that joins two words points at the character after it.
pub fn fold_map(input: &str) -> (String, Vec<[u32; 2]>) {
    let mut out = String::with_capacity(input.len());
    let mut map = Vec::with_capacity(input.len());
    fold_with(
        input,
        &mut out,
        &mut |len, span| {
            map.resize(len, span);
        },
        None,
    );
    (out, map)
}

/// Folds many names fast: remembers what each non-ASCII character folds to.
#[derive(Debug, Clone)]
pub struct Folder {
    cache: Vec<Piece>,
}

impl Default for Folder {
    fn default() -> Folder {
        Folder {
            cache: vec![Piece::EMPTY; CACHE_SLOTS],
        }
    }
}

impl Folder {
    /// [`fold`] appended to `out` (which is not cleared); the same result, faster: ASCII
    /// bytes go through a table, other characters through the cache.
    pub fn fold_into(&mut self, input: &str, out: &mut String) {
        let base = out.len();
        let mut pending_space = false;
        let bytes = input.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                i += 1;
                if b.is_ascii_alphanumeric() {
                    if pending_space {
                        out.push(' ');
                        pending_space = false;
                    }
                    out.push(char::from(b.to_ascii_lowercase()));
                } else if !is_joiner(char::from(b)) {
                    pending_space = out.len() > base;
                }
                continue;
            }
            let Some(upper) = input.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            i += upper.len_utf8();
            let slot = (upper as usize) % CACHE_SLOTS;
            let piece = match self.cache.get_mut(slot) {
                Some(p) => {
                    if p.key != upper as u32 {
                        *p = Piece::of(upper);
                    }
                    *p
                }
                None => Piece::of(upper),
            };
            if piece.lead {
                pending_space = out.len() > base;
            }
            push(out, piece.text(), &mut pending_space);
            if piece.trail {
                pending_space = out.len() > base;
            }
        }
    }
}

const CACHE_SLOTS: usize = 8192;
const PIECE_BYTES: usize = 22;

/// What one character folds to: an optional word break before, text (which may hold
/// spaces), an optional word break after.
#[derive(Debug, Clone, Copy)]
struct Piece {
    /// The character, or `u32::MAX` for an empty cache slot.
    key: u32,
    lead: bool,
    trail: bool,
    len: u8,
    text: [u8; PIECE_BYTES],
}

impl Piece {
    const EMPTY: Piece = Piece {
        key: u32::MAX,
        lead: false,
        trail: false,
        len: 0,
        text: [0; PIECE_BYTES],
    };

    fn of(upper: char) -> Piece {
        let mut p = Piece::EMPTY;
        p.key = upper as u32;
        let mut pending = false;
        let add = |p: &mut Piece, s: &str, pending: &mut bool| {
            if s.is_empty() {
                return;
            }
            let space = if *pending { " " } else { "" };
            *pending = false;
            for &b in space.as_bytes().iter().chain(s.as_bytes()) {
                if usize::from(p.len) < PIECE_BYTES {
                    p.text[usize::from(p.len)] = b;
                    p.len += 1;
                }
            }
        };
        for c in upper.to_lowercase() {
            if let Some(t) = cyrillic(c) {
                add(&mut p, t, &mut pending);
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
                    add(&mut p, t, &mut pending);
                } else if d.is_alphanumeric() {
                    let mut buf = [0u8; 4];
                    add(&mut p, d.encode_utf8(&mut buf), &mut pending);
                } else if is_joiner(d) {
                    // apostrophes and the like join: Huai'an, O'Brien
                } else if p.len == 0 {
                    p.lead = true;
                } else {
                    pending = true;
                }
            }
        }
        p.trail = pending;
        // never cut a character in two
        while p.len > 0 && std::str::from_utf8(&p.text[..usize::from(p.len)]).is_err() {
            p.len -= 1;
        }
        p
    }

    fn text(&self) -> &str {
        std::str::from_utf8(&self.text[..usize::from(self.len)]).unwrap_or("")
    }
}

/// The folding itself; `note(len, span)` is called after each character with the new length
/// of `out` and the UTF-16 span of that character.
fn fold_with<N: FnMut(usize, [u32; 2])>(
    input: &str,
    out: &mut String,
    note: &mut N,
    mut cache: Option<&mut Vec<Piece>>,
) {
    let base = out.len();
    let mut pending_space = false;
    let mut at16 = 0u32;
    for upper in input.chars() {
        let span = [at16, at16 + upper.len_utf16() as u32];
        at16 = span[1];
        if upper.is_ascii() {
            if upper.is_ascii_alphanumeric() {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                out.push(upper.to_ascii_lowercase());
            } else if !is_joiner(upper) {
                pending_space = out.len() > base;
            }
            note(out.len() - base, span);
            continue;
        }
        let fresh;
        let piece = match cache.as_deref_mut() {
            Some(slots) => {
                let slot = (upper as usize) % CACHE_SLOTS;
                match slots.get_mut(slot) {
                    Some(p) if p.key == upper as u32 => &*p,
                    Some(p) => {
                        *p = Piece::of(upper);
                        &*p
                    }
                    None => {
                        fresh = Piece::of(upper);
                        &fresh
                    }
                }
            }
            None => {
                fresh = Piece::of(upper);
                &fresh
            }
        };
        if piece.lead {
            pending_space = out.len() > base;
        }
        push(out, piece.text(), &mut pending_space);
        if piece.trail {
            pending_space = out.len() > base;
        }
        note(out.len() - base, span);
    }
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
    matches!(
        c,
        '\'' | '’'
            | '‘'
            | 'ʼ'
            | '`'
            | '´'
            | 'ʻ'
            | 'ʿ'
            | 'ʾ'
            | 'ʹ'
            | 'ˈ'
            | '\u{00AD}'
            | '\u{200C}'
            | '\u{200D}'
    )
}

/// The words of a folded name.
pub fn tokens(folded: &str) -> impl Iterator<Item = &str> {
    folded.split(' ').filter(|t| !t.is_empty())
}

/// A lowercase ASCII slug for ids: `"Frankfurt (Oder)"` → `"frankfurt-oder"`.
pub fn slug(input: &str) -> String {
    slug_of_folded(&fold(input))
}

/// [`slug`] of a name already folded (`slug(x) == slug_of_folded(&fold(x))`).
pub fn slug_of_folded(folded: &str) -> String {
    if folded
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        // the common case: one word of ASCII letters and digits
        return folded.to_string();
    }
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
        'ĳ' => "ij",
        'ɨ' => "i",
        'ɛ' => "e",
        'ɔ' => "o",
        'ƴ' => "y",
        'ɓ' => "b",
        'ɗ' => "d",
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
    fn the_fast_folder_agrees_with_fold() {
        let mut f = Folder::default();
        for name in [
            "Köln",
            "Frankfurt (Oder)",
            "Санкт-Петербург",
            "Αθήνα",
            "Huai'an",
            "東京 都",
            "İstanbul",
            "  Baarle-Hertog  ",
            "Þórshöfn – Ærøskøbing",
            "São Paulo",
            "ǅakovo",
        ] {
            let mut out = String::new();
            f.fold_into(name, &mut out);
            assert_eq!(out, fold(name), "{name}");
            assert_eq!(fold_map(name).0, fold(name), "{name}");
        }
    }

    #[test]
    fn fold_map_points_at_the_original_characters() {
        let (folded, map) = fold_map("Ærø-Köln");
        assert_eq!(folded, "aero koln");
        assert_eq!(map.len(), folded.len());
        assert_eq!(map[0], [0, 1]);
        assert_eq!(map[1], [0, 1]);
        assert_eq!(map[4], [4, 5]);
        assert_eq!(map[6], [5, 6]);
    }

    #[test]
    fn makes_ascii_slugs() {
        assert_eq!(slug("Frankfurt (Oder)"), "frankfurt-oder");
        assert_eq!(slug("Słubice"), "slubice");
        assert_eq!(slug("東京"), "u6771-u4eac");
    }
}
