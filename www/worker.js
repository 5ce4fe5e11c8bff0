// @ts-check
// The page's worker: the import job (lib/import-job.js) on the full wasm module, which the page
// keeps at pkg/full/ (its first module, pkg/twinning_atlas_bg.wasm, has no importers). Started
// by lib/atlas-worker.js for views/data.js; the npm package's worker entry runs the same job.

import init, { Atlas } from './pkg/full/twinning_atlas.js';
import { serve } from './lib/import-job.js';

serve(self, async () => {
  await init({ module_or_path: new URL('./pkg/full/twinning_atlas_bg.wasm', import.meta.url) });
  return Atlas;
});
