// Writes pkg/package.json, the Node entry point (pkg/node.js) and its typings, so that
// `import { Atlas } from 'twinning-atlas'` works in browsers, bundlers and Node alike.
import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const cargo = readFileSync(new URL('Cargo.toml', root), 'utf8');
const version = /^version\s*=\s*"([^"]+)"/m.exec(cargo)[1];
const pkg = new URL('pkg/', root);

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
