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
            if self.out.contains_key(&name) {
                return;
            }
            let docs = T::docs().unwrap_or_default();
            self.out
                .insert(name, format!("{docs}export {}", T::decl(self.cfg)));
        }
        T::visit_dependencies(self);
        T::visit_generics(self);
    }
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
        atlas::SearchResult,
        view::PlaceView,
        view::PartnersView,
        view::LinkView,
        view::GroupView,
        view::NoteView,
        view::CountryView,
        view::SourceView,
        view::TermView,
        view::Stats,
        import::ImportReport,
        classify::Classification,
        classify::ClassifyAllResult,
        compare::ComparePairsView,
        compare::ComparePlacesView,
        compare::CompareCountriesView,
        network::ChainView,
        network::PartnersOfPartnersView,
        network::ComponentsView,
        network::ComponentOfView,
        network::MostConnectedView,
        statistics::StatisticsView,
        suggest::Suggestions,
        suggest::PairExplanation,
        world::WorldInfo,
        vocabulary::Vocabulary,
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
