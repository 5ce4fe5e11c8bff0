// Generated from the Rust types by `UPDATE_TS=1 cargo test --test typescript`: do not edit.
// Every result and option type of the JavaScript API (see README.md, API).

/**
 * The agreement between two places, if the data records one, at the date asked for.
 */
export type AgreementView = {
  /**
   * The data records an agreement of some form (in any status).
   */
  recorded: boolean,
  form: Form | null,
  term: string | null,
  /**
   * Its status at the date asked for.
   */
  status: Status,
  /**
   * In force at the date asked for.
   */
  inForce: boolean,
  evidence: string,
};

/**
 * An imported name that fits several loaded places of one country: kept apart.
 */
export type Ambiguous = {
  name: string,
  /**
   * ISO code.
   */
  country: string | null,
  /**
   * The country's English name.
   */
  countryName: string | null,
  /**
   * The imported place, kept as a place of its own.
   */
  keptAs: string,
  candidates: Array<ImportPlaceRef>,
};

/**
 * One distance band of a distribution (0–100 km, 100–500 km…).
 */
export type Band = {
  fromKm: number,
  /**
   * Null for the last, open band.
   */
  toKm: number | null,
  count: number,
  /**
   * 0–1.
   */
  share: number,
};

/**
 * Where a verdict comes from.
 */
export type Basis = "recorded" | "computed" | "derived";

/**
 * Two of the compared places: their distance and the link between them, if any.
 */
export type Between = {
  /**
   * Ids of the two compared places.
   */
  a: string,
  b: string,
  /**
   * The same places, named.
   */
  aRef: PlaceRef,
  bRef: PlaceRef,
  distanceKm: number | null,
  /**
   * The link between the two, if any.
   */
  linkId: string | null,
  status: Status | null,
};

/**
 * One step of a chain.
 */
export type ChainLink = {
  linkId: string,
  from: PlaceRef,
  to: PlaceRef,
  form: Form,
  term: string | null,
  status: Status,
  /**
   * The first `established` event's date, if any.
   */
  since: DateView | null,
};

/**
 * The shortest chain of agreements between two places (`chain`), hop by hop.
 */
export type ChainView = {
  from: PlaceSummary,
  to: PlaceSummary,
  found: boolean,
  /**
   * Number of links on the chain; null when there is none.
   */
  hops: number | null,
  /**
   * The places along the chain, from `from` to `to`, in full (with coordinates, for a map).
   */
  places: Array<PlaceSummary>,
  links: Array<ChainLink>,
  /**
   * Places the search looked at (a measure of its work).
   */
  explored: number,
};

/**
 * The full classification of a pair of places.
 */
export type Classification = {
  a: PlaceSummary,
  b: PlaceSummary,
  /**
   * The link between them, if the data records one.
   */
  linkId: string | null,
  asOf: DateView | null,
  kind: KindView,
  /**
   * Whether they are twins on the map (adjacent or grown together), whatever was agreed.
   */
  geographicTwin: GeographicTwinView,
  /**
   * Whether they have an agreement, whatever the map says.
   */
  agreement: AgreementView,
  status: StatusView,
  criteria: CriteriaView,
  twinCities: TwinCitiesView,
  motives: Array<MotiveView>,
  /**
   * Groups (networks, associations) both belong to.
   */
  groups: Array<GroupRef>,
  distanceKm: number | null,
  distanceSource: DistanceSource | null,
  thresholds: Thresholds,
};

/**
 * One row of `Atlas::classify_all` with `detail: true`.
 */
export type ClassifiedLink = {
  linkId: string,
  kind: Kind,
  status: Status,
  twinCities: Verdict,
  distanceKm: number | null,
};

/**
 * Options of [`Atlas::classify_all`].
 */
export type ClassifyAllOptions = {
  asOf?: string | null,
  thresholds?: Thresholds | null,
  /**
   * Also return one row per link (kind, status, verdict, distance).
   */
  detail?: boolean,
};

/**
 * Every link classified: counts by kind, status and verdict, and the rows if asked for.
 */
export type ClassifyAllResult = {
  asOf: DateView | null,
  links: number,
  byKind: Array<Count<Kind>>,
  byStatus: Array<Count<Status>>,
  byTwinCities: Array<Count<Verdict>>,
  /**
   * Link ids judged twin cities in the paper's sense.
   */
  twinCities: Array<string>,
  rows: Array<ClassifiedLink> | null,
};

/**
 * Options of [`Atlas::classify`].
 */
export type ClassifyOptions = {
  /**
   * A date such as `2005` or `2022-03-22` (its last day counts); missing or `now`: every
   * event counted.
   */
  asOf?: string | null,
  thresholds?: Thresholds | null,
};

/**
 * What cleaning the names took.
 */
export type Cleaning = {
  /**
   * Cells whose wiki markup (links, templates, references, bold quotes) was removed.
   */
  wikiMarkup: number,
  /**
   * Names whose disambiguation (`Brest, France`, `Cork (city)`) became a hint.
   */
  disambiguations: number,
};

/**
 * An explicit column mapping for CSV/TSV files: which column holds what. `a` is the place
 * whose list the row comes from, `b` its partner. Unmapped columns are ignored.
 */
export type ColumnMapping = {
  /**
   * Whether the first row is a header (default true).
   */
  header?: boolean | null,
  aId?: ColumnRef | null,
  aName?: ColumnRef | null,
  aCountry?: ColumnRef | null,
  aAdmin?: ColumnRef | null,
  aLat?: ColumnRef | null,
  aLon?: ColumnRef | null,
  aCoord?: ColumnRef | null,
  aAltName?: ColumnRef | null,
  aPopulation?: ColumnRef | null,
  aLevel?: ColumnRef | null,
  bId?: ColumnRef | null,
  bName?: ColumnRef | null,
  bCountry?: ColumnRef | null,
  bAdmin?: ColumnRef | null,
  bLat?: ColumnRef | null,
  bLon?: ColumnRef | null,
  bCoord?: ColumnRef | null,
  bAltName?: ColumnRef | null,
  bPopulation?: ColumnRef | null,
  bLevel?: ColumnRef | null,
  form?: ColumnRef | null,
  start?: ColumnRef | null,
  end?: ColumnRef | null,
  endCause?: ColumnRef | null,
  startPrecision?: ColumnRef | null,
  endPrecision?: ColumnRef | null,
};

/**
 * One column of a preview.
 */
export type ColumnPreview = {
  /**
   * The header (or `column N` for a file without one).
   */
  column: string,
  /**
   * Its number, counted from 1 (what a mapping names it by when the header is empty).
   */
  index: number,
  /**
   * What the importer reads it as: `aName`, `bCountry`, `start` … or `ignored`.
   */
  role: string,
  /**
   * The first non-empty value of the column in the rows shown.
   */
  sample: string | null,
};

/**
 * A column of a table: its header name, or its number counted from 1.
 */
export type ColumnRef = number | string;

/**
 * How a column of the file was read.
 */
export type ColumnUse = {
  column: string,
  /**
   * `aName`, `bCountry`, `start` … or `ignored`.
   */
  role: string,
};

/**
 * What `compareCountries` returns: each country's profile and the twinnings between them.
 */
export type CompareCountriesView = {
  asOf: DateView | null,
  countries: Array<CountryProfile>,
  /**
   * Agreements between each two of the compared countries.
   */
  between: Array<CountryPair>,
};

export type CompareOptions = {
  asOf?: string | null,
};

/**
 * Options of [`Atlas::compare_pairs`].
 */
export type ComparePairsOptions = {
  /**
   * The date to judge at (default now).
   */
  asOf?: string | null,
  /**
   * An earlier date to compare with ("what changed since"); the Baltic preset uses 2012,
   * about when the founding paper was written.
   */
  since?: string | null,
  thresholds?: Thresholds | null,
};

/**
 * What `comparePairs` returns: the pairs in the order asked, and their ranking.
 */
export type ComparePairsView = {
  preset: string | null,
  asOf: DateView | null,
  since: DateView | null,
  pairs: Array<PairRow>,
  /**
   * Pair labels in order: twin cities first, then in force, then longest in force, then
   * most criteria held.
   */
  ranking: Array<string>,
  rankingRule: string,
};

/**
 * What `comparePlaces` returns: each place's profile, the partners and countries they share, and
 * each two of them.
 */
export type ComparePlacesView = {
  asOf: DateView | null,
  places: Array<PlaceProfile>,
  sharedPartners: Array<SharedPartner>,
  /**
   * Countries of partners that every compared place reaches.
   */
  countriesInCommon: Array<string>,
  /**
   * The same countries, named.
   */
  countriesInCommonRefs: Array<CountryRef>,
  between: Array<Between>,
};

/**
 * What `componentOf` returns: the component a place belongs to, with its members.
 */
export type ComponentOfView = {
  place: PlaceSummary,
  /**
   * Null when the place has no agreement.
   */
  index: number | null,
  size: number,
  /**
   * Members by number of partners, at most `limit`.
   */
  members: Array<PlaceRef>,
  truncated: boolean,
};

/**
 * One connected component of the network: its size and its hubs.
 */
export type ComponentSummary = {
  /**
   * 0 for the largest; ties by first place in the data.
   */
  index: number,
  size: number,
  /**
   * Its best-connected places (up to five).
   */
  hubs: Array<PlaceRef>,
};

/**
 * What `components` returns: the network's connected components, largest first.
 */
export type ComponentsView = {
  /**
   * Components with at least one link (places without any agreement are not counted).
   */
  count: number,
  places: number,
  /**
   * Places without any agreement.
   */
  isolated: number,
  largest: number,
  /**
   * How many components have each size, largest size first.
   */
  sizes: Array<Count<number>>,
  /**
   * The first `limit` components, largest first.
   */
  components: Array<ComponentSummary>,
};

/**
 * The import says one thing, the loaded data another.
 */
export type Conflict = {
  /**
   * The kind, a colon and the link's pair id (or the place's id): the same for the same
   * import onto the same data, to be passed back in `resolutions`.
   */
  id: string,
  kind: ConflictKind,
  link: LinkRef | null,
  place: ImportPlaceRef | null,
  loaded: Statement,
  incoming: Statement,
  /**
   * What was done: the choice for this conflict, else the `conflicts` option.
   */
  resolution: Resolution,
};

/**
 * What a conflict is about.
 */
export type ConflictKind = "start" | "end" | "status" | "country";

/**
 * A place of the most connected list, with its partner counts and rank.
 */
export type ConnectedPlace = {
  place: PlaceRef,
  /**
   * Agreements of any status.
   */
  partners: number,
  /**
   * Agreements in force at `asOf`.
   */
  active: number,
  rank: number,
};

/**
 * The life of a link up to the date asked for.
 */
export type CooperationView = {
  /**
   * The earliest dated step (proposal, attempt or agreement).
   */
  firstStep: DateView | null,
  /**
   * The first `established` event.
   */
  firstAgreement: DateView | null,
  /**
   * Start of the current period in force; null when not in force.
   */
  inForceSince: DateView | null,
  /**
   * The suspension or termination that ended it, if it is not in force.
   */
  ended: DateView | null,
  /**
   * Events up to the date asked for.
   */
  events: Array<EventView>,
};

/**
 * A key (a status, a form, a code…) and how many records have it.
 */
export type Count<K> = {
  key: K,
  count: number,
};

/**
 * Two of the compared countries and the agreements between their places.
 */
export type CountryPair = {
  /**
   * Codes of the two countries.
   */
  a: string,
  b: string,
  /**
   * The same countries, named.
   */
  aRef: CountryRef,
  bRef: CountryRef,
  twinnings: number,
};

/**
 * One country of a countries comparison: its places and twinnings, by status and form, the words
 * in use, its top partner countries.
 */
export type CountryProfile = {
  code: string,
  name: string,
  /**
   * AF, AN, AS, EU, NA, OC, SA; null for historic states.
   */
  continent: string | null,
  /**
   * The continent's English name.
   */
  continentName: string | null,
  /**
   * Places of this country in the data.
   */
  places: number,
  /**
   * Agreements with at least one place in this country.
   */
  twinnings: number,
  international: number,
  domestic: number,
  byStatus: Array<Count<Status>>,
  byForm: Array<Count<Form>>,
  /**
   * The words its links use ("Partnerstadt", "sister city").
   */
  terms: Array<Count<string>>,
  /**
   * Glossary entries used in this country.
   */
  glossary: Array<string>,
  /**
   * The countries its places are twinned with most, named; at most ten.
   */
  topPartnerCountries: Array<NamedCount>,
  firstTwinning: DateView | null,
  firstTwinningLink: string | null,
};

/**
 * A country named in a result: its code and its English name.
 */
export type CountryRef = {
  /**
   * ISO code (or a historic state's code: `SU`, `YU`…).
   */
  code: string,
  name: string,
};

/**
 * A country of the loaded data, with how much of the data concerns it.
 */
export type CountryView = {
  code: string,
  name: string,
  /**
   * AF, AN, AS, EU, NA, OC, SA; null for historic states.
   */
  continent: string | null,
  /**
   * The continent's English name.
   */
  continentName: string | null,
  historic: boolean,
  places: number,
  /**
   * Links with at least one place in the country (pairings without agreement excluded).
   */
  twinnings: number,
};

/**
 * How much a place's partner list rests on dated records, and which sources list it.
 */
export type Coverage = {
  /**
   * Partners (agreements) with a recorded history: at least one event decides their status.
   */
  withHistory: number,
  /**
   * Partners only listed by a source, with no event: their status is unknown.
   */
  listedOnly: number,
  /**
   * For each source that lists any of the partners, how many; most first.
   */
  bySource: Array<SourceCount>,
};

/**
 * The six criteria C1–C6, each with its verdict and evidence.
 */
export type CriteriaView = {
  C1: CriterionView,
  C2: CriterionView,
  C3: CriterionView,
  C4: CriterionView,
  C5: CriterionView,
  C6: CriterionView,
};

/**
 * A recorded judgement on one criterion, with its sources resolved (`sources` keeps the
 * ids, `sourceRefs` says who they are).
 */
export type CriterionFactView = {
  sourceRefs: Array<SourceRef>,
  /**
   * `C1` … `C6`.
   */
  criterion: string,
  verdict: Verdict,
  evidence: string,
  sources: Array<string>,
};

/**
 * One of the six criteria of cross-border twin cities.
 */
export type CriterionInfo = {
  /**
   * `C1` … `C6`.
   */
  id: string,
  /**
   * Necessary for the verdict (C1, C2, C3, C6); C4 and C5 hold "as a rule".
   */
  necessary: boolean,
};

/**
 * One of the six criteria of cross-border twin cities: the verdict, its evidence and where it
 * comes from.
 */
export type CriterionView = {
  verdict: Verdict,
  evidence: string,
  source: Basis,
  sources: Array<SourceRef>,
};

/**
 * A date as the data writes it, with its precision and the first year it may mean.
 */
export type DateView = {
  /**
   * As written in the data: `1944`, `2022-03-22`, `1960s`, `before 1989`.
   */
  text: string,
  precision: Precision,
  /**
   * The first year the date may mean; null when unknown.
   */
  year: number | null,
  approx: boolean,
};

/**
 * A dated twinning with the partner it made (a place's first or latest).
 */
export type Dated = {
  date: DateView,
  partner: PlaceRef,
};

/**
 * Agreements established in one decade.
 */
export type DecadeCount = {
  /**
   * First year of the decade (1950 for the 1950s).
   */
  decade: number,
  count: number,
};

/**
 * Where a founding document says something the better sources contradict, with the sources
 * resolved: `claimedBy` and `sources` keep the ids, `claimedByRef` and `sourceRefs` say who
 * they are.
 */
export type DisagreementView = {
  /**
   * The source that makes the claim.
   */
  claimedByRef: SourceRef,
  /**
   * The sources the atlas keeps to instead.
   */
  sourceRefs: Array<SourceRef>,
  /**
   * What the document claims, in our words.
   */
  claim: string,
  /**
   * Who claims it.
   */
  claimedBy: string,
  /**
   * What the atlas keeps instead, and why.
   */
  kept: string,
  sources: Array<string>,
};

/**
 * Whether distance shapes twinning: the observed distances against random pairings of the same
 * places.
 */
export type DistanceInfluence = {
  observed: Distribution,
  /**
   * Random pairings of the same places (each place as often as it has partners).
   */
  baseline: Distribution,
  seed: number,
  rounds: number,
  /**
   * Observed median ÷ baseline median; null when either is missing or zero.
   */
  medianRatio: number | null,
  /**
   * Two-sample Kolmogorov–Smirnov distance between the two distributions (0–1).
   */
  ksDistance: number | null,
  /**
   * Share of partners under 100 km, observed and in the baseline.
   */
  nearShareObserved: number | null,
  nearShareBaseline: number | null,
  statement: string,
};

/**
 * Where a distance came from.
 */
export type DistanceSource = "computed" | "recorded";

/**
 * A distribution of distances between partners: quantiles, mean and bands.
 */
export type Distribution = {
  count: number,
  min: number | null,
  p10: number | null,
  p25: number | null,
  median: number | null,
  p75: number | null,
  p90: number | null,
  max: number | null,
  mean: number | null,
  bands: Array<Band>,
};

/**
 * A row that repeated a statement already read.
 */
export type DuplicateRow = {
  row: number,
  line: number,
  /**
   * The row it repeats.
   */
  firstRow: number,
  /**
   * Written identically (an exact duplicate) or only resolving to the same two places.
   */
  exact: boolean,
};

/**
 * One change the user made.
 */
export type Edit = {
  /**
   * The page's id of the edit (letters, digits, `-`): it names the edit's source.
   */
  id: string,
  kind: EditKind,
  a: EditPlaceRef,
  b: EditPlaceRef,
  /**
   * The form of a new partnership (default: twinning), or of the link an event or a dispute
   * is about, used when the link has to be created (default: unspecified).
   */
  form?: Form | null,
  event?: EditEvent | null,
  replaces?: EventKey | null,
  /**
   * What is disputed, in the user's words.
   */
  claim?: string | null,
  /**
   * Where the fact can be checked (http or https).
   */
  sourceUrl?: string | null,
  /**
   * When the edit was made (`2026-12-01`): the source's date.
   */
  made?: string | null,
};

/**
 * A dated event as the user wrote it.
 */
export type EditEvent = {
  kind: EventKind,
  /**
   * A date in any form the atlas reads (`1967`, `2022-03-22`, `c. 1950`).
   */
  date: string,
  actor?: string | null,
  reason?: string | null,
  note?: string | null,
};

/**
 * What an edit does.
 */
export type EditKind = "partner" | "event" | "correct" | "disputed";

/**
 * What happened to one edit.
 */
export type EditOutcome = {
  id: string,
  applied: boolean,
  /**
   * The link the edit changed.
   */
  linkId: string | null,
  /**
   * Why it did not apply, or what it did beyond the obvious (a place added).
   */
  message: string | null,
};

/**
 * A place as the page saw it when the edit was made.
 */
export type EditPlaceRef = {
  id: string,
  name: string,
  country?: string | null,
  admin?: string | null,
  level?: Level | null,
  lat?: number | null,
  lon?: number | null,
  wikidata?: string | null,
};

/**
 * The report of `Atlas::apply_edits`.
 */
export type EditReport = {
  applied: number,
  skipped: number,
  placesAdded: number,
  linksAdded: number,
  outcomes: Array<EditOutcome>,
};

/**
 * When agreements ended: suspensions and terminations by year, and the 2022 wave.
 */
export type EndingsView = {
  byYear: Array<YearEndings>,
  undated: number,
  wave2022: Wave,
  statement: string,
};

/**
 * Which event a correction replaces.
 */
export type EventKey = {
  kind: EventKind,
  /**
   * The date as the atlas shows it (the link view's `date.text`; `unknown` when undated).
   */
  date: string,
};

/**
 * What happened to a link.
 */
export type EventKind = "proposed" | "attempted" | "established" | "renewed" | "suspended" | "resumed" | "terminated" | "other";

/**
 * A dated event in a link's life (proposed, established, suspended…), with who acted, why, and
 * its sources.
 */
export type EventView = {
  kind: EventKind,
  date: DateView,
  actor: string | null,
  reason: string | null,
  note: string | null,
  sources: Array<SourceRef>,
};

/**
 * The format of an export.
 */
export type ExportFormat = "json" | "csv" | "geojson";

/**
 * Options of [`Atlas::export`].
 */
export type ExportOptions = {
  format?: ExportFormat,
};

/**
 * A partner and its distance (a place's nearest or farthest).
 */
export type FarNear = {
  partner: PlaceRef,
  distanceKm: number,
};

export type FeatureWeight = {
  feature: string,
  weight: number,
};

/**
 * Something suspicious that was kept, with the rows that show it.
 */
export type Flag = {
  kind: FlagKind,
  rows: Array<number>,
  /**
   * Ids of the places concerned, in the imported data.
   */
  places: Array<string>,
  message: string,
};

/**
 * What a flag is about.
 */
export type FlagKind = "homonym_coordinates" | "shared_coordinate" | "conflicting_coordinates" | "ambiguous_name" | "hidden_characters";

/**
 * The form of relationship that was declared.
 */
export type Form = "twinning" | "sister_city" | "friendship" | "contact" | "adoption" | "thematic" | "policy" | "cooperation" | "business" | "none" | "unspecified";

/**
 * A place whose country or position came from the loaded gazetteer (the world network),
 * not from the file.
 */
export type FromGazetteer = {
  /**
   * The place in the merged atlas.
   */
  id: string,
  /**
   * The name as the file wrote it.
   */
  name: string,
  country: string | null,
  /**
   * `country`, `coordinates`, or both.
   */
  filled: Array<string>,
};

/**
 * How the gazetteer completed the file.
 */
export type GazetteerUse = {
  /**
   * Imported places found in the loaded data under a name in another language or
   * spelling than the file's.
   */
  matched: number,
  countriesFilled: number,
  coordinatesFilled: number,
  places: Array<FromGazetteer>,
};

/**
 * Twins on the map: across a border, or grown together within one country.
 */
export type GeoScope = "cross_border" | "domestic";

/**
 * Whether two places are geographic twins (adjacent, near a border, one town split), whatever
 * their agreements.
 */
export type GeographicTwinView = {
  verdict: Verdict,
  scope: GeoScope | null,
  flags: KindFlags,
  evidence: Array<string>,
};

/**
 * What kind of grouping a [`Group`] is.
 */
export type GroupKind = "association" | "informal" | "set";

/**
 * A group (network, association) named in a record.
 */
export type GroupRef = {
  id: string,
  name: string,
  kind: GroupKind,
};

/**
 * What `group` and `groups` return: a group with its members, each in short.
 */
export type GroupView = {
  id: string,
  name: string,
  kind: GroupKind,
  founded: DateView | null,
  description: string | null,
  members: Array<PlaceSummary>,
  /**
   * The sources say there are more members than the atlas lists.
   */
  openEnded: boolean,
  sources: Array<SourceRef>,
  seeds: Array<string>,
};

/**
 * A country written as a state that no longer exists ("Unione Sovietica", "DDR").
 */
export type HistoricCountry = {
  text: string,
  /**
   * The state's English name.
   */
  state: string,
  /**
   * The code the places were given (`SU`, `YU`, `CS`, `DD`, `FRG`), or none when the
   * atlas has no code for the state (Russian Empire): the country is then left to the
   * gazetteer.
   */
  code: string | null,
  rows: number,
};

/**
 * A state a place belonged to in the past, and when.
 */
export type HistoricView = {
  state: string,
  stateName: string,
  since: DateView | null,
  until: DateView | null,
};

/**
 * The format of an imported file.
 */
export type ImportFormat = "csv" | "tsv" | "sparql_json" | "json" | "wikidata_edges" | "wikidata_labels" | "wikidata_json";

/**
 * Whether an import is merged into the atlas's data or replaces it.
 */
export type ImportMode = "merge" | "replace";

/**
 * Options of [`Atlas::import`] and [`read`].
 */
export type ImportOptions = {
  /**
   * Detected from the content when missing.
   */
  format?: ImportFormat | null,
  /**
   * Which column holds what; recognised from the header when missing.
   */
  mapping?: ColumnMapping | null,
  mode?: ImportMode,
  /**
   * A name for the file, cited as the source of everything it brings.
   */
  sourceName?: string | null,
  /**
   * For `wikidata_edges`: the text of a `Q…<TAB>label` file naming the ids.
   */
  labels?: string | null,
  /**
   * A lower size limit than [`MAX_IMPORT_BYTES`].
   */
  maxBytes?: number | null,
  /**
   * The field separator of a CSV file (`,` `;` `|` or a tab); sniffed when missing.
   */
  delimiter?: string | null,
  /**
   * What a merge does with every conflict with the loaded data (default `both`).
   */
  conflicts?: Resolution,
  /**
   * A choice per conflict, by the conflict's `id` in an earlier report; wins over
   * `conflicts`.
   */
  resolutions?: { [key in string]: Resolution },
  /**
   * Read and merge aside, return the report, change nothing.
   */
  dryRun?: boolean,
};

/**
 * A place in a conflict or an ambiguity.
 */
export type ImportPlaceRef = {
  id: string,
  name: string,
  /**
   * ISO code.
   */
  country: string | null,
  /**
   * The country's English name.
   */
  countryName: string | null,
};

/**
 * What an import read, kept, merged, flagged and rejected.
 */
export type ImportReport = {
  format: ImportFormat,
  /**
   * The field separator of a CSV/TSV file.
   */
  delimiter: string | null,
  columns: Array<ColumnUse>,
  mode: ImportMode,
  /**
   * The id of the source every imported record cites.
   */
  source: string,
  rowsRead: number,
  /**
   * Rows read minus rows rejected (duplicates are accepted and merged).
   */
  rowsAccepted: number,
  rowsRejected: number,
  /**
   * The first `import::LIST_LIMIT` rejected rows (`rows_rejected` counts them all).
   */
  rejected: Array<RejectedRow>,
  /**
   * Rows that repeated a statement (same two places, same direction), merged into it.
   */
  duplicates: number,
  duplicateRows: Array<DuplicateRow>,
  /**
   * Distinct statements: "A lists B as its partner".
   */
  statements: number,
  /**
   * Distinct unordered pairs, each one link.
   */
  pairs: number,
  /**
   * Pairs stated from both sides (one link, both statements as evidence).
   */
  bothWays: number,
  /**
   * Pairs stated from one side only.
   */
  oneWay: number,
  oneWayStatements: Array<OneWay>,
  flagged: Array<Flag>,
  unresolvedCountries: Array<Unresolved>,
  /**
   * Distinct places in the file.
   */
  placesRead: number,
  /**
   * Places new to the atlas.
   */
  placesAdded: number,
  /**
   * Places found already in the atlas and enriched instead of duplicated.
   */
  placesMatched: number,
  linksAdded: number,
  /**
   * Links found already in the atlas; the import is added to their evidence.
   */
  linksMerged: number,
  warnings: Array<Warning>,
  warningsTotal: number,
  /**
   * Where the import disagrees with the loaded data, and what was done.
   */
  conflicts: Array<Conflict>,
  /**
   * All conflicts (the list keeps the first `import::LIST_LIMIT`).
   */
  conflictsTotal: number,
  /**
   * Imported names that fit several loaded places of one country (kept apart).
   */
  ambiguous: Array<Ambiguous>,
  /**
   * Countries written as historic states.
   */
  historicCountries: Array<HistoricCountry>,
  gazetteer: GazetteerUse,
  cleaning: Cleaning,
  /**
   * Whether the import was a dry run (nothing changed).
   */
  dryRun: boolean,
  /**
   * Whether a list above was cut at `import::LIST_LIMIT` entries.
   */
  truncated: boolean,
};

/**
 * The kind of relationship between two places.
 */
export type Kind = "cross_border_twin_cities" | "domestic_twin_cities" | "satellite" | "sister_city" | "same_country_partnership" | "friendship_city" | "regional_twinning" | "policy_agreement" | "thematic_partnership" | "business_partnership" | "novelty_partnership" | "network_membership" | "recorded_pairing" | "unrelated";

/**
 * Facts behind the kind, each true only where the data shows it.
 */
export type KindFlags = {
  /**
   * Across a border river (the paper's "bridge towns").
   */
  bridgeTown: boolean,
  /**
   * One town divided by a new border.
   */
  partitioned: boolean,
  /**
   * One founded across a new border as the other's counterpart.
   */
  counterpart: boolean,
  /**
   * Centres within the adjacent threshold.
   */
  adjacent: boolean,
  /**
   * In different countries, centres within the near-border threshold.
   */
  nearBorder: boolean,
  /**
   * A source calls one the other's satellite.
   */
  satellite: boolean,
  /**
   * One of them is fictional or virtual.
   */
  imaginary: boolean,
  /**
   * One of them is a province, state, region, county or country.
   */
  regional: boolean,
};

/**
 * The kind of relationship between two places, with why.
 */
export type KindView = {
  kind: Kind,
  label: string,
  /**
   * For sister cities: the word that fits (sister city, twin town, partner town …).
   */
  variant: Variant | null,
  flags: KindFlags,
  /**
   * Why, in sentences.
   */
  evidence: Array<string>,
};

/**
 * How big or what kind of a place it is.
 */
export type Level = "village" | "town" | "city" | "district" | "county" | "region" | "island" | "country" | "fictional" | "virtual" | "unknown";

/**
 * A link between two places the text names.
 */
export type LinkHit = {
  id: string,
  a: PlaceSummary,
  b: PlaceSummary,
  /**
   * The names that matched, as written.
   */
  matchedA: string,
  matchedB: string,
  form: Form,
  /**
   * Status at `asOf` (now when not given).
   */
  status: Status,
  /**
   * The year of the first `established` event.
   */
  since: number | null,
};

/**
 * The two places of a link in a conflict (ids as in the merged atlas).
 */
export type LinkRef = {
  a: string,
  b: string,
  aName: string,
  bName: string,
};

/**
 * What `link` and `linkById` return: one link in full, its history, facts and every source
 * resolved.
 */
export type LinkView = {
  id: string,
  a: PlaceSummary,
  b: PlaceSummary,
  form: Form,
  term: string | null,
  description: string | null,
  status: StatusView,
  events: Array<EventView>,
  motives: Array<Motive>,
  /**
   * What sources record about the two places as a pair (river, bridge, origin, criteria).
   */
  pair: PairFactsView | null,
  /**
   * Where sources disagree, with the sources resolved.
   */
  disagreements: Array<DisagreementView>,
  distanceKm: number | null,
  sources: Array<SourceRef>,
  /**
   * Every source cited anywhere in the link (events, pair facts, criteria,
   * disagreements), resolved, so ids elsewhere in this record can be looked up here.
   */
  allSources: Array<SourceRef>,
  seeds: Array<string>,
};

/**
 * Options of [`Atlas::map_data`].
 */
export type MapOptions = {
  /**
   * The date the statuses are taken at (`2022`, `2022-03-22`); missing: now.
   */
  asOf?: string | null,
};

/**
 * How a name matched the query, best first.
 */
export type MatchQuality = "exact" | "prefix" | "word" | "words" | "typo" | "browse";

/**
 * Which name of a place matched.
 */
export type MatchedName = "name" | "local" | "exonym" | "historic" | "alias";

/**
 * What the suggestions were learnt from.
 */
export type ModelInfo = {
  /**
   * Set-aside links the weights were fitted on (0: built-in weights, too few links).
   */
  trainedOn: number,
  links: number,
  seed: number,
  /**
   * Weights on standardised features.
   */
  weights: Array<FeatureWeight>,
};

/**
 * What `mostConnected` returns: the places with the most partners.
 */
export type MostConnectedView = {
  places: Array<ConnectedPlace>,
  /**
   * The article's claim that Saint Petersburg holds the record, checked against the data.
   */
  saintPetersburg: RecordCheck,
};

/**
 * Why two places twinned.
 */
export type Motive = "reconciliation" | "solidarity" | "shared_name" | "shared_history" | "diaspora" | "industry" | "education" | "culture" | "tourism" | "business" | "politics" | "prestige" | "novelty" | "cross_border" | "policy" | "similarity";

/**
 * How an inferred motive was found.
 */
export type MotiveRule = "same_name" | "shared_other_name" | "shared_word" | "similar_name";

/**
 * A motive of a link, recorded by a source or inferred by a rule, with its evidence.
 */
export type MotiveView = {
  motive: Motive,
  inferred: boolean,
  /**
   * For inferred motives: the rule that found it.
   */
  rule: MotiveRule | null,
  evidence: string,
  sources: Array<SourceRef>,
};

/**
 * What kind of name a [`PlaceName`] is.
 */
export type NameKind = "local" | "exonym" | "historic" | "alias";

/**
 * One name of a place: local, exonym, historic or alias, in a language, over a period.
 */
export type NameView = {
  name: string,
  lang: string | null,
  kind: NameKind,
  since: DateView | null,
  until: DateView | null,
};

/**
 * A country or a continent and a count (countries reached, top partner countries,
 * continents reached): `key` is the code, as in [`Count`], with its English name beside it.
 */
export type NamedCount = {
  /**
   * ISO country code, or a continent's two letters (`EU`, `AS`…).
   */
  key: string,
  name: string,
  count: number,
};

/**
 * Which links count as edges.
 */
export type NetworkOptions = {
  /**
   * With `activeOnly`: the date at which links must be in force (missing: now).
   */
  asOf?: string | null,
  /**
   * Only links in force at `asOf`; default: every agreement, whatever its status.
   */
  activeOnly?: boolean,
  /**
   * At most this many rows in lists (default 100, at most 10 000).
   */
  limit?: number | null,
};

/**
 * What `notes` returns: a note (concept, finding, programme, policy) with the places it concerns
 * and its sources resolved.
 */
export type NoteView = {
  id: string,
  title: string,
  text: string,
  date: DateView | null,
  places: Array<PlaceSummary>,
  /**
   * Where sources disagree, with the sources resolved.
   */
  disagreements: Array<DisagreementView>,
  sources: Array<SourceRef>,
  /**
   * Every source cited anywhere in the note (its disagreements too), resolved.
   */
  allSources: Array<SourceRef>,
  seeds: Array<string>,
};

/**
 * Options of `notes()` in JavaScript: only the notes about one place.
 */
export type NotesOptions = {
  /**
   * A place id.
   */
  place?: string | null,
};

/**
 * A filter value: one item or a list of them (`"DE"` or `["DE", "PL"]`).
 */
export type OneOrMany = string | Array<string>;

/**
 * A pair stated from one side only.
 */
export type OneWay = {
  row: number,
  from: string,
  to: string,
};

/**
 * How two places came to be a pair on the map, independent of any agreement.
 */
export type Origin = "partitioned" | "counterpart" | "neighbours" | "satellite" | "separate";

/**
 * "Why not X?": one pair's score and reasons, and where X ranks among the suggestions.
 */
export type PairExplanation = {
  place: PlaceSummary,
  other: Suggestion,
  /**
   * The two are partners already.
   */
  alreadyPartners: boolean,
  /**
   * X's rank among the suggestions with no filters (1 = first), or `null` when X is not
   * among the places considered.
   */
  rank: number | null,
  considered: number,
  /**
   * The score of the first suggestion, to compare with.
   */
  topScore: number | null,
};

/**
 * The recorded facts of a pair (`model::PairFacts`), with the satellite named and each
 * criterion's sources resolved. Fields a source does not give are null.
 */
export type PairFactsView = {
  /**
   * The river between the two towns, if there is one.
   */
  river: string | null,
  /**
   * Whether that river is (part of) the border between them.
   */
  riverIsBorder: boolean | null,
  /**
   * A bridge joins the two across the border.
   */
  bridge: boolean | null,
  origin: Origin | null,
  /**
   * The place id of the satellite, when a source calls one the other's satellite.
   */
  satellite: string | null,
  /**
   * That place, named.
   */
  satelliteRef: PlaceRef | null,
  /**
   * Centre-to-centre distance in km as a source gives it.
   */
  distanceKm: number | null,
  /**
   * Recorded evidence for the criteria C2, C4, C5 and C6.
   */
  criteria: Array<CriterionFactView>,
};

/**
 * One pair of a pairs comparison: its classification, its cooperation's history, what changed
 * since the earlier date, and its rank.
 */
export type PairRow = {
  label: string,
  /**
   * The ids compared (as resolved for a preset).
   */
  a: string | null,
  b: string | null,
  /**
   * Places of the request the data does not hold.
   */
  missing: Array<string>,
  classification: Classification | null,
  criteriaHeld: number,
  cooperation: CooperationView | null,
  /**
   * The verdicts at `since`, when asked for.
   */
  then: Snapshot | null,
  /**
   * Events after `since` up to the date asked for.
   */
  sinceThen: Array<EventView>,
  /**
   * Whether the status or the verdict changed since `since`, or events happened.
   */
  changed: boolean,
  paper: PaperNote | null,
  /**
   * Order in the comparison: 1 = first (see `ranking`).
   */
  rank: number | null,
};

/**
 * A pair to compare: `["tornio-fi", "haparanda-se"]` or `{ "a": …, "b": … }`.
 */
export type PairSpec = [string, string] | { a: string, b: string, };

/**
 * What to compare: a list of pairs, or a preset (`{ "preset": "baltic" }`).
 */
export type PairsInput = { preset: string, } | Array<PairSpec>;

/**
 * The founding paper's assessment of a pair, in our words.
 */
export type PaperNote = {
  assessment: string,
  /**
   * The checklist row of the founding document.
   */
  seed: string,
};

/**
 * A place two steps away, with the partners it is reached through.
 */
export type PartnerOfPartner = {
  place: PlaceRef,
  /**
   * The direct partners through which it is reached.
   */
  via: Array<PlaceRef>,
};

/**
 * One partner of a place, as seen from that place.
 */
export type PartnerView = {
  linkId: string,
  partner: PlaceSummary,
  form: Form,
  term: string | null,
  status: StatusView,
  /**
   * The first `established` event's date, if any.
   */
  since: DateView | null,
  /**
   * The date of the last suspension or termination, if the link is not in force.
   */
  until: DateView | null,
  motives: Array<Motive>,
  distanceKm: number | null,
  sources: Array<SourceRef>,
};

/**
 * What `partnersOfPartners` returns: a place's partners and their partners.
 */
export type PartnersOfPartnersView = {
  place: PlaceSummary,
  partners: Array<PlaceRef>,
  /**
   * All partners of partners (not the place, not its direct partners).
   */
  total: number,
  /**
   * The first `limit`, most often reached first.
   */
  partnersOfPartners: Array<PartnerOfPartner>,
};

/**
 * Options of [`Atlas::partners`] and [`Atlas::link`].
 */
export type PartnersOptions = {
  /**
   * A date such as `2021` or `2022-03-22`; the status is taken at the end of it.
   * Missing: now, with every event counted.
   */
  asOf?: string | null,
};

/**
 * What `partners` returns: a place's agreements and pairings at a date, counted by status, with
 * the sources behind them.
 */
export type PartnersView = {
  place: PlaceSummary,
  asOf: DateView | null,
  /**
   * The place's agreements of every form and status (ended ones included), in
   * `statusOrder`, then by year and name.
   */
  partners: Array<PartnerView>,
  /**
   * How many partners: agreements of any status, ended ones included; the same number as
   * `partnerCount` in place summaries, search results and statistics. Pairings without an
   * agreement are not counted.
   */
  partnerCount: number,
  /**
   * Pairs recorded without an agreement (a satellite, a shared network): not partners.
   */
  pairings: Array<PartnerView>,
  /**
   * Counts of `partners` by status at `asOf`, in `statusOrder`.
   */
  counts: Array<Count<Status>>,
  /**
   * The order of the statuses, for every list and count that groups by status.
   */
  statusOrder: Array<Status>,
  /**
   * Where the partners come from and how complete that is.
   */
  coverage: Coverage,
};

/**
 * A place and a count (the most connected places).
 */
export type PlaceCount = {
  place: PlaceSummary,
  count: number,
};

/**
 * One place of a places comparison: its partners by status, the countries and continents they are
 * in, its first and latest twinning, distances.
 */
export type PlaceProfile = {
  place: PlaceSummary,
  /**
   * Agreements of any status.
   */
  partners: number,
  active: Array<PlaceRef>,
  /**
   * Suspended or terminated at the date.
   */
  ended: Array<PlaceRef>,
  /**
   * Proposed, attempted or of unknown status.
   */
  other: Array<PlaceRef>,
  /**
   * Countries of its partners, with how many; most first.
   */
  countries: Array<NamedCount>,
  /**
   * Continents of its partners (`EU`, `AS`… with their names), with how many.
   */
  continents: Array<NamedCount>,
  firstTwinning: Dated | null,
  latestTwinning: Dated | null,
  medianDistanceKm: number | null,
  nearest: FarNear | null,
  farthest: FarNear | null,
};

/**
 * A place named in a list.
 */
export type PlaceRef = {
  id: string,
  name: string,
  /**
   * ISO code.
   */
  country: string | null,
  /**
   * The country's English name (the code itself for a code the atlas does not know).
   */
  countryName: string | null,
};

/**
 * A place in short, as lists and other records name it: id, name, level, country (with its name),
 * coordinates, population, partner count.
 */
export type PlaceSummary = {
  id: string,
  name: string,
  level: Level,
  country: string | null,
  countryName: string | null,
  admin: string | null,
  lat: number | null,
  lon: number | null,
  population: number | null,
  /**
   * Links of any status and form, pairings without agreement excluded.
   */
  partnerCount: number,
};

/**
 * What `place` returns: a place in full, with its names, past states, groups and sources.
 */
export type PlaceView = {
  names: Array<NameView>,
  historic: Array<HistoricView>,
  description: string | null,
  wikidata: string | null,
  coordSource: string | null,
  groups: Array<GroupRef>,
  sources: Array<SourceRef>,
  seeds: Array<string>,
  id: string,
  name: string,
  level: Level,
  country: string | null,
  countryName: string | null,
  admin: string | null,
  lat: number | null,
  lon: number | null,
  population: number | null,
  /**
   * Links of any status and form, pairings without agreement excluded.
   */
  partnerCount: number,
};

/**
 * How precisely a date is known.
 */
export type Precision = "day" | "month" | "year" | "range" | "decade" | "century" | "before" | "after" | "unknown";

/**
 * The commands and what could not be written.
 */
export type QsExport = {
  /**
   * QuickStatements V1: one command per line, fields separated by tabs.
   */
  commands: string,
  /**
   * Lines in `commands` (two per written pair).
   */
  lines: number,
  /**
   * Pairs written.
   */
  pairs: number,
  skipped: Array<QsSkipped>,
};

/**
 * One partnership to write: both places' Wikidata ids, and what is known of it.
 */
export type QsRow = {
  /**
   * Wikidata id of place A (`Q…`, or an entity URL).
   */
  a?: string | null,
  b?: string | null,
  /**
   * Names, for the messages of rows that cannot be written.
   */
  aName?: string | null,
  bName?: string | null,
  /**
   * The start date as our data writes it (`1967`, `1967-05`, `1967-05-01`).
   */
  start?: string | null,
  end?: string | null,
  /**
   * The URL of the source that states it.
   */
  reference?: string | null,
};

/**
 * A row that was not written, or written without one of its values.
 */
export type QsSkipped = {
  /**
   * The row, counted from 1.
   */
  row: number,
  reason: string,
  /**
   * Whether the statement was still written (only a qualifier or the reference was
   * left out).
   */
  written: boolean,
};

/**
 * One sentence of why (or why not).
 */
export type Reason = {
  /**
   * `sharedPartners`, `threeSteps`, `nearby`, `countries`, `partnersInCountry`,
   * `distance`, `size`, `population`, `partnerCount`, `sameName`, `group` or `level`.
   */
  kind: string,
  text: string,
  /**
   * This signal's share of the score (positive helps).
   */
  weight: number,
  /**
   * The places the reason names (the shared partners), by id.
   */
  places: Array<string>,
  /**
   * The same places, named.
   */
  placeRefs: Array<PlaceRef>,
};

/**
 * A claim about a record ("Saint Petersburg has the most partners") checked against the data.
 */
export type RecordCheck = {
  /**
   * The place the claim is about, if the data holds it.
   */
  place: PlaceRef | null,
  partners: number | null,
  rank: number | null,
  holdsRecord: boolean,
  statement: string,
};

/**
 * A row that was not imported.
 */
export type RejectedRow = {
  /**
   * The data row, counted from 1 (the header is not a row).
   */
  row: number,
  /**
   * The line of the file where the row starts (0 where the format has no lines).
   */
  line: number,
  reason: string,
  /**
   * The row as written in the file.
   */
  raw: string,
};

/**
 * What to do with a conflict between the loaded data and an import.
 */
export type Resolution = "keep" | "take" | "both";

/**
 * One place hit.
 */
export type SearchHit = {
  place: PlaceSummary,
  /**
   * The name that matched, as written ("Stalingrad" for Volgograd).
   */
  matched: string,
  matchedKind: MatchedName,
  quality: MatchQuality,
  /**
   * The parts of `matched` the query matched, as `[start, end)` in UTF-16 code units
   * (what `String.prototype.slice` takes), for highlighting.
   */
  spans: Array<[number, number]>,
  /**
   * Edits the match needed (0 unless `quality` is `typo`).
   */
  typos: number,
};

/**
 * A search request: text and filters, all optional.
 */
export type SearchQuery = {
  /**
   * What was typed; empty lists the places that pass the filters, most prominent first.
   */
  text?: string,
  /**
   * At most this many place hits (default 20, at most 1000).
   */
  limit?: number | null,
  /**
   * Skip this many place hits first (paging; at most 100000).
   */
  offset?: number | null,
  /**
   * ISO 3166-1 alpha-2 code(s).
   */
  country?: OneOrMany | null,
  /**
   * Place level(s): `city`, `town`, `region` …
   */
  level?: OneOrMany | null,
  /**
   * Places with a link of this form (`twinning`, `sister_city` …).
   */
  form?: OneOrMany | null,
  /**
   * Places with a link of this status at `asOf` (`established`, `suspended` …).
   */
  status?: OneOrMany | null,
  /**
   * The date for `status` (`2021`, `2022-03-22`; default now).
   */
  asOf?: string | null,
  /**
   * Places with a link established in this year or later.
   */
  fromYear?: number | null,
  /**
   * Places with a link established in this year or earlier.
   */
  toYear?: number | null,
  /**
   * Places with a link for this motive (`reconciliation`, `shared_name` …).
   */
  motive?: OneOrMany | null,
  /**
   * Also look for links between two places the text names (default true).
   */
  links?: boolean | null,
  sort?: SortOrder | null,
};

/**
 * What `search` returns: the place hits of one page, their total, and the links between two
 * places the text names.
 */
export type SearchResult = {
  query: string,
  /**
   * How many places match (typo matches are only sought when the better matches leave
   * room in `offset + limit`, so they are counted only then).
   */
  total: number,
  hits: Array<SearchHit>,
  /**
   * Links between two places the text names, best first (at most 10).
   */
  links: Array<LinkHit>,
};

/**
 * A partner that two or more of the compared places share.
 */
export type SharedPartner = {
  partner: PlaceRef,
  /**
   * Ids of the compared places it is a partner of.
   */
  of: Array<string>,
  /**
   * The same places, named.
   */
  ofRefs: Array<PlaceRef>,
};

/**
 * The verdicts at the earlier date.
 */
export type Snapshot = {
  asOf: DateView,
  status: Status,
  twinCities: Verdict,
  criteriaHeld: number,
};

/**
 * The order of the hits.
 */
export type SortOrder = "relevance" | "name" | "population" | "partners";

/**
 * A source and how many of a place's partners it lists.
 */
export type SourceCount = {
  source: SourceRef,
  count: number,
};

/**
 * A source as a conflict cites it.
 */
export type SourceName = {
  id: string,
  name: string,
};

/**
 * A source as a record cites it, resolved: title, link and a line to cite.
 */
export type SourceRef = {
  id: string,
  title: string,
  url: string | null,
  /**
   * Author or publisher, date, where published, identifier, when read.
   */
  byline: string,
  /**
   * The whole reference on one line, to cite.
   */
  citation: string,
};

/**
 * A source with how many records cite it directly.
 */
export type SourceView = {
  id: string,
  title: string,
  url: string | null,
  licence: string | null,
  author: string | null,
  /**
   * Date of publication.
   */
  date: DateView | null,
  publishedIn: string | null,
  /**
   * DOI, ISBN or other identifier.
   */
  identifier: string | null,
  /**
   * When it was read.
   */
  accessed: DateView | null,
  /**
   * Author or publisher, date, where published, identifier, when read.
   */
  byline: string,
  /**
   * The whole reference on one line, to cite.
   */
  citation: string,
};

/**
 * One side's value in a conflict, with the sources that state it.
 */
export type Statement = {
  /**
   * A date as our data writes it (`1947`, `1967-05-01`), a status (`terminated`) or a
   * country code.
   */
  value: string,
  sources: Array<SourceName>,
};

/**
 * Options of [`Atlas::statistics`].
 */
export type StatisticsOptions = {
  /**
   * Seed of the random pairings (default 1): the same seed gives the same baseline.
   */
  seed?: number | null,
  /**
   * How many shuffles make the baseline (default 5, 1 to 50).
   */
  rounds?: number | null,
};

/**
 * What `statistics` returns: new agreements per decade, endings, distances and how distance
 * compares with chance.
 */
export type StatisticsView = {
  /**
   * Agreements (links whose form is not `none`).
   */
  agreements: number,
  /**
   * By the decade of their first `established` event.
   */
  newPerDecade: Array<DecadeCount>,
  /**
   * Agreements without a dated `established` event.
   */
  undated: number,
  endings: EndingsView,
  /**
   * Between partners with coordinates.
   */
  distances: Distribution,
  /**
   * Agreements where a place has no coordinates.
   */
  withoutCoordinates: number,
  distanceInfluence: DistanceInfluence,
};

/**
 * What `stats` returns: totals of the loaded data and breakdowns by level, form, status and
 * country.
 */
export type Stats = {
  places: number,
  links: number,
  /**
   * Links that are agreements of some form (pairings without agreement excluded).
   */
  agreements: number,
  events: number,
  groups: number,
  terms: number,
  notes: number,
  sources: number,
  countries: number,
  placesWithCoordinates: number,
  byLevel: Array<Count<Level>>,
  byForm: Array<Count<Form>>,
  byStatus: Array<Count<Status>>,
  /**
   * Places by country, each code with its name; most first.
   */
  byCountry: Array<NamedCount>,
  mostConnected: Array<PlaceCount>,
};

export type Status = "proposed" | "attempted" | "established" | "suspended" | "terminated" | "none" | "unknown";

/**
 * A link's status at a date, with the event that decided it.
 */
export type StatusView = {
  status: Status,
  /**
   * The moment asked for (`null` = now, every event counted).
   */
  asOf: DateView | null,
  /**
   * The event that decided the status.
   */
  decidedBy: EventView | null,
  /**
   * False when an event's date straddles the moment asked for.
   */
  certain: boolean,
};

/**
 * Options of [`Atlas::suggest_partners`].
 */
export type SuggestOptions = {
  /**
   * How many suggestions (1 to 100; 10 when missing).
   */
  limit?: number | null,
  /**
   * Only places in this country (an ISO code such as `DE`, or a name).
   */
  country?: string | null,
  /**
   * Only places at most this far away.
   */
  maxDistanceKm?: number | null,
  /**
   * Only places with a known population of at least / at most this.
   */
  minPopulation?: number | null,
  maxPopulation?: number | null,
  /**
   * Place ids never to suggest.
   */
  exclude?: Array<string>,
};

export type Suggestion = {
  place: PlaceSummary,
  /**
   * The model's score (a log-odds scale: higher is better; differences matter).
   */
  score: number,
  distanceKm: number | null,
  /**
   * What speaks for the pair, strongest first.
   */
  reasons: Array<Reason>,
  /**
   * What speaks against it, strongest first.
   */
  against: Array<Reason>,
};

export type Suggestions = {
  place: PlaceSummary,
  suggestions: Array<Suggestion>,
  /**
   * Places scored (the candidates, before the filters on population and `exclude`).
   */
  considered: number,
  model: ModelInfo,
};

/**
 * The first rows of a file, and the importer's guess.
 */
export type TablePreview = {
  format: ImportFormat,
  /**
   * The field separator of a CSV/TSV file.
   */
  delimiter: string | null,
  header: Array<string>,
  /**
   * The first `import::preview::PREVIEW_ROWS` data rows, raw cell text, each cell cut at
   * `import::preview::PREVIEW_CELL_CHARS` characters, no wider than the header.
   */
  rows: Array<Array<string>>,
  /**
   * The mapping the importer would use with none given (an empty one for formats that
   * need none: our JSON, edge lists).
   */
  guess: ColumnMapping,
  /**
   * Whether the guess names both places of each pair, so the file imports as it is.
   */
  recognised: boolean,
  /**
   * Each column with its role under the guess (or under the given `mapping`).
   */
  columns: Array<ColumnPreview>,
  /**
   * What the importer would warn about in these rows; or why the given mapping fails.
   */
  problems: Array<Warning>,
  /**
   * Every role a column can be given: the keys of `mapping`, in the order a form lists
   * them (place A, place B, then the link).
   */
  roles: Array<string>,
};

/**
 * What `terms` returns: a glossary term with its sources resolved.
 */
export type TermView = {
  sourceRefs: Array<SourceRef>,
  term: string,
  language: string,
  /**
   * Where it is used (countries, institutions, disciplines).
   */
  usedIn: string,
  literal?: string | null,
  nuance?: string | null,
  sources: Array<string>,
  seeds?: Array<string>,
};

/**
 * The distances criteria C1, C2, C4, C5 and the geographic-twin test use; a user may change
 * them.
 */
export type Thresholds = {
  adjacentKm?: number,
  nearBorderKm?: number,
  /**
   * Farther apart than this, two places did not form one town and share no population.
   */
  sharedTownKm?: number,
};

/**
 * The verdict "twin cities in the founding paper's sense", with the criteria that decide it.
 */
export type TwinCitiesView = {
  verdict: Verdict,
  /**
   * One sentence a non-specialist follows.
   */
  reason: string,
  /**
   * The criteria the paper makes necessary.
   */
  necessary: Array<string>,
  failing: Array<string>,
  unknown: Array<string>,
};

/**
 * A country string that named no country we know, and how many rows carried it.
 */
export type Unresolved = {
  text: string,
  rows: number,
};

/**
 * Which word fits a sister-city kind best, from the form and the term the sources use.
 */
export type Variant = "sister_city" | "twin_town" | "partner_town" | "adoption" | "contact" | "cooperation" | "unspecified";

/**
 * The verdict on one criterion.
 */
export type Verdict = "holds" | "fails" | "unknown";

/**
 * Every vocabulary of the core, each in the core's order.
 */
export type Vocabulary = {
  levels: Array<Level>,
  forms: Array<Form>,
  /**
   * In the order the page lists them (`partners().statusOrder` for one place's data).
   */
  statuses: Array<Status>,
  eventKinds: Array<EventKind>,
  motives: Array<Motive>,
  /**
   * The kinds of relationship `classify` tells apart.
   */
  kinds: Array<Kind>,
  verdicts: Array<Verdict>,
  criteria: Array<CriterionInfo>,
  nameKinds: Array<NameKind>,
  groupKinds: Array<GroupKind>,
  origins: Array<Origin>,
  importFormats: Array<ImportFormat>,
  importModes: Array<ImportMode>,
  exportFormats: Array<ExportFormat>,
  sortOrders: Array<SortOrder>,
};

/**
 * A problem that did not stop the import.
 */
export type Warning = {
  line: number | null,
  column: number | null,
  message: string,
};

/**
 * The suspensions and terminations of one year, as a wave (2022: after the invasion of Ukraine).
 */
export type Wave = {
  year: number,
  suspended: number,
  terminated: number,
  /**
   * Of those, links with a place in Russia or Belarus.
   */
  involvingRussiaOrBelarus: number,
  /**
   * Share of all dated suspensions and terminations, 0–1; null when there are none.
   */
  share: number | null,
};

export type WorldCounts = {
  places: number,
  links: number,
};

/**
 * What loading the world did, and what it is: `Atlas::world()` returns it.
 */
export type WorldInfo = {
  /**
   * The world's sources (id, title, url, licence).
   */
  sources: Array<WorldSourceView>,
  /**
   * Places of the world that were already loaded (curated or imported) and were enriched.
   */
  placesMerged: number,
  placesAdded: number,
  /**
   * Links already loaded that gained the world's sources.
   */
  linksMerged: number,
  linksAdded: number,
  title: string,
  /**
   * The date of the newest input, not of the build.
   */
  built: string,
  licence: string,
  attribution: string,
  counts: WorldCounts,
};

/**
 * One source of the world network (a list of English Wikipedia, a Wikidata dump).
 */
export type WorldSourceView = {
  id: string,
  title: string,
  url: string | null,
  licence: string | null,
  date: string | null,
};

/**
 * Suspensions and terminations dated in one year.
 */
export type YearEndings = {
  year: number,
  suspended: number,
  terminated: number,
};
