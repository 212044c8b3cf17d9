#!/usr/bin/env node
// Synthetic-workspace maker of the benchmark (issue 7).
//
//   node tools/benchmark/make-workspace.mjs [--projects 30] [--cache-dir <dir>] [--tarballs <dir>] [--force]
//
// 1. Once per GENERATOR_VERSION: a real `create-nx-workspace@23.2.1 --preset=ts` workspace named
//    `bench` plus ONE `@nx/js:lib` (jest + eslint) made by Nx's own generator (`<cache>/base-v<V>/bench`).
// 2. Per N: a copy of it where that lib's config files are cloned as templates for N projects with
//    generated sources (see synthetic-sources.mjs), `nx sync` writes the TypeScript project references,
//    and the nx-quality tarballs are installed. Both plugins are registered side by side: the official
//    inferred `test`/`lint`/`typecheck` (as create-nx-workspace sets them) and ours under `q-test`,
//    `q-lint`, `q-typecheck` and `quality`. Everything is committed to git so `nx affected` works.
// The workspace is reused while GENERATOR_VERSION, N and the tarballs' hash are unchanged.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mustRun } from './exec.mjs';
import { planProjects, projectSources } from './synthetic-sources.mjs';

/** Bump when the generated workspace changes shape, so cached copies are rebuilt. */
export const GENERATOR_VERSION = 3;
export const NX_VERSION = '23.2.1';
const SCOPE = 'bench';
const SEED_LIB = 'seed';
const TEMPLATE_FILES = ['package.json', 'tsconfig.json', 'tsconfig.lib.json', 'tsconfig.spec.json', 'jest.config.cts', '.spec.swcrc', 'eslint.config.mjs', 'README.md'];
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** Target names our plugin infers in the benchmark workspace, apart from the official ones. */
export const OUR_TARGETS = { test: 'q-test', lint: 'q-lint', typecheck: 'q-typecheck', quality: 'quality' };

/**
 * Environment the official `test` target needs on a create-nx-workspace 23.2.1 workspace: Jest
 * loads `jest.config.cts` through ts-node, which type-checks it under TS 6 (`types: []`) and
 * rejects the deprecated `moduleResolution: node10` Jest forces (TS5107); the root jest.config.ts
 * (solution tsconfig, `moduleResolution: nodenext`) fails on Jest's forced `module: CommonJS` (TS5110),
 * and with it registered the project configs hit TS 6's explicit-rootDir rule (TS5011).
 * Transpile-only and ignoring those two make the stock configs load without editing any workspace file.
 */
export const OFFICIAL_JEST_ENV = { TS_NODE_TRANSPILE_ONLY: 'true', TS_NODE_IGNORE_DIAGNOSTICS: '5011,5107,5110' };

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const writeJson = (file, value) => writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

function defaultCacheDir() {
  return join(tmpdir(), 'nxq-bench');
}

/** The create-nx-workspace + one generated lib, made once. */
export function ensureBase(cacheDir, log) {
  const parent = join(cacheDir, `base-v${GENERATOR_VERSION}`);
  const base = join(parent, SCOPE);
  if (existsSync(join(base, '.bench-base-ready'))) return base;
  rmSync(parent, { recursive: true, force: true });
  mkdirSync(parent, { recursive: true });
  log(`creating base workspace with create-nx-workspace@${NX_VERSION} in ${base} (about a minute)`);
  mustRun(npx, ['-y', `create-nx-workspace@${NX_VERSION}`, SCOPE, '--preset=ts', '--nxCloud=skip', '--no-interactive', '--packageManager=npm'], { cwd: parent });
  log(`generating one @nx/js:lib (jest + eslint) with Nx's generator`);
  mustRun(npx, ['nx', 'g', '@nx/js:lib', `packages/${SEED_LIB}`, '--bundler=tsc', '--unitTestRunner=jest', '--linter=eslint', '--no-interactive'], { cwd: base });
  writeFileSync(join(base, '.bench-base-ready'), new Date().toISOString());
  return base;
}

/** Tarballs to install: `--tarballs <dir>`, else packed now from this repo's built packages. */
export function collectTarballs({ tarballs, cacheDir, log }) {
  let dir = tarballs ? resolve(tarballs) : null;
  if (!dir) {
    dir = join(cacheDir, 'tarballs');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    if (existsSync(join(repoRoot, 'tools', 'pack.mjs'))) {
      log(`packing packages/* with tools/pack.mjs into ${dir}`);
      mustRun(process.execPath, [join(repoRoot, 'tools', 'pack.mjs'), '--out', dir, '--warn-only'], { cwd: repoRoot });
    } else {
      log(`tools/pack.mjs absent: npm pack packages/* into ${dir}`);
      for (const pkg of readdirSync(join(repoRoot, 'packages'))) {
        if (existsSync(join(repoRoot, 'packages', pkg, 'package.json'))) {
          mustRun(npm, ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: join(repoRoot, 'packages', pkg) });
        }
      }
    }
  }
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.tgz')).sort().map((f) => join(dir, f)) : [];
  const hash = createHash('sha256');
  for (const f of files) hash.update(readFileSync(f));
  return { files, hash: hash.digest('hex').slice(0, 16) };
}

export function readTemplates(base) {
  const templates = {};
  for (const file of TEMPLATE_FILES) {
    const path = join(base, 'packages', SEED_LIB, file);
    if (existsSync(path)) templates[file] = readFileSync(path, 'utf8');
  }
  return templates;
}

export function writeProject(ws, project, projectsById, templates) {
  const root = join(ws, 'packages', project.id);
  mkdirSync(join(root, 'src', 'lib'), { recursive: true });
  for (const [file, text] of Object.entries(templates)) {
    writeFileSync(join(root, file), text.replace(new RegExp(`\\b${SEED_LIB}\\b`, 'g'), project.id));
  }
  const manifest = readJson(join(root, 'package.json'));
  manifest.dependencies = { ...manifest.dependencies };
  for (const dep of project.deps) manifest.dependencies[`@${SCOPE}/${dep}`] = '*';
  writeJson(join(root, 'package.json'), manifest);
  for (const [file, text] of Object.entries(projectSources(project, projectsById, SCOPE))) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
}

/** nx.json: official plugins as create-nx-workspace wrote them, ours beside them, coverage on for both. */
function configureNx(ws) {
  const nxJson = readJson(join(ws, 'nx.json'));
  nxJson.plugins = (nxJson.plugins ?? []).filter((p) => (typeof p === 'string' ? p : p.plugin) !== '@nx-quality/plugin');
  nxJson.plugins.push({
    plugin: '@nx-quality/plugin',
    options: {
      testTargetName: OUR_TARGETS.test,
      lintTargetName: OUR_TARGETS.lint,
      typecheckTargetName: OUR_TARGETS.typecheck,
      qualityTargetName: OUR_TARGETS.quality,
      // The synthetic specs cover about half the code on purpose; with the default 80 % gate every
      // quality task would fail, and Nx never caches a failed task, so warm runs would not compare.
      coverage: { lines: 40 },
    },
  });
  // The official jest target gets coverage through its options (forwarded as --coverage=true),
  // because `run-many -t test lint typecheck --coverage` would also pass --coverage to eslint and tsc.
  nxJson.targetDefaults = nxJson.targetDefaults ?? {};
  nxJson.targetDefaults.test = { ...nxJson.targetDefaults.test, options: { ...nxJson.targetDefaults.test?.options, coverage: true } };
  writeJson(join(ws, 'nx.json'), nxJson);
}

/** The lint findings are warnings, so no target fails and both sides run every task. */
export function configureEslint(ws) {
  const file = join(ws, 'eslint.config.mjs');
  const text = readFileSync(file, 'utf8');
  if (text.includes('nxq-bench')) return;
  const addition = `  // nxq-bench: explicit any is a finding, not a failure\n  {\n    files: ['**/*.ts'],\n    rules: { '@typescript-eslint/no-explicit-any': 'warn' },\n  },\n];\n`;
  writeFileSync(file, text.replace(/\];\s*$/, addition));
}

/** Root jest.config.ts (projects) already exists; the solution tsconfig lists every project. */
function writeRootTsconfig(ws, projects) {
  const tsconfig = readJson(join(ws, 'tsconfig.json'));
  tsconfig.references = projects.map((p) => ({ path: `./packages/${p.id}` }));
  writeJson(join(ws, 'tsconfig.json'), tsconfig);
}

export function installTarballs(ws, tarballs, log) {
  const dest = join(ws, '.bench-tarballs');
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  const local = tarballs.files.map((f) => {
    const target = join(dest, f.split(/[\\/]/).pop());
    cpSync(f, target);
    return `file:./.bench-tarballs/${target.split(/[\\/]/).pop()}`;
  });
  log(`installing ${tarballs.files.length} nx-quality tarball(s) into the workspace`);
  mustRun(npm, ['install', '-D', '--no-audit', '--no-fund', ...local], { cwd: ws });
}

/** Benchmark bookkeeping under .nx/ must never be committed (affected compares commits). */
export function ignoreBenchFiles(ws) {
  const file = join(ws, '.gitignore');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (!text.includes('.nx/bench-')) writeFileSync(file, `${text.trimEnd()}\n\n# nxq-bench\n.nx/bench-*\n`);
}

export function git(ws, args) {
  return mustRun('git', ['-c', 'user.email=bench@example.invalid', '-c', 'user.name=bench', ...args], { cwd: ws });
}

/**
 * Makes (or reuses) the N-project workspace and returns `{ ws, projects, marker }`. Reinstalls the
 * tarballs when their hash changed since the workspace was made.
 */
export function ensureWorkspace({ projects: count = 30, cacheDir = defaultCacheDir(), tarballs, force = false, log = console.log } = {}) {
  mkdirSync(cacheDir, { recursive: true });
  const ws = join(cacheDir, `ws-v${GENERATOR_VERSION}-n${count}`);
  const markerFile = join(ws, '.bench-ready.json');
  const plan = planProjects(count);
  const packed = collectTarballs({ tarballs, cacheDir, log });
  if (!force && existsSync(markerFile)) {
    const marker = readJson(markerFile);
    if (marker.tarballHash !== packed.hash) {
      if (packed.files.length) installTarballs(ws, packed, log);
      marker.tarballHash = packed.hash;
      marker.tarballs = packed.files.map((f) => f.split(/[\\/]/).pop());
      writeJson(markerFile, marker);
      git(ws, ['add', '-A']);
      git(ws, ['commit', '-q', '--allow-empty', '-m', 'bench: reinstall nx-quality tarballs']);
    }
    ignoreBenchFiles(ws);
    configureNx(ws);
    if (mustRun('git', ['ls-files', '.nx'], { cwd: ws }).trim()) git(ws, ['rm', '-r', '-q', '--cached', '.nx']);
    // Untracked files (a user's scratch files under .nx) are not ours to commit.
    if (mustRun('git', ['status', '--porcelain', '--untracked-files=no', '--', 'nx.json', '.gitignore', '.nx'], { cwd: ws }).trim()) {
      git(ws, ['add', 'nx.json', '.gitignore']);
      git(ws, ['commit', '-q', '-m', 'bench: plugin options']);
    }
    log(`reusing ${ws}`);
    return { ws, projects: plan, marker };
  }

  const base = ensureBase(cacheDir, log);
  rmSync(ws, { recursive: true, force: true });
  log(`copying the base workspace to ${ws}`);
  cpSync(base, ws, { recursive: true, verbatimSymlinks: true });
  const templates = readTemplates(base);
  rmSync(join(ws, 'packages', SEED_LIB), { recursive: true, force: true });
  rmSync(join(ws, 'node_modules', `@${SCOPE}`, SEED_LIB), { recursive: true, force: true });
  for (const f of ['lib.log', '.bench-base-ready']) rmSync(join(ws, f), { force: true });
  rmSync(join(ws, '.nx'), { recursive: true, force: true });

  const byId = new Map(plan.map((p) => [p.id, p]));
  log(`writing ${count} projects (${plan.reduce((n, p) => n + p.modules.length, 0)} modules)`);
  for (const project of plan) writeProject(ws, project, byId, templates);
  writeRootTsconfig(ws, plan);
  configureNx(ws);
  configureEslint(ws);
  ignoreBenchFiles(ws);

  if (packed.files.length) installTarballs(ws, packed, log);
  else {
    log('no nx-quality tarballs found: linking workspaces only (nx-quality scenarios will be n/a)');
    mustRun(npm, ['install', '--no-audit', '--no-fund'], { cwd: ws });
  }
  log('nx sync (TypeScript project references from the project graph)');
  try {
    mustRun(npx, ['nx', 'sync'], { cwd: ws, env: OFFICIAL_JEST_ENV });
  } catch (error) {
    // Our plugin may not load yet while it is being written; the references are still needed.
    log(`nx sync failed (${String(error.message).split('\n')[0]}); retrying without @nx-quality/plugin`);
    const nxJson = readJson(join(ws, 'nx.json'));
    const withOurs = structuredClone(nxJson);
    nxJson.plugins = nxJson.plugins.filter((p) => (typeof p === 'string' ? p : p.plugin) !== '@nx-quality/plugin');
    writeJson(join(ws, 'nx.json'), nxJson);
    mustRun(npx, ['nx', 'sync'], { cwd: ws, env: OFFICIAL_JEST_ENV });
    writeJson(join(ws, 'nx.json'), withOurs);
  }
  const marker = {
    generatorVersion: GENERATOR_VERSION,
    projects: count,
    modules: plan.reduce((n, p) => n + p.modules.length, 0),
    tarballHash: packed.hash,
    tarballs: packed.files.map((f) => f.split(/[\\/]/).pop()),
    createdAt: new Date().toISOString(),
  };
  writeJson(markerFile, marker);
  git(ws, ['add', '-A']);
  git(ws, ['commit', '-q', '-m', `bench: ${count} synthetic projects`]);
  log(`workspace ready: ${ws}`);
  return { ws, projects: plan, marker };
}

function parseArgs(argv) {
  const args = { projects: 30, cacheDir: defaultCacheDir(), tarballs: undefined, force: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--projects') args.projects = Number(argv[++i]);
    else if (a === '--cache-dir') args.cacheDir = resolve(argv[++i]);
    else if (a === '--tarballs') args.tarballs = argv[++i];
    else if (a === '--force') args.force = true;
    else throw new Error(`unknown argument ${a}; usage: make-workspace.mjs [--projects N] [--cache-dir dir] [--tarballs dir] [--force]`);
  }
  if (!Number.isInteger(args.projects) || args.projects < 2) throw new Error('--projects must be an integer >= 2');
  return args;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { ws } = ensureWorkspace(parseArgs(process.argv.slice(2)));
  console.log(ws);
}
