//! The core's vocabularies as values: every level, form, status, event kind, motive, kind,
//! verdict, criterion, name kind, group kind, origin and file format, in the core's order,
//! so the page and users iterate them instead of copying them (`vocabulary()` in
//! JavaScript). `tests/typescript.rs` checks each list against the enum's TypeScript union,
//! so a new variant missing here fails a test.
//! Not for: labels in English (the page's `www/lib/format.js`) or what a value means
//! (the README and the docs).

use crate::classify::Kind;
use crate::export::ExportFormat;
use crate::import::{ImportFormat, ImportMode};
use crate::model::{EventKind, Form, GroupKind, Level, Motive, NameKind, Origin, Verdict};
use crate::search::SortOrder;
use crate::status::Status;
use crate::view::{CriterionInfo, Vocabulary};

/// The vocabularies.
pub fn vocabulary() -> Vocabulary {
    use crate::classify::NECESSARY;
    Vocabulary {
        levels: Level::ALL.to_vec(),
        forms: Form::ALL.to_vec(),
        statuses: Status::ALL.to_vec(),
        event_kinds: EventKind::ALL.to_vec(),
        motives: Motive::ALL.to_vec(),
        kinds: Kind::ALL.to_vec(),
        verdicts: vec![Verdict::Holds, Verdict::Fails, Verdict::Unknown],
        criteria: ["C1", "C2", "C3", "C4", "C5", "C6"]
            .into_iter()
            .map(|id| CriterionInfo {
                id,
                necessary: NECESSARY.contains(&id),
            })
            .collect(),
        name_kinds: vec![
            NameKind::Local,
            NameKind::Exonym,
            NameKind::Historic,
            NameKind::Alias,
        ],
        group_kinds: vec![GroupKind::Association, GroupKind::Informal, GroupKind::Set],
        origins: vec![
            Origin::Partitioned,
            Origin::Counterpart,
            Origin::Neighbours,
            Origin::Satellite,
            Origin::Separate,
        ],
        import_formats: vec![
            ImportFormat::Csv,
            ImportFormat::Tsv,
            ImportFormat::SparqlJson,
            ImportFormat::Json,
            ImportFormat::WikidataEdges,
            ImportFormat::WikidataLabels,
            ImportFormat::WikidataJson,
        ],
        import_modes: vec![ImportMode::Merge, ImportMode::Replace],
        export_formats: vec![ExportFormat::Json, ExportFormat::Csv, ExportFormat::Geojson],
        sort_orders: vec![
            SortOrder::Relevance,
            SortOrder::Name,
            SortOrder::Population,
            SortOrder::Partners,
        ],
    }
}
