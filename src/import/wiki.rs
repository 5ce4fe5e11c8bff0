//! Wiki markup in the cells of lists copied out of Wikipedia: links (`[[Cork (city)|Cork]]`),
//! a link's pipe written as a template (`Lampertheim (Germania){{!}}Lampertheim`, as the
//! Italian lists of twinnings do), references (`<ref>…</ref>`), flag templates
//! (`{{flag|Germany}}`, `{{flagicon|FRA}}`), bold and italic quotes, and HTML entities.
//! A cell becomes the name a reader sees plus the link's target (the article title, which
//! carries the disambiguation: `Cork (city)`, `Brest, France`) and the country a flag names.
//! Also the split of such a title into the name and its hint.
//!
//! Not for: deciding what a hint means (`build.rs`).

/// A cell with its markup removed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cleaned {
    /// What the cell shows.
    pub text: String,
    /// The article the cell links to, when it differs from the text.
    pub target: Option<String>,
    /// The argument of a flag template (`{{flagicon|FRA}}` → `FRA`).
    pub flag: Option<String>,
}

/// The longest cell cleaned; longer cells are left as they are (no name is this long).
const MAX_CELL: usize = 4096;

/// Whether a cell holds anything this module removes.
pub fn has_markup(cell: &str) -> bool {
    cell.len() <= MAX_CELL
        && (cell.contains("[[")
            || cell.contains("{{")
            || cell.contains("''")
            || cell.contains("<ref")
            || cell.contains("</")
            || cell.contains("/>")
            || cell.contains("<!--")
            || cell.contains("&nbsp;")
            || cell.contains("&amp;"))
}

/// Remove the markup of a cell. `None` when it has none.
pub fn clean(cell: &str) -> Option<Cleaned> {
    if !has_markup(cell) {
        return None;
    }
    let mut out = Cleaned::default();
    let mut s = cell.to_string();
    // comments and references go whole, with what they hold
    s = cut_between(&s, "<!--", "-->");
    s = cut_refs(&s);
    // a link's pipe written as a template
    s = s.replace("{{!}}", "|");
    // templates: flags give a country, {{lang|xx|text}} its text, the rest nothing
    s = templates(&s, &mut out);
    // links
    s = links(&s, &mut out);
    // any other tag: keep what it holds
    s = strip_tags(&s);
    s = s
        .replace("'''", "")
        .replace("''", "")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    // an unbracketed "target|text" (from {{!}})
    if let Some((target, text)) = s.split_once('|') {
        let (target, text) = (target.trim(), text.trim());
        if !text.is_empty() {
            if !target.is_empty() && target != text && out.target.is_none() {
                out.target = Some(target.to_string());
            }
            s = text.to_string();
        } else {
            s = target.to_string();
        }
    }
    out.text = s.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(out)
}

fn cut_between(s: &str, open: &str, close: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find(open) {
        out.push_str(rest.get(..at).unwrap_or(""));
        let after = rest.get(at + open.len()..).unwrap_or("");
        match after.find(close) {
            Some(end) => rest = after.get(end + close.len()..).unwrap_or(""),
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// `<ref>…</ref>`, `<ref name="x">…</ref>` and `<ref name="x" />` removed.
fn cut_refs(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find("<ref") {
        out.push_str(rest.get(..at).unwrap_or(""));
        let after = rest.get(at..).unwrap_or("");
        let Some(gt) = after.find('>') else {
            rest = "";
            break;
        };
        let tag = after.get(..=gt).unwrap_or("");
        let body = after.get(gt + 1..).unwrap_or("");
        if tag.ends_with("/>") {
            rest = body;
        } else {
            rest = match body.find("</ref>") {
                Some(end) => body.get(end + "</ref>".len()..).unwrap_or(""),
                None => "",
            };
        }
    }
    out.push_str(rest);
    out
}

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Replace `{{…}}` templates (innermost first, a bounded number of times).
fn templates(s: &str, out: &mut Cleaned) -> String {
    let mut s = s.to_string();
    for _ in 0..64 {
        let Some(open) = s.rfind("{{") else { break };
        let after = s.get(open + 2..).unwrap_or("");
        let Some(close) = after.find("}}") else {
            // an unclosed template: drop from it on
            s.truncate(open);
            break;
        };
        let inner = after.get(..close).unwrap_or("");
        let parts: Vec<&str> = inner.split('|').map(str::trim).collect();
        let name = parts.first().copied().unwrap_or("").to_ascii_lowercase();
        let arg = parts.get(1).copied().unwrap_or("");
        let replacement = match name.as_str() {
            "flag" | "flagcountry" | "flagu" | "flag country" => {
                if out.flag.is_none() && !arg.is_empty() {
                    out.flag = Some(arg.to_string());
                }
                arg.to_string()
            }
            "flagicon" | "flagdeco" | "flag icon" => {
                if out.flag.is_none() && !arg.is_empty() {
                    out.flag = Some(arg.to_string());
                }
                String::new()
            }
            "lang" => parts.get(2).copied().unwrap_or("").to_string(),
            "nowrap" | "nobr" | "small" => arg.to_string(),
            _ => String::new(),
        };
        let end = open + 2 + close + 2;
        let tail = s.get(end..).unwrap_or("").to_string();
        s.truncate(open);
        s.push_str(&replacement);
        s.push_str(&tail);
    }
    s
}

/// `[[target|text]]` → text (the first target kept), `[[target]]` → target.
fn links(s: &str, out: &mut Cleaned) -> String {
    let mut res = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find("[[") {
        res.push_str(rest.get(..open).unwrap_or(""));
        let after = rest.get(open + 2..).unwrap_or("");
        let Some(close) = after.find("]]") else {
            res.push_str(after);
            rest = "";
            break;
        };
        let inner = after.get(..close).unwrap_or("");
        let (target, text) = match inner.split_once('|') {
            Some((t, x)) => (t.trim(), x.trim()),
            None => (inner.trim(), inner.trim()),
        };
        // "File:" and "Category:" links show nothing
        if target.contains(':') {
            rest = after.get(close + 2..).unwrap_or("");
            continue;
        }
        if out.target.is_none() && target != text && !target.is_empty() {
            out.target = Some(target.to_string());
        }
        res.push_str(text);
        rest = after.get(close + 2..).unwrap_or("");
    }
    res.push_str(rest);
    res
}

/// An article title split into the name and its disambiguation: `Cork (city)` →
/// (`Cork`, `city`), `Brest, France` → (`Brest`, `France`), `Halifax, West Yorkshire` →
/// (`Halifax`, `West Yorkshire`). `None` when the title has neither form.
pub fn split_title(title: &str) -> Option<(&str, &str)> {
    let t = title.trim();
    if let Some(body) = t.strip_suffix(')') {
        if let Some((head, hint)) = body.rsplit_once('(') {
            let (head, hint) = (head.trim(), hint.trim());
            if !head.is_empty() && !hint.is_empty() && !hint.contains('(') {
                return Some((head, hint));
            }
        }
    }
    let (head, hint) = t.rsplit_once(',')?;
    let (head, hint) = (head.trim(), hint.trim());
    (!head.is_empty() && !hint.is_empty()).then_some((head, hint))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_the_markup_of_real_lists() {
        let c = clean("Lampertheim (Germania){{!}}Lampertheim").unwrap();
        assert_eq!(c.text, "Lampertheim");
        assert_eq!(c.target.as_deref(), Some("Lampertheim (Germania)"));
        let c = clean("[[Cork (city)|Cork]]<ref>Cork City Council, 2010</ref>").unwrap();
        assert_eq!(c.text, "Cork");
        assert_eq!(c.target.as_deref(), Some("Cork (city)"));
        let c = clean("{{flagicon|FRA}} '''[[Brest, France|Brest]]'''").unwrap();
        assert_eq!(c.text, "Brest");
        assert_eq!(c.flag.as_deref(), Some("FRA"));
        assert_eq!(c.target.as_deref(), Some("Brest, France"));
        let c = clean("{{flag|Germany}}").unwrap();
        assert_eq!(c.text, "Germany");
        let c = clean("[[Kiel]]<ref name=\"k\" />").unwrap();
        assert_eq!(c.text, "Kiel");
        assert_eq!(c.target, None);
        assert_eq!(clean("Kiel"), None);
        // unclosed markup ends the cell, never panics
        for bad in [
            "[[Cork",
            "{{flag|",
            "<ref>x",
            "[[|]]",
            "{{!}}",
            "''",
            "<",
            "[[a|b]]]]",
        ] {
            let _ = clean(bad);
        }
    }

    #[test]
    fn splits_titles() {
        assert_eq!(split_title("Cork (city)"), Some(("Cork", "city")));
        assert_eq!(split_title("Brest, France"), Some(("Brest", "France")));
        assert_eq!(
            split_title("Halifax, West Yorkshire"),
            Some(("Halifax", "West Yorkshire"))
        );
        assert_eq!(split_title("Kiel"), None);
        assert_eq!(split_title("(x)"), None);
    }
}
