// webpack 5 for the browser: `new URL('twinning_atlas_bg.wasm', import.meta.url)` in the
// package becomes an emitted asset with no loader or plugin.
const path = require('node:path');
module.exports = {
  mode: 'production',
  target: 'web',
  entry: './main.js',
  output: { path: path.resolve(__dirname, 'dist'), filename: 'main.js', clean: true },
  experiments: { topLevelAwait: true },
  performance: { hints: false },
};
