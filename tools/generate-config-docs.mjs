// Regenerates the references rendered from the zod schemas: the default gates and quality.config.json
// in README.md, packages/plugin/README.md and packages/core/README.md (between their config-reference
// markers), and the nx.json plugin options and init options in packages/plugin/README.md (between its
// plugin-options-reference markers). Run after `npm run build` (it loads the compiled plugin); the
// render-*-reference specs fail when a README drifts from the schemas.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const dist = (file) => require(join(root, 'packages/plugin/dist', file));
const { renderConfigReference, replaceConfigReference } = dist('report/render-config-reference.js');
const { renderPluginOptionsReference, replacePluginOptionsReference } = dist('report/render-plugin-options-reference.js');
const { optionsSchema: initOptionsSchema } = dist('generators/init/options.js');

const updates = [
  ['README.md', (text) => replaceConfigReference(text, renderConfigReference())],
  ['packages/core/README.md', (text) => replaceConfigReference(text, renderConfigReference())],
  [
    'packages/plugin/README.md',
    (text) => replacePluginOptionsReference(replaceConfigReference(text, renderConfigReference()), renderPluginOptionsReference(initOptionsSchema)),
  ],
];
for (const [file, update] of updates) {
  const path = join(root, file);
  const before = readFileSync(path, 'utf8');
  const after = update(before);
  if (after === before) console.log(`${file}: the generated reference is up to date`);
  else {
    writeFileSync(path, after);
    console.log(`${file}: wrote the generated reference`);
  }
}
