// Regenerates the reference of the default gates and quality.config.json in README.md (between its
// config-reference markers) from the zod schemas. Run after `npm run build` (it loads the compiled
// plugin); render-config-reference.spec.ts fails when README.md drifts from the schemas.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { renderConfigReference, replaceConfigReference } = require(join(root, 'packages/plugin/dist/report/render-config-reference.js'));

const readmePath = join(root, 'README.md');
const before = readFileSync(readmePath, 'utf8');
const after = replaceConfigReference(before, renderConfigReference());
if (after === before) console.log('README.md config reference is up to date');
else {
  writeFileSync(readmePath, after);
  console.log('wrote the config reference in README.md');
}
