//! The network's results: chains between places, partners of partners, connected components, the
//! most connected places.
//!
//! Not for: the graph algorithms or `NetworkOptions` (`network.rs`).

use crate::model::Form;
use crate::status::Status;
use crate::view::{Count, DateView, PlaceRef, PlaceSummary};
use serde::Serialize;

/// One step of a chain.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ChainLink {
    pub link_id: String,
    pub from: PlaceRef,
    pub to: PlaceRef,
    pub form: Form,
    pub term: Option<String>,
    pub status: Status,
    /// The first `established` event's date, if any.
    pub since: Option<DateView>,
}

/// The shortest chain of agreements between two places (`chain`), hop by hop.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ChainView {
    pub from: PlaceSummary,
    pub to: PlaceSummary,
    pub found: bool,
    /// Number of links on the chain; null when there is none.
    pub hops: Option<u32>,
    /// The places along the chain, from `from` to `to`, in full (with coordinates, for a map).
    pub places: Vec<PlaceSummary>,
    pub links: Vec<ChainLink>,
    /// Places the search looked at (a measure of its work).
    pub explored: u32,
}

/// A place two steps away, with the partners it is reached through.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PartnerOfPartner {
    pub place: PlaceRef,
    /// The direct partners through which it is reached.
    pub via: Vec<PlaceRef>,
}

/// What `partnersOfPartners` returns: a place's partners and their partners.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PartnersOfPartnersView {
    pub place: PlaceSummary,
    pub partners: Vec<PlaceRef>,
    /// All partners of partners (not the place, not its direct partners).
    pub total: u32,
    /// The first `limit`, most often reached first.
    pub partners_of_partners: Vec<PartnerOfPartner>,
}

/// One connected component of the network: its size and its hubs.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ComponentSummary {
    /// 0 for the largest; ties by first place in the data.
    pub index: u32,
    pub size: u32,
    /// Its best-connected places (up to five).
    pub hubs: Vec<PlaceRef>,
}

/// What `components` returns: the network's connected components, largest first.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ComponentsView {
    /// Components with at least one link (places without any agreement are not counted).
    pub count: u32,
    pub places: u32,
    /// Places without any agreement.
    pub isolated: u32,
    pub largest: u32,
    /// How many components have each size, largest size first.
    pub sizes: Vec<Count<u32>>,
    /// The first `limit` components, largest first.
    pub components: Vec<ComponentSummary>,
}

/// What `componentOf` returns: the component a place belongs to, with its members.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ComponentOfView {
    pub place: PlaceSummary,
    /// Null when the place has no agreement.
    pub index: Option<u32>,
    pub size: u32,
    /// Members by number of partners, at most `limit`.
    pub members: Vec<PlaceRef>,
    pub truncated: bool,
}

/// A place of the most connected list, with its partner counts and rank.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectedPlace {
    pub place: PlaceRef,
    /// Agreements of any status.
    pub partners: u32,
    /// Agreements in force at `asOf`.
    pub active: u32,
    pub rank: u32,
}

/// A claim about a record ("Saint Petersburg has the most partners") checked against the data.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct RecordCheck {
    /// The place the claim is about, if the data holds it.
    pub place: Option<PlaceRef>,
    pub partners: Option<u32>,
    pub rank: Option<u32>,
    pub holds_record: bool,
    pub statement: String,
}

/// What `mostConnected` returns: the places with the most partners.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct MostConnectedView {
    pub places: Vec<ConnectedPlace>,
    /// The article's claim that Saint Petersburg holds the record, checked against the data.
    pub saint_petersburg: RecordCheck,
}
