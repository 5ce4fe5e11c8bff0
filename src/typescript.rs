//! TypeScript declarations of every type the JavaScript API returns or takes, generated from
//! the Rust types themselves (ts-rs derives), so a renamed field fails a type check.
//! `tests/typescript.rs` writes them to `ts/types.d.ts` and fails when that file drifts;
//! the wasm facade includes the file in the package's `twinning_atlas.d.ts`.
//! Not for: the wasm module (native builds only) or the shape of `mapData`, whose typed-array
//! columns are written by hand in `ts/map-data.d.ts`.

use std::collections::BTreeMap;
use ts_rs::{Config, TypeVisitor, TS};

/// Collects the declaration of a type and of every type it names, once each, by name.
struct Collect<'a> {
    cfg: &'a Config,
    out: &'a mut BTreeMap<String, String>,
}

impl TypeVisitor for Collect<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if T::output_path().is_some() {
            // a declared type (struct or enum): its declaration, then what it names
            let name = T::ident(self.cfg);
            let docs = T::docs().unwrap_or_default();
            let decl = format!("{docs}export {}", layout(&T::decl(self.cfg)));
            if let Some(seen) = self.out.get(&name) {
                // two Rust types of one name (`edit::PlaceRef`, `import::PlaceRef`) would
                // silently share one declaration: rename one with `#[ts(rename = "…")]`
                assert!(
                    *seen == decl,
                    "two types are named {name} in TypeScript: give one #[ts(rename)]"
                );
                return;
            }
            self.out.insert(name, decl);
        }
        T::visit_dependencies(self);
        T::visit_generics(self);
    }
}

/// One field per line for an object type (`type X = { a: A, b: B, };`, as ts-rs writes it
/// on one line with the doc comments between), so the package's `.d.ts` reads like a
/// hand-written one. Anything else is returned as it is.
fn layout(decl: &str) -> String {
    let Some((head, rest)) = decl.split_once(" = { ") else {
        return decl.to_owned();
    };
    let Some(body) = rest.strip_suffix(" };") else {
        return decl.to_owned();
    };
    // split the body at the commas outside brackets, strings and comments
    let (mut fields, mut field) = (Vec::new(), String::new());
    let (mut depth, mut in_string, mut in_comment) = (0i32, false, false);
    for c in body.chars() {
        field.push(c);
        if in_comment {
            in_comment = !field.ends_with("*/");
        } else if in_string {
            in_string = c != '"';
        } else {
            match c {
                '"' => in_string = true,
                '*' if field.ends_with("/*") => in_comment = true,
                '{' | '[' | '(' | '<' => depth += 1,
                '}' | ']' | ')' | '>' => depth -= 1,
                ',' if depth == 0 => fields.push(std::mem::take(&mut field)),
                _ => {}
            }
        }
    }
    if depth != 0 || in_string || in_comment || !field.trim().is_empty() {
        return decl.to_owned();
    }
    let mut out = format!("{head} = {{\n");
    for f in &fields {
        for line in f.trim().lines() {
            let line = line.trim_end();
            let pad = if line.starts_with('*') { "   " } else { "  " };
            out.push_str(pad);
            out.push_str(line);
            out.push('\n');
        }
    }
    out.push_str("};");
    out
}

macro_rules! roots {
    ($visitor:expr, $($t:ty),* $(,)?) => { $( $visitor.visit::<$t>(); )* };
}

/// The declarations, sorted by name, as one file's text.
pub fn declarations() -> String {
    // outputs carry no 64-bit integers (serialized as JS numbers), so `number`, not `bigint`
    let cfg = Config::new().with_large_int("number");
    let mut out = BTreeMap::new();
    let mut c = Collect {
        cfg: &cfg,
        out: &mut out,
    };
    use crate::*;
    roots!(
        c,
        // results
        view::SearchResult,
        view::PlaceView,
        view::PartnersView,
        view::LinkView,
        view::GroupView,
        view::NoteView,
        view::CountryView,
        view::SourceView,
        view::TermView,
        view::Stats,
        view::ImportReport,
        view::Classification,
        view::ClassifyAllResult,
        view::ComparePairsView,
        view::ComparePlacesView,
        view::CompareCountriesView,
        view::ChainView,
        view::PartnersOfPartnersView,
        view::ComponentsView,
        view::ComponentOfView,
        view::MostConnectedView,
        view::StatisticsView,
        view::Suggestions,
        view::PairExplanation,
        view::WorldInfo,
        view::Vocabulary,
        view::EditReport,
        view::TablePreview,
        view::QsExport,
        // options and inputs
        search::SearchQuery,
        atlas::PartnersOptions,
        atlas::NotesOptions,
        import::ImportOptions,
        export::ExportOptions,
        classify::ClassifyOptions,
        classify::ClassifyAllOptions,
        compare::PairsInput,
        compare::ComparePairsOptions,
        compare::CompareOptions,
        network::NetworkOptions,
        statistics::StatisticsOptions,
        suggest::SuggestOptions,
        map::MapOptions,
        edit::Edit,
        import::quickstatements::QsRow,
    );
    let mut text = String::from(
        "// Generated from the Rust types by `UPDATE_TS=1 cargo test --test typescript`: do not edit.\n\
         // Every result and option type of the JavaScript API (see README.md, API).\n\n",
    );
    for decl in out.values() {
        text.push_str(decl);
        text.push_str("\n\n");
    }
    text.truncate(text.trim_end().len());
    text.push('\n');
    text
}
