// A vitest suite of a consumer project: the browser form of the import runs unchanged.
import init, { Atlas } from 'twinning-atlas';
import { expect, test } from 'vitest';

test('the atlas finds Volgograd for Stalingrad', async () => {
  await init();
  const atlas = Atlas.withDefaultData();
  expect(atlas.search('stalingrad').hits[0].place.name).toBe('Volgograd');
  atlas.free();
});
