// Writes pkg/package.json, the Node entry point (pkg/node.js) and its typings, so that
// `import { Atlas } from 'twinning-atlas'` works in browsers, bundlers and Node alike.
import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';

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
function guarded(name, method) {
  return { [name](...args) {
    if (!this.__wbg_ptr) throw atlasError('freed', 'this Atlas was freed (free() was called on it): create a new one');
    const plain = name === 'import'
      ? [importInput(args[0]), plainArg(args[1], 'import options')]
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
const glueText = readFileSync(glue, 'utf8');
if (!/__wbg_ptr/.test(glueText)) throw new Error('package.mjs: the glue has no __wbg_ptr: check the guard against this wasm-bindgen version');
writeFileSync(glue, glueText + guard);

writeFileSync(new URL('node.js', pkg), `// Node entry: loads the wasm from beside this file, synchronously, so no init() is needed.
import { readFileSync } from 'node:fs';
import { initSync } from './twinning_atlas.js';
initSync({ module: readFileSync(new URL('./twinning_atlas_bg.wasm', import.meta.url)) });
export * from './twinning_atlas.js';
`);
writeFileSync(new URL('node.d.ts', pkg), `export * from './twinning_atlas.js';\n`);

const manifest = {
  name: 'twinning-atlas',
  version,
  description: 'Explore and classify town twinning: sister cities, twin towns and cross-border twin cities (Rust + WebAssembly)',
  license: 'MIT',
  type: 'module',
  main: './twinning_atlas.js',
  module: './twinning_atlas.js',
  types: './twinning_atlas.d.ts',
  exports: {
    '.': {
      types: './twinning_atlas.d.ts',
      node: { types: './node.d.ts', default: './node.js' },
      default: './twinning_atlas.js',
    },
    './web': { types: './twinning_atlas.d.ts', default: './twinning_atlas.js' },
    './twinning_atlas_bg.wasm': './twinning_atlas_bg.wasm',
    './package.json': './package.json',
  },
  files: [
    'twinning_atlas.js', 'twinning_atlas.d.ts', 'twinning_atlas_bg.wasm', 'twinning_atlas_bg.wasm.d.ts',
    'node.js', 'node.d.ts', 'README.md',
  ],
  sideEffects: ['./node.js'],
  keywords: ['twinning', 'sister-cities', 'twin-towns', 'wasm', 'gis'],
};
writeFileSync(new URL('package.json', pkg), JSON.stringify(manifest, null, 2) + '\n');
copyFileSync(new URL('README.md', root), new URL('README.md', pkg));
