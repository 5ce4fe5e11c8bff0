import init, { Atlas } from 'twinning-atlas';

await init();
const atlas = Atlas.withDefaultData();
const name = atlas.search('stalingrad').hits[0].place.name;
document.getElementById('out').textContent = name;
document.title = `ok ${name}`;
