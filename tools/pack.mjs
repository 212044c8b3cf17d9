// Writes an installable tarball of every package in packages/* into dist/tarballs/ (run through
// `npm run pack`, which builds first). It checks, on `npm pack`'s own list of the files it packed,
// that everything the packages load at run time is inside: dist entry points, executors.json /
// generators.json and every implementation, factory and schema they name, generated JSON Schemas and
// generator templates. Internal dependencies must be pinned to the sibling's exact version so the
// tarballs install together in a foreign workspace with one `npm install a.tgz b.tgz c.tgz`, and all
// packages must have the same version.
// Usage: node tools/pack.mjs [--out <dir>] [--dry-run] [--warn-only]
//   --dry-run: only check (`npm pack --dry-run`), write nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
// --out <dir> lets the e2e test pack into its own folder without racing a developer's dist/tarballs.
const outDir = outArg > 0 && process.argv[outArg + 1] ? resolve(process.argv[outArg + 1]) : join(root, 'dist', 'tarballs');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Every package folder of the workspace, with its manifest. */
function listPackages() {
  const dir = join(root, 'packages');
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((pkgDir) => existsSync(join(pkgDir, 'package.json')))
    .map((pkgDir) => ({ dir: pkgDir, manifest: JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) }))
    .filter((pkg) => !pkg.manifest.private);
}

/**
 * Internal dependencies must name the sibling's exact version: a range would let npm fetch a registry
 * copy. And every package has the same version: the inferred targets name @nx-quality/core's version
 * in their hashes for the whole nx-quality release (see build-quality-targets.ts).
 */
function checkInternalVersions(packages) {
  const versions = new Map(packages.map((pkg) => [pkg.manifest.name, pkg.manifest.version]));
  const problems = [];
  const released = new Set(versions.values());
  if (released.size > 1) problems.push(`the packages have different versions (${[...versions].map(([name, version]) => `${name} ${version}`).join(', ')}); release them together with one version`);
  for (const { manifest } of packages) {
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
      for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
        if (versions.has(dep) && range !== versions.get(dep)) {
          problems.push(`${manifest.name}: ${field}.${dep} is "${range}", must be exactly "${versions.get(dep)}"`);
        }
      }
    }
  }
  return problems;
}

function walkFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? walkFiles(full) : [full];
  });
}

const toPosix = (p) => p.split(sep).join('/');

/** `./dist/x/executor` → the files a require() of it may hit. */
function moduleCandidates(spec) {
  const p = posix.normalize(spec.replace(/^\.\//, ''));
  return [p, `${p}.js`, `${p}/index.js`];
}

/** Files a package needs at run time that must be inside its tarball. */
function requiredFiles(pkg) {
  const { dir, manifest } = pkg;
  const required = []; // entries: { why, anyOf: [paths] }
  const need = (why, ...anyOf) => required.push({ why, anyOf });

  need('package.json', 'package.json');
  // What the registry page shows and what the license requires to travel with the code.
  need('README', 'README.md');
  need('LICENSE', 'LICENSE');
  for (const field of ['main', 'types']) {
    if (manifest[field]) need(`"${field}"`, ...moduleCandidates(manifest[field]));
  }
  const visitExports = (value, where) => {
    if (typeof value === 'string') {
      // Custom source conditions point at src/ for this repository's own tooling only.
      if (!where.includes('@nx-quality/source') && !value.includes('*')) need(`exports ${where}`, ...moduleCandidates(value));
    } else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) visitExports(inner, `${where}/${key}`);
    }
  };
  visitExports(manifest.exports, '');

  for (const registry of ['executors', 'generators']) {
    if (!manifest[registry]) continue;
    const registryFile = posix.normalize(manifest[registry].replace(/^\.\//, ''));
    need(`"${registry}"`, registryFile);
    const entries = JSON.parse(readFileSync(join(dir, registryFile), 'utf8'))[registry] ?? {};
    for (const [name, entry] of Object.entries(entries)) {
      const impl = entry.implementation ?? entry.factory;
      if (impl) need(`${registry}.${name} implementation`, ...moduleCandidates(posix.join(posix.dirname(registryFile), impl)));
      if (entry.schema) need(`${registry}.${name} schema`, posix.normalize(posix.join(posix.dirname(registryFile), entry.schema)));
    }
  }

  // `nx migrate` reads package.json "nx-migrations" (a path, or { migrations: path }) and loads each implementation.
  const migrationsField = manifest['nx-migrations'];
  const migrationsFile = typeof migrationsField === 'string' ? migrationsField : migrationsField?.migrations;
  if (migrationsFile) {
    const registryFile = posix.normalize(migrationsFile.replace(/^\.\//, ''));
    need('"nx-migrations"', registryFile);
    const entries = JSON.parse(readFileSync(join(dir, registryFile), 'utf8')).generators ?? {};
    for (const [name, entry] of Object.entries(entries)) {
      const impl = entry.implementation ?? entry.factory;
      if (impl) need(`migration ${name} implementation`, ...moduleCandidates(posix.join(posix.dirname(registryFile), impl)));
    }
  }

  // Generated JSON Schemas (core/schemas) ship as they are.
  for (const file of walkFiles(join(dir, 'schemas'))) need('generated JSON Schema', toPosix(relative(dir, file)));

  // schema.json files and generator templates live in src and are copied to dist by tools/copy-assets.mjs.
  const src = join(dir, 'src');
  for (const file of walkFiles(src)) {
    const rel = toPosix(relative(src, file));
    if (rel.split('/').includes('__fixtures__')) continue;
    if (rel.split('/').includes('files')) need('generator template', `dist/${rel}`);
    else if (rel.endsWith('/schema.json') || rel === 'schema.json') need('option schema', `dist/${rel}`);
  }
  return required;
}

/** Files that must never be published. */
function forbidden(file) {
  return /\.spec\.[cm]?[jt]s(\.map)?$|\.spec\.d\.ts(\.map)?$|\.tsbuildinfo$|(^|\/)__fixtures__\//.test(file);
}

function npmPack(pkgDir, extraArgs) {
  const out = execFileSync(npm, ['pack', '--json', '--ignore-scripts', ...extraArgs], {
    cwd: pkgDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.slice(out.indexOf('[')))[0];
}

function main() {
  const packages = listPackages();
  if (packages.length === 0) throw new Error(`no publishable packages under ${join(root, 'packages')}`);

  const problems = checkInternalVersions(packages);
  const dryRun = process.argv.includes('--dry-run');
  if (!dryRun) {
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
  }
  const written = [];
  for (const pkg of packages) {
    if (!existsSync(join(pkg.dir, 'dist'))) {
      problems.push(`${pkg.manifest.name}: ${relative(root, pkg.dir)}/dist is missing; run \`npm run build\` (or \`npm run pack\`, which builds first)`);
      continue;
    }
    // npm pack --json lists exactly the files it put in the tarball (what --dry-run would list).
    const info = npmPack(pkg.dir, dryRun ? ['--dry-run'] : ['--pack-destination', outDir]);
    const listed = new Set(info.files.map((f) => f.path));
    for (const { why, anyOf } of requiredFiles(pkg)) {
      if (!anyOf.some((f) => listed.has(f))) {
        const onDisk = anyOf.some((f) => existsSync(join(pkg.dir, f)));
        problems.push(
          `${pkg.manifest.name}: ${why} needs ${anyOf[0]}, which is ${onDisk ? 'on disk but excluded by package.json "files"' : 'not on disk (build or copy-assets did not produce it)'}`,
        );
      }
    }
    for (const file of listed) if (forbidden(file)) problems.push(`${pkg.manifest.name}: ${file} must not be published (check "files" negations)`);
    written.push(`${dryRun ? `(dry run) ${info.filename}` : join(outDir, info.filename)}  (${info.entryCount} files, ${(info.size / 1024).toFixed(1)} KiB)`);
  }
  if (problems.length > 0) {
    // --warn-only keeps the tarballs: for trying half-built packages during development, never for release.
    const warnOnly = process.argv.includes('--warn-only');
    console.error(`pack: ${problems.length} problem(s)${dryRun ? '' : warnOnly ? ' (--warn-only: tarballs kept)' : ', tarballs removed'}:\n  - ${problems.join('\n  - ')}`);
    if (!warnOnly) {
      if (!dryRun) rmSync(outDir, { recursive: true, force: true });
      process.exit(1);
    }
  }
  for (const line of written) console.log(line);
}

main();
