// Regenerates every JSON Schema file from its zod source: core result schemas and the plugin's
// executor/generator schema.json files. Run after `npm run build` (it loads the compiled schemas).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const core = require(join(root, 'packages/core/dist/index.js'));
const coreOut = join(root, 'packages/core/schemas');
mkdirSync(coreOut, { recursive: true });
for (const [file, text] of Object.entries(core.renderJsonSchemas())) {
  writeFileSync(join(coreOut, file), text);
  console.log(`wrote packages/core/schemas/${file}`);
}

const { renderOptionSchemas } = require(join(root, 'packages/plugin/dist/schema-json/render-option-schemas.js'));
const pluginDist = join(root, 'packages/plugin/dist');
const pluginSrc = join(root, 'packages/plugin/src');
for (const [relative, text] of Object.entries(renderOptionSchemas(pluginDist, (file) => require(file)))) {
  for (const base of [pluginSrc, pluginDist]) {
    mkdirSync(dirname(join(base, relative)), { recursive: true });
    writeFileSync(join(base, relative), text);
  }
  console.log(`wrote packages/plugin/src/${relative}`);
}
