// Shared checks for the tests of the npm package (not a test file itself).
import assert from 'node:assert/strict';

/** Deep check that a value is what JSON.stringify keeps unchanged: plain objects with
 *  camelCase keys, null (never undefined) for missing values, finite numbers. */
export function assertJsonSafe(value, path = '$') {
  if (value === null || ['string', 'boolean'].includes(typeof value)) return;
  if (typeof value === 'number') return assert.ok(Number.isFinite(value), `${path} is not finite`);
  if (Array.isArray(value)) return value.forEach((v, i) => assertJsonSafe(v, `${path}[${i}]`));
  assert.equal(Object.getPrototypeOf(value), Object.prototype, `${path} is not a plain object`);
  for (const [k, v] of Object.entries(value)) {
    assert.notEqual(v, undefined, `${path}.${k} is undefined (should be null)`);
    assert.ok(!k.includes('_'), `${path}.${k} is not camelCase`);
    assertJsonSafe(v, `${path}.${k}`);
  }
}

/** The `code` of the TwinningAtlasError that `fn` throws; fails when it does not throw. */
export function codeOf(fn) {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof Error, 'thrown value is an Error');
    assert.equal(e.name, 'TwinningAtlasError');
    return e.code;
  }
  assert.fail('expected a throw');
}
