// A Node consumer: the browser form of the import, unchanged, and the Node-only world loader.
import init, { Atlas, initSync, vocabulary, version } from 'twinning-atlas';

await init();
initSync();
const atlas = Atlas.withDefaultData();
const hit = atlas.search('stalingrad').hits[0];
const partners = atlas.partners('coventry-gb', { asOf: '2021' });
console.log(
  JSON.stringify({
    version: version(),
    first: hit.place.name,
    partners: partners.partners.length,
    statuses: vocabulary().statuses,
  }),
);
atlas.free();
