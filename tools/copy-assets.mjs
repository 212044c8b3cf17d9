// tsc does not copy non-TS assets: executor/generator schema.json files and generator templates
// (`files/`) are copied from src to dist so the published package and executors.json agree.
import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function walk(dir, visit) {
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) {
      if (entry === 'files' || entry === '__fixtures__') visit(full, true);
      else walk(full, visit);
    } else visit(full, false);
  }
}

for (const pkg of readdirSync(join(root, 'packages'))) {
  const src = join(root, 'packages', pkg, 'src');
  const dist = join(root, 'packages', pkg, 'dist');
  if (!existsSync(src) || !existsSync(dist)) continue;
  walk(src, (file, isTemplateDir) => {
    const rel = relative(src, file);
    if (isTemplateDir) {
      if (!rel.includes('__fixtures__')) cpSync(file, join(dist, rel), { recursive: true });
    } else if (file.endsWith('.json') && !file.endsWith('tsconfig.json')) {
      cpSync(file, join(dist, rel));
    }
  });
}
