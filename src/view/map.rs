//! The map's columns (`mapData`): places and links as parallel arrays the page turns into typed
//! arrays.
//!
//! Not for: choosing what is drawn (`map.rs`, `MapOptions`).

use serde::Serialize;

/// The places with a position, one column per field, all of the same length.
#[derive(Debug, Clone, Default, Serialize, PartialEq, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct MapPlaces {
    pub id: Vec<String>,
    pub name: Vec<String>,
    /// ISO 3166-1 alpha-2, or "" when none.
    pub country: Vec<String>,
    pub lat: Vec<f64>,
    pub lon: Vec<f64>,
    /// Agreements (links whose form is not `none`), as on the place's page.
    pub partners: Vec<u32>,
}

/// The links between two positioned places, one column per field.
#[derive(Debug, Clone, Default, Serialize, PartialEq, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct MapLinks {
    pub id: Vec<String>,
    /// Index into [`MapPlaces`].
    pub a: Vec<u32>,
    pub b: Vec<u32>,
    /// Index into [`MapData::statuses`].
    pub status: Vec<u8>,
    /// Index into [`MapData::forms`].
    pub form: Vec<u8>,
    /// The year of the first dated start (established), or null when the start is undated.
    pub since: Vec<Option<i32>>,
    /// The year of the last dated termination, or null.
    pub until: Vec<Option<i32>>,
    /// The year of the event that decided the status at the date asked for, or null.
    pub decided: Vec<Option<i32>>,
}

/// `Atlas::map_data`'s answer.
#[derive(Debug, Clone, Default, Serialize, PartialEq, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct MapData {
    /// The date the statuses are taken at (as given), or null for now.
    pub as_of: Option<String>,
    /// The status names the `links.status` codes stand for.
    pub statuses: Vec<&'static str>,
    /// The form names the `links.form` codes stand for.
    pub forms: Vec<&'static str>,
    pub places: MapPlaces,
    pub links: MapLinks,
}
