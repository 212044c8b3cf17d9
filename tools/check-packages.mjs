// Checks every publishable package the way its consumers will meet it: publint (package.json fields,
// exports, files against what `npm pack` puts in the tarball; --strict makes its warnings failures)
// and @arethetypeswrong/cli on the packed tarball (types and JavaScript resolve alike from CommonJS and
// ESM). Run after `npm run build`; part of `npm test`.
// attw runs with its node16 profile: the packages are loaded by Node (Nx, Jest, ESLint), whose
// resolution is node16's; node10 resolution ignores `exports`, which every package relies on.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

const packages = readdirSync(join(root, 'packages'))
  .map((name) => join(root, 'packages', name))
  .filter((dir) => existsSync(join(dir, 'package.json')) && !JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).private);

const failures = [];
for (const dir of packages) {
  if (!existsSync(join(dir, 'dist'))) {
    failures.push(`${relative(root, dir)}: dist/ is missing; run \`npm run build\` first`);
    continue;
  }
  // An export with no condition but this repository's own source condition (e.g. core's ./test-support for
  // the specs) is unreachable from the tarball by design; attw checks every other entry point.
  const exportsField = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).exports ?? {};
  const sourceOnly = Object.entries(exportsField)
    .filter(([, target]) => target && typeof target === 'object' && Object.keys(target).every((condition) => condition === '@nx-quality/source'))
    .map(([subpath]) => subpath);
  const attwArgs = ['--pack', '.', '--profile', 'node16', '--format', 'table-flipped'];
  if (sourceOnly.length > 0) attwArgs.push('--exclude-entrypoints', ...sourceOnly);
  for (const [tool, args] of [
    ['publint', ['--strict']],
    ['attw', attwArgs],
  ]) {
    const result = spawnSync(bin(tool), args, { cwd: dir, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
    if (result.status !== 0) failures.push(`${relative(root, dir)}: ${tool} ${args.join(' ')} exited ${result.status}\n${output}`);
    else console.log(`${relative(root, dir)}: ${tool} passed`);
  }
}
if (failures.length > 0) {
  console.error(`check-packages: ${failures.length} failure(s):\n\n${failures.join('\n\n')}`);
  process.exit(1);
}
