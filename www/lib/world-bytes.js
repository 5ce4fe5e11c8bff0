// @ts-check
// The world asset's bytes: fetched, size-checked, and decompressed when they are gzip (the
// file is world.json.gz; a server that sends it with Content-Encoding: gzip hands over JSON
// already, which is used as it is). Shared by the page's worker, its worker-less fallback and
// the npm package's Atlas.loadWorld (scripts/package.mjs copies this file into pkg/).
//
// Not for: reading the JSON (the core's loadWorldBytes does, with every value checked).

/** The most bytes read, compressed or not (the shipped asset is about 1.5 MB / 6 MB). */
export const MAX_WORLD_BYTES = 64 * 1024 * 1024;

export function fail(code, message) {
  return Object.assign(new Error(message), { name: 'TwinningAtlasError', code });
}

async function readAll(stream, what) {
  const reader = stream.getReader();
  const parts = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_WORLD_BYTES) {
      await reader.cancel();
      throw fail('too_large', `${what} has more than ${MAX_WORLD_BYTES} bytes`);
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/** The bytes themselves, or what they decompress to when they are gzip (1f 8b). */
export async function gunzipped(bytes) {
  if (bytes.byteLength > MAX_WORLD_BYTES)
    throw fail('too_large', `the world network has ${bytes.byteLength} bytes; at most ${MAX_WORLD_BYTES} are read`);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    return readAll(
      new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')),
      'the decompressed world network',
    );
  }
  return bytes;
}

/** Fetch `url` and return the world JSON's bytes. */
export async function worldBytes(url) {
  const res = await fetch(url);
  if (!res.ok || !res.body) throw fail('not_found', `cannot load the world network from ${url}: HTTP ${res.status}`);
  return gunzipped(await readAll(res.body, 'the world network'));
}
