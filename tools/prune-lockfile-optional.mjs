// npm (seen with 11.19) writes lockfiles whose entries list platform-specific optionalDependencies
// (other OSes' @swc/core, @nx/nx-* and resolver bindings) without recording those packages, and
// `npm ci` then refuses the lockfile as out of sync (npm/cli#4828, #8805). Those packages can never
// be installed on another platform's CI anyway, so drop the dangling optional edges.
// Run after every `npm install` that rewrites package-lock.json: `node tools/prune-lockfile-optional.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const lockFile = join(dirname(fileURLToPath(import.meta.url)), '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(lockFile, 'utf8'));
const packages = lock.packages ?? {};

/** Whether `name` resolves from the lock entry at `from`, walking up node_modules folders as Node does. */
function resolvable(from, name) {
  let dir = from;
  for (;;) {
    if (packages[dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`]) return true;
    if (dir === '') return false;
    const index = dir.lastIndexOf('/node_modules/');
    // node_modules/a/node_modules/b → node_modules/a; node_modules/a or packages/x → the root.
    dir = index >= 0 ? dir.slice(0, index) : '';
  }
}

let removed = 0;
for (const [key, entry] of Object.entries(packages)) {
  if (!entry.optionalDependencies) continue;
  for (const name of Object.keys(entry.optionalDependencies)) {
    if (!resolvable(key, name)) {
      delete entry.optionalDependencies[name];
      removed++;
    }
  }
  if (Object.keys(entry.optionalDependencies).length === 0) delete entry.optionalDependencies;
}
writeFileSync(lockFile, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`prune-lockfile-optional: removed ${removed} dangling optional dependencies`);
