// Every call of the README's API table, as written there, compiled with `tsc --strict` against
// the packed package (tests/consumers/consumers.test.mjs); never run. The variables stand for
// what a user would have.
import init, {
  Atlas,
  initSync,
  version,
  vocabulary,
  type PartnersView,
  type SearchResult,
  type Status,
  type Classification,
} from 'twinning-atlas';

await init();
initSync({ module: new Uint8Array() });

const id = 'coventry-gb';
const idA = 'coventry-gb';
const idB = 'volgograd-ru';
const otherId = 'caen-fr';
const asOf = '2021';
const text = '{"format":"twinning-atlas/1"}';
const urlOrBytes: string | URL | ArrayBuffer | Uint8Array = 'https://example.org/world.json.gz';
const bytes = new Uint8Array(0);
const textOrBytes: string | Uint8Array = 'a,b\n';
const [format, mapping, mode, sourceName, labels, maxBytes] = ['csv', { aName: 1, bName: 'partner' }, 'merge', 'my list', 'Q1\tone', 1_000_000] as const;
const thresholds = { adjacentKm: 10 };
const pairs: [string, string][] = [[idA, idB]];
const ids = [idA, idB];
const codes = ['GB', 'DE'];
const [seed, rounds] = [1, 200];
const [limit, country, maxDistanceKm, minPopulation, maxPopulation, exclude] = [5, 'FR', 1500, 10_000, 5_000_000, ['paris-fr']];

const atlas = Atlas.withDefaultData();
const world: Atlas = Atlas.withWorldData();
const loaded: Atlas = await Atlas.loadWorld(urlOrBytes);
await Atlas.loadWorld();
atlas.loadWorldBytes(bytes).linksAdded satisfies number;
atlas.world()?.attribution satisfies string | undefined;
Atlas.fromJson(text);
const found: SearchResult = atlas.search({ text: 'stalingrad', limit: 5 });
found.hits[0]?.place.name satisfies string | undefined;
atlas.search('stalingrad').total satisfies number;
atlas.search({ text: 'köln', country: ['DE', 'FR'], status: 'established', sort: 'population' });
const p = atlas.place(id);
p.partnerCount satisfies number;
p.population satisfies number | null;
const partners: PartnersView = atlas.partners(id, { asOf });
const status: Status | undefined = partners.partners[0]?.status.status;
partners.coverage.bySource[0]?.count satisfies number | undefined;
atlas.partners(id);
atlas.link(idA, idB, { asOf }).events[0]?.kind;
atlas.linkById(id, { asOf });
atlas.terms()[0]?.term;
atlas.groups();
atlas.group(id);
atlas.notes({ place: id });
atlas.notes();
atlas.stats();
atlas.import(textOrBytes, { format, mapping, mode, sourceName, labels, maxBytes });
atlas.import(bytes);
Atlas.previewTable(textOrBytes, { delimiter: ';', mapping, maxBytes }).columns[0]?.role;
Atlas.quickStatements([{ a: 'Q1', b: 'Q2', start: '1944', end: null, reference: 'https://example.org' }]).commands satisfies string;
atlas.quickStatementsFor(['coventry-gb~volgograd-ru']).lines;
atlas.applyEdits([
  {
    id: 'e1',
    kind: 'partner',
    a: { id: idA, name: 'Coventry', country: 'GB' },
    b: { id: idB, name: 'Volgograd', country: 'RU' },
    form: 'twinning',
  },
]);
atlas.export({ format: 'json' }) satisfies string;
atlas.export({ format: 'geojson' });
atlas.exportJson() satisfies string;
const c: Classification = atlas.classify(idA, idB, { asOf, thresholds });
c.kind.kind;
atlas.classifyLink(id);
atlas.classifyAll({ asOf, detail: true });
atlas.comparePairs(pairs);
atlas.comparePairs({ preset: 'baltic' });
atlas.comparePlaces(ids);
atlas.compareCountries(codes);
atlas.chain(idA, idB);
atlas.partnersOfPartners(id);
atlas.components();
atlas.componentOf(id);
atlas.mostConnected();
atlas.statistics({ seed, rounds });
atlas.suggestPartners(id, { limit, country, maxDistanceKm, minPopulation, maxPopulation, exclude }).suggestions[0]?.reasons[0]?.kind;
atlas.whyNot(id, otherId);
atlas.mapData({ asOf }).links.a satisfies Uint32Array;
version() satisfies string;
const statuses: Status[] = vocabulary().statuses;
vocabulary().criteria[0]?.necessary satisfies boolean | undefined;
console.log(world, loaded, status, statuses);
atlas.free();
