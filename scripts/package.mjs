// Writes pkg/package.json, the Node entry point (pkg/node.js) and its typings, so that
// `import { Atlas } from 'twinning-atlas'` works in browsers, bundlers and Node alike.
import { readFileSync, writeFileSync, copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const root = new URL('../', import.meta.url);
const cargo = readFileSync(new URL('Cargo.toml', root), 'utf8');
const version = /^version\s*=\s*"([^"]+)"/m.exec(cargo)[1];
const pkg = new URL('pkg/', root);

// A guard appended to the generated glue, so every entry (browser, bundler, Node, the page)
// has it. An exception thrown by JavaScript inside a call (a revoked Proxy, a getter that
// throws, a detached buffer) would unwind through the module and leave the Atlas borrowed
// for good, so every argument is made plain here, before the glue sees it: options become
// plain JSON objects, an import's bytes a genuine Uint8Array or a string. A method called
// on a freed Atlas throws a coded error instead of wasm-bindgen's bare "null pointer passed
// to rust"; free() twice is harmless; and anything else that escapes is a coded "internal"
// TwinningAtlasError, so callers can always branch on `code`.
const glue = new URL('twinning_atlas.js', pkg);
const guard = `
// --- added by scripts/package.mjs: arguments made plain before the glue, coded errors ---
function atlasError(code, message, cause) {
  const e = new Error(message, cause === undefined ? undefined : { cause });
  e.name = 'TwinningAtlasError';
  e.code = code;
  return e;
}
function plainArg(value, what) {
  if (value === null || typeof value !== 'object') return value;
  let text;
  try {
    text = JSON.stringify(value);
  } catch (e) {
    throw atlasError('invalid_argument', \`invalid \${what}: cannot be converted to JSON (\${e && e.message})\`, e);
  }
  if (text === undefined) throw atlasError('invalid_argument', \`invalid \${what}: cannot be converted to JSON\`);
  return JSON.parse(text);
}
function importInput(input) {
  if (input === null || typeof input !== 'object') return input;
  try {
    if (input instanceof ArrayBuffer) {
      if (input.detached === true) throw new TypeError('the ArrayBuffer is detached');
      return new Uint8Array(input);
    }
    if (input instanceof Uint8Array) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  } catch (e) {
    throw atlasError('parse_error', \`the imported file cannot be read: \${e && e.message} (a detached buffer was transferred to a worker or closed)\`, e);
  }
  return input;
}
function worldInput(input) {
  const bytes = importInput(input);
  if (!(bytes instanceof Uint8Array)) throw atlasError('invalid_argument', 'invalid world data: give the uncompressed bytes as a Uint8Array or an ArrayBuffer');
  if (bytes.byteLength > 64 * 1024 * 1024) throw atlasError('too_large', \`the world data has \${bytes.byteLength} bytes; at most 67108864 are read\`);
  return bytes;
}
function guarded(name, method) {
  return { [name](...args) {
    if (!this.__wbg_ptr) throw atlasError('freed', 'this Atlas was freed (free() was called on it): create a new one');
    const plain = name === 'import'
      ? [importInput(args[0]), plainArg(args[1], 'import options')]
      : name === 'loadWorldBytes'
      ? [worldInput(args[0])]
      : args.map((a, i) => plainArg(a, \`argument \${i + 1} of \${name}()\`));
    try {
      return method.apply(this, plain);
    } catch (e) {
      if (e && e.name === 'TwinningAtlasError') throw e;
      throw atlasError('internal', \`internal error in \${name}(): \${e && e.message}\`, e);
    }
  } }[name];
}
for (const name of Object.getOwnPropertyNames(Atlas.prototype)) {
  const d = Object.getOwnPropertyDescriptor(Atlas.prototype, name);
  if (name === 'constructor' || name === '__destroy_into_raw' || typeof d.value !== 'function') continue;
  const method = d.value;
  const value = name === 'free' ? function free() { if (this.__wbg_ptr) method.call(this); } : guarded(name, method);
  Object.defineProperty(Atlas.prototype, name, { ...d, value });
}
`;
// The result and option types, generated from the Rust types (src/typescript.rs, checked by
// tests/typescript.rs), and mapData's hand-written columns: put into the glue's declarations,
// which name them (wasm-bindgen's unchecked_return_type / unchecked_param_type).
const dts = new URL('twinning_atlas.d.ts', pkg);
const dtsText = readFileSync(dts, 'utf8');
const types = ['ts/types.d.ts', 'ts/map-data.d.ts'].map((f) => readFileSync(new URL(f, root), 'utf8')).join('\n');
// The glue declares \`[Symbol.dispose]()\`: the reference brings its lib, so a project whose
// \`lib\` stops at ES2022 compiles without skipLibCheck.
writeFileSync(
  dts,
  dtsText.replace(
    /^(\/\* tslint:disable \*\/\n\/\* eslint-disable \*\/\n)/,
    `/// <reference lib="esnext.disposable" />\n$1${types}\n`,
  ),
);
if (!readFileSync(dts, 'utf8').includes('export type SearchResult'))
  throw new Error('package.mjs: the types were not written into twinning_atlas.d.ts');

const glueText = readFileSync(glue, 'utf8');
if (!/__wbg_ptr/.test(glueText))
  throw new Error('package.mjs: the glue has no __wbg_ptr: check the guard against this wasm-bindgen version');
writeFileSync(glue, glueText + guard);
// The page's first module (scripts/build.sh: target/page-pkg, without `import`) gets the same
// guard: the page's calls go through it.
const pageGlue = new URL('target/page-pkg/twinning_atlas.js', root);
if (existsSync(pageGlue)) {
  const text = readFileSync(pageGlue, 'utf8');
  if (!text.includes('--- added by scripts/package.mjs')) writeFileSync(pageGlue, text + guard);
}

// The world network (data/world/world.json.gz, built by scripts/world/build.sh) ships beside
// the module; Atlas.loadWorld (everywhere) and Atlas.withWorldData (Node) read it.
const worldAsset = new URL('data/world/world.json.gz', root);
const hasWorld = existsSync(worldAsset);
if (hasWorld) copyFileSync(worldAsset, new URL('world.json.gz', pkg));
// the page's fetch-and-decompress module, shared with the package's Atlas.loadWorld
copyFileSync(new URL('www/lib/world-bytes.js', root), new URL('world-bytes.js', pkg));

// The data's licences travel with the package: the world network's attribution is read from
// the asset itself, so the two cannot disagree.
const worldMeta = hasWorld ? JSON.parse(gunzipSync(readFileSync(worldAsset)).toString('utf8')) : null;
writeFileSync(
  new URL('DATA-LICENSES.md', pkg),
  `# Data in this package and its licences

The code is MIT-licensed. The data it carries is not all MIT:

- **The curated dataset** compiled into \`twinning_atlas_bg.wasm\`: facts with their sources,
  described in the project's own words; quotations of the English Wikipedia article "Sister
  city" are CC BY-SA 4.0; coordinates and populations from GeoNames (CC BY 4.0) and Wikidata (CC0).
${
  worldMeta
    ? `- **The world network** (\`world.json.gz\`, ${worldMeta.meta.counts.places} places, ${worldMeta.meta.counts.links} links, data as of ${worldMeta.meta.built}): licence **${worldMeta.meta.licence}**.

  ${worldMeta.meta.attribution}

  Sources:
${worldMeta.sources.map((x) => `  - ${x.title}${x.url ? ` <${x.url}>` : ''} — ${x.licence}${x.date ? `, ${x.date}` : ''}`).join('\n')}

  Show this attribution wherever you show data from \`Atlas.withWorldData()\` or \`Atlas.loadWorld()\`
  (\`atlas.world()\` returns it), and share adapted data under the same licence.
`
    : ''
}`,
);

// Browser and bundler entry: the wasm-bindgen module, plus Atlas.loadWorld.
writeFileSync(
  new URL('index.js', pkg),
  `// Browser and bundler entry: everything wasm-bindgen exports, plus Atlas.loadWorld.
import init, { Atlas } from './twinning_atlas.js';
import { worldBytes as fetchWorld, gunzipped, fail } from './world-bytes.js';
export * from './twinning_atlas.js';
export default init;

export { MAX_WORLD_BYTES } from './world-bytes.js';

/** Bytes of the world asset, from a URL or given, decompressed when they are gzip (1f 8b). */
export async function worldBytes(source) {
  if (source === undefined || source === null || typeof source === 'string' || source instanceof URL) {
    const url = source == null ? new URL('./world.json.gz', import.meta.url) : new URL(String(source), globalThis.document?.baseURI ?? import.meta.url);
    return fetchWorld(url);
  }
  if (source instanceof Uint8Array) return gunzipped(source);
  if (source instanceof ArrayBuffer) return gunzipped(new Uint8Array(source));
  throw fail('invalid_argument', 'invalid world source: give a URL, a string, an ArrayBuffer or a Uint8Array');
}

/** A new Atlas with the curated data and the world network (uncompressed bytes) laid under it. */
export function curatedWithWorld(bytes) {
  const atlas = Atlas.withDefaultData();
  try {
    atlas.loadWorldBytes(bytes);
  } catch (err) {
    atlas.free();
    throw err;
  }
  return atlas;
}

/**
 * \`await Atlas.loadWorld(source?)\` → a new Atlas with the curated data and the world network
 * laid under it. \`source\`: the asset's URL (default: world.json.gz beside this module) or
 * its bytes (gzip or plain JSON). Call \`init()\` first in browsers.
 */
Atlas.loadWorld = async function loadWorld(source) {
  return curatedWithWorld(await worldBytes(source));
};
`,
);
writeFileSync(
  new URL('index.d.ts', pkg),
  `export * from './twinning_atlas.js';
export { default } from './twinning_atlas.js';
/** The largest world document accepted (compressed or not). */
export declare const MAX_WORLD_BYTES: number;
/** The world asset's bytes, decompressed when gzip. */
export declare function worldBytes(source?: string | URL | ArrayBuffer | Uint8Array): Promise<Uint8Array>;
/** A new Atlas with the curated data and the (uncompressed) world network laid under it. */
export declare function curatedWithWorld(bytes: Uint8Array): import('./twinning_atlas.js').Atlas;
declare module './twinning_atlas.js' {
  namespace Atlas {
    /** A new Atlas with the curated data and the world network laid under it. */
    function loadWorld(source?: string | URL | ArrayBuffer | Uint8Array): Promise<Atlas>;
    /** Node only: the same, synchronously, from the asset beside the package. */
    function withWorldData(): Atlas;
  }
}
`,
);

writeFileSync(
  new URL('node.js', pkg),
  `// Node entry: loads the wasm from beside this file, synchronously, so no init() is needed;
// Atlas.withWorldData() reads the world network from beside it too. \`init\` (default) and
// \`initSync\` are kept as no-ops, so the browser form \`import init, { Atlas } from
// 'twinning-atlas'; await init();\` runs unchanged in Node, Vite SSR and vitest.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { initSync as initWasm, Atlas } from './twinning_atlas.js';
import { MAX_WORLD_BYTES, worldBytes, curatedWithWorld } from './index.js';
const wasm = initWasm({ module: readFileSync(new URL('./twinning_atlas_bg.wasm', import.meta.url)) });
export * from './index.js';

/** Already done in Node: returns the module's exports, whatever it is given. */
export default async function init() {
  return wasm;
}
/** Already done in Node: returns the module's exports, whatever it is given. */
export function initSync() {
  return wasm;
}

const WORLD = new URL('./world.json.gz', import.meta.url);

/** \`Atlas.withWorldData()\` → the curated data with the world network laid under it. */
Atlas.withWorldData = function withWorldData() {
  return curatedWithWorld(gunzipSync(readFileSync(WORLD), { maxOutputLength: MAX_WORLD_BYTES }));
};

// In Node a bare fetch() of the file: URL fails: read the default asset from disk instead.
Atlas.loadWorld = async function loadWorld(source) {
  return curatedWithWorld(await worldBytes(source == null ? readFileSync(WORLD) : source));
};
`,
);
writeFileSync(new URL('node.d.ts', pkg), `export * from './index.js';\nexport { default } from './index.js';\n`);

// The repository the package is published from: a placeholder until the project has its
// public home; set TWINNING_ATLAS_REPO=owner/name when publishing.
const repo = process.env.TWINNING_ATLAS_REPO || 'twinning-atlas/twinning-atlas';
const github = `https://github.com/${repo}`;

// Export conditions, `types` first in each: Node (and Vite SSR, vitest, esbuild and webpack
// when they build for Node) gets node.js, which loads the wasm itself; browsers and bundlers
// get index.js, whose `new URL('twinning_atlas_bg.wasm', import.meta.url)` Vite and webpack
// copy as an asset.
const web = { types: './index.d.ts', default: './index.js' };
const manifest = {
  name: 'twinning-atlas',
  version,
  description:
    'Explore and classify town twinning: sister cities, twin towns and cross-border twin cities (Rust + WebAssembly)',
  // the code is MIT; the data in the module and world.json.gz is CC BY-SA 4.0 and CC BY 4.0 (DATA-LICENSES.md)
  license: 'MIT AND CC-BY-SA-4.0 AND CC-BY-4.0',
  repository: { type: 'git', url: `git+${github}.git` },
  homepage: `${github}#readme`,
  bugs: { url: `${github}/issues` },
  keywords: [
    'twinning',
    'twin-towns',
    'sister-cities',
    'twin-cities',
    'cities',
    'geography',
    'gis',
    'search',
    'wasm',
    'webassembly',
  ],
  engines: { node: '>=20' },
  type: 'module',
  main: './index.js',
  module: './index.js',
  types: './index.d.ts',
  exports: {
    '.': {
      node: { types: './node.d.ts', default: './node.js' },
      browser: web,
      import: web,
      default: web,
    },
    './web': { types: './twinning_atlas.d.ts', default: './twinning_atlas.js' },
    './twinning_atlas_bg.wasm': './twinning_atlas_bg.wasm',
    './world.json.gz': './world.json.gz',
    './package.json': './package.json',
  },
  files: [
    'twinning_atlas.js',
    'twinning_atlas.d.ts',
    'twinning_atlas_bg.wasm',
    'twinning_atlas_bg.wasm.d.ts',
    'node.js',
    'node.d.ts',
    'index.js',
    'index.d.ts',
    'world-bytes.js',
    'README.md',
    'LICENSE',
    'DATA-LICENSES.md',
    'CHANGELOG.md',
    ...(hasWorld ? ['world.json.gz'] : []),
  ],
  sideEffects: ['./node.js', './index.js'],
};
packageEmbed(manifest);
// --- The worker entry (`twinning-atlas/worker`): an atlas in a module Worker for imports and
// long queries, with progress and cancel. The class and the job are the page's own modules
// (www/lib/atlas-worker.js, www/lib/import-job.js); two small files give them the package's
// paths. `new Worker(new URL(…, import.meta.url))` is written out so bundlers find the worker.
copyFileSync(new URL('www/lib/import-job.js', root), new URL('import-job.js', pkg));
copyFileSync(new URL('www/lib/atlas-worker.js', root), new URL('atlas-worker.js', pkg));
writeFileSync(
  new URL('worker-thread.js', pkg),
  `// The worker side of twinning-atlas/worker: the import job on this package's module.
import init, { Atlas } from './twinning_atlas.js';
import { serve } from './import-job.js';

serve(self, async () => {
  await init({ module_or_path: new URL('./twinning_atlas_bg.wasm', import.meta.url) });
  return Atlas;
});
`,
);
writeFileSync(
  new URL('worker.js', pkg),
  `// twinning-atlas/worker: AtlasWorker, an atlas in a module Worker (worker-thread.js) for
// imports and long queries with progress and cancel; where no Worker can start, the same job
// runs on this thread. In Node (no Web Worker), pass \`load: async () => (await import('twinning-atlas')).Atlas\`.
import { AtlasWorker as Base } from './atlas-worker.js';
export { abortError } from './import-job.js';

function spawn() {
  return new Worker(new URL('./worker-thread.js', import.meta.url), { type: 'module', name: 'twinning-atlas' });
}

async function load() {
  const m = await import('./twinning_atlas.js');
  await m.default({ module_or_path: new URL('./twinning_atlas_bg.wasm', import.meta.url) });
  return m.Atlas;
}

export class AtlasWorker extends Base {
  static create(options = {}) {
    return super.create({ spawn: typeof Worker === 'function' ? spawn : null, load, ...options });
  }
}
`,
);
writeFileSync(
  new URL('worker.d.ts', pkg),
  `import type { Atlas } from './twinning_atlas.js';

type Method = { [K in keyof Atlas]: Atlas[K] extends (...args: any[]) => any ? K : never }[keyof Atlas];

export interface JobProgress {
  phase: 'starting' | 'loading' | 'reading' | 'importing' | 'packing' | 'exporting' | 'running';
  /** bytes read so far (phase "reading") */
  loaded?: number;
  /** bytes in all */
  total?: number;
}

export interface JobControl {
  onProgress?: (progress: JobProgress) => void;
  /** aborting it rejects the call with an AbortError and ends the job */
  signal?: AbortSignal;
}

export interface AtlasWorkerOptions extends JobControl {
  /** a twinning-atlas/1 JSON text to hold instead of the curated data */
  data?: string | null;
  /** starts the Worker; null runs the jobs on this thread */
  spawn?: (() => Worker) | null;
  /** the initialised module's Atlas class, for running on this thread */
  load?: (() => Promise<typeof Atlas>) | null;
}

export declare class AtlasWorker {
  static create(options?: AtlasWorkerOptions): Promise<AtlasWorker>;
  /** true while the jobs run in a Worker */
  readonly offThread: boolean;
  /** the dataset held after an import, as twinning-atlas/1 JSON (null: the curated data) */
  readonly json: string | null;
  /** the last job's steps, in ms */
  timings: Record<string, number>;
  import(input: File | Blob | string | ArrayBuffer | Uint8Array, options?: JobControl & Parameters<Atlas['import']>[1]): Promise<ReturnType<Atlas['import']>>;
  export(options: Parameters<Atlas['export']>[0], control?: JobControl): Promise<string>;
  search(query: Parameters<Atlas['search']>[0], control?: JobControl): Promise<ReturnType<Atlas['search']>>;
  call<M extends Method>(method: M, args?: Parameters<Atlas[M]>, control?: JobControl): Promise<ReturnType<Atlas[M]>>;
  terminate(): void;
}

export declare function abortError(signal?: AbortSignal): Error;
`,
);
manifest.exports['./worker'] = { types: './worker.d.ts', default: './worker.js' };
manifest.files.push('worker.js', 'worker.d.ts', 'worker-thread.js', 'atlas-worker.js', 'import-job.js');

writeFileSync(new URL('package.json', pkg), JSON.stringify(manifest, null, 2) + '\n');
copyFileSync(new URL('LICENSE', root), new URL('LICENSE', pkg));
copyFileSync(new URL('CHANGELOG.md', root), new URL('CHANGELOG.md', pkg));

// The README on the registry: docs/npm-README.md with the README's API section put in, and
// every relative link made absolute (a relative link does not resolve on the registry).
const readme = readFileSync(new URL('README.md', root), 'utf8');
const api = /^### API\n[\s\S]*?(?=^## )/m.exec(readme);
if (!api) throw new Error('package.mjs: README.md has no "### API" section');
const absolute = (text) =>
  text.replace(
    /(!?)\[([^\]]*)\]\((?![a-z][a-z0-9+.-]*:|#)([^)\s]+)\)/gi,
    (_, bang, label, path) =>
      `${bang}[${label}](${bang ? `https://raw.githubusercontent.com/${repo}/main/${path}` : `${github}/blob/main/${path}`})`,
  );
const npmReadme = absolute(
  readFileSync(new URL('docs/npm-README.md', root), 'utf8').replace('<!-- API -->', api[0].trim()),
);
writeFileSync(new URL('README.md', pkg), npmReadme);

// ---- the embed as a package entry: `twinning-atlas/embed` ----
// pkg/embed/ is www/ without www/pkg/ (embed.js, its modules, style sheet, workers, icon, and
// the full page the embed's links open), with every reference to `pkg/…` pointed one folder
// up, at the package's own module, wasm, world asset and map data, so nothing ships twice (`pkg/full/…`, the page's copy of the full module, is the package's own).
// Serve the package's folder (or use a CDN that serves npm packages) and load
// `…/twinning-atlas/embed/embed.js`; a bundler may import 'twinning-atlas/embed' for mount()
// and the element, with `base` pointing at where pkg/embed/ is served.
function packageEmbed(manifest) {
  const www = new URL('www/', root);
  const out = new URL('embed/', pkg);
  rmSync(out, { recursive: true, force: true });
  const needs = new Set();
  const copyDir = (from, to) => {
    mkdirSync(to, { recursive: true });
    for (const e of readdirSync(from, { withFileTypes: true })) {
      if (from.href === www.href && e.name === 'pkg') continue; // the package is one folder up
      // the page's bundle is built on the page's module: scripts/bundle-page.mjs builds the
      // package's copy (embed/dist/) on the package's module after this script
      if (from.href === www.href && e.name === 'dist') continue;
      if (e.isDirectory()) {
        copyDir(new URL(`${e.name}/`, from), new URL(`${e.name}/`, to));
      } else if (/\.(js|html)$/.test(e.name)) {
        const text = readFileSync(new URL(e.name, from), 'utf8').replace(
          /(['"`](?:\.\.?\/)*)pkg\/(?:full\/)?([\w.-]+)/g,
          (_, pre, file) => {
            needs.add(file);
            return `${pre}../${file}`;
          },
        );
        writeFileSync(new URL(e.name, to), text);
      } else {
        copyFileSync(new URL(e.name, from), new URL(e.name, to));
      }
    }
  };
  copyDir(www, out);
  // the map bundle and countries (scripts/maps/vendor.mjs --out pkg) must sit beside the module
  const missing = [...needs].filter((f) => !existsSync(new URL(f, pkg)) && !(f === 'world.json.gz' && !hasWorld));
  if (missing.length)
    throw new Error(
      `package.mjs: the embed refers to pkg/${missing.join(', pkg/')}, missing in pkg/ (run scripts/maps/vendor.mjs --out pkg first)`,
    );
  writeFileSync(
    new URL('embed.d.ts', out),
    `/** Options of mount(); the element's attributes are the same in kebab case. */
export interface MountOptions {
  place?: string;
  link?: string;
  view?: string;
  asOf?: string;
  data?: string;
  base?: string | URL;
  routing?: 'memory' | 'hash';
  pageUrl?: string;
  world?: boolean | 'false';
  theme?: 'light' | 'dark' | 'auto';
  shadow?: boolean;
}
export interface AtlasController {
  readonly root: HTMLElement;
  readonly location: string;
  readonly atlas: import('../twinning_atlas.js').Atlas;
  navigate(location: string): void;
  go(view: string, params?: Record<string, string>, query?: Record<string, string>): void;
  destroy(): void;
}
/** Render the atlas into \`element\` (in an open shadow root unless \`shadow: false\`). */
export function mount(element: Element, options?: MountOptions): Promise<AtlasController>;
/** \`<twinning-atlas>\`, defined on import. */
export class TwinningAtlasElement extends HTMLElement {}
export function version(): string;
/** Start loading the wasm and (without \`data\`) the curated atlas that mount() with these options will use. */
export function prepare(options?: MountOptions): void;
declare global {
  interface HTMLElementTagNameMap {
    'twinning-atlas': TwinningAtlasElement;
  }
}
`,
  );
  manifest.exports['./embed'] = { types: './embed/embed.d.ts', default: './embed/embed.js' };
  manifest.exports['./embed/*'] = './embed/*';
  manifest.files.push(
    'embed/',
    ...[...needs].filter((f) => existsSync(new URL(f, pkg)) && !manifest.files.includes(f)),
  );
  if (Array.isArray(manifest.sideEffects)) manifest.sideEffects.push('./embed/embed.js');
}
