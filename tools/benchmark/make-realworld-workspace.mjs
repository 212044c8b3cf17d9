#!/usr/bin/env node
// The benchmark's real-world-shaped workspace (issue 19): what public Nx repositories look like,
// rather than what flatters a batch runner.
//
//   node tools/benchmark/make-realworld-workspace.mjs [--cache-dir <dir>] [--tarballs <dir>] [--force]
//
// From the same create-nx-workspace@23.2.1 base as the synthetic workspace:
// - 10 libraries with the synthetic sources, and NO `^build` before `test` (tests import the other
//   libraries' sources through the `@bench/source` condition, as Nx's TS solution setup does);
// - half the libraries transform with ts-jest (which type-checks every file it compiles), half with
//   @swc/jest as Nx generates them;
// - a `.env.test` in some libraries, read by a spec (Nx loads it for a target named `test`);
// - two e2e projects whose specs need a running server, excluded from `@nx/jest/plugin` as repositories
//   exclude them (their lint still runs);
// - the official `test` target as generated: no coverage. nx-quality records coverage anyway.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mustRun } from './exec.mjs';
import { collectTarballs, configureEslint, ensureBase, git, ignoreBenchFiles, installTarballs, OFFICIAL_JEST_ENV, OUR_TARGETS, readTemplates, writeProject } from './make-workspace.mjs';
import { planProjects } from './synthetic-sources.mjs';

/** Bump when the workspace changes shape, so a cached copy is rebuilt. */
export const REALWORLD_VERSION = 1;
const LIBRARIES = 10;
const E2E_PROJECTS = ['shop-e2e', 'admin-e2e'];
const TS_JEST_VERSION = '29.4.15';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const writeJson = (file, value) => writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

/** Libraries that transform with ts-jest instead of the generated @swc/jest. */
export const usesTsJest = (project) => project.index % 2 === 1;
/** Libraries with a `.env.test` and a spec that reads it. */
export const hasEnvTest = (project) => project.index % 3 === 0;

function tsJestConfig(project) {
  return [
    `/* eslint-disable */`,
    `module.exports = {`,
    `  displayName: '@bench/${project.id}',`,
    `  preset: '../../jest.preset.js',`,
    `  testEnvironment: 'node',`,
    `  transform: {`,
    `    '^.+\\\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],`,
    `  },`,
    `  moduleFileExtensions: ['ts', 'js', 'html'],`,
    `  coverageDirectory: 'test-output/jest/coverage',`,
    `};`,
    ``,
  ].join('\n');
}

/**
 * ts-jest compiles with tsconfig.spec.json, and under the preset's nodenext settings in a
 * `"type": "module"` package it emits ESM that Jest's CommonJS runtime cannot load. Repositories
 * that use ts-jest give the spec config CommonJS and node10 resolution, with paths to the other
 * libraries' sources; TS 6 also wants an explicit rootDir and an opt-in to node10.
 */
function useCommonJsSpecTsconfig(root) {
  const file = join(root, 'tsconfig.spec.json');
  const tsconfig = readJson(file);
  Object.assign(tsconfig.compilerOptions, { rootDir: '.', module: 'commonjs', moduleResolution: 'node10', ignoreDeprecations: '6.0', customConditions: null, paths: { '@bench/*': ['../*/src/index.ts'] } });
  writeJson(file, tsconfig);
}

function writeEnvTest(root) {
  writeFileSync(join(root, '.env.test'), 'BENCH_REGION=eu-test\nBENCH_FEATURE_FLAGS=ledger,router\n');
  writeFileSync(
    join(root, 'src', 'lib', 'environment.spec.ts'),
    [
      `describe('test environment', () => {`,
      `  it('reads the region from .env.test', () => {`,
      `    expect(process.env['BENCH_REGION']).toBe('eu-test');`,
      `  });`,
      ``,
      `  it('reads the feature flags from .env.test', () => {`,
      `    expect(process.env['BENCH_FEATURE_FLAGS']?.split(',')).toContain('router');`,
      `  });`,
      `});`,
      ``,
    ].join('\n'),
  );
}

/** An e2e project as repositories have them: its specs need a server, so nobody runs them in `test`. */
function writeE2eProject(ws, name, templates) {
  const root = join(ws, 'e2e', name);
  mkdirSync(join(root, 'src'), { recursive: true });
  writeJson(join(root, 'project.json'), { name, $schema: '../../node_modules/nx/schemas/project-schema.json', projectType: 'application', sourceRoot: `e2e/${name}/src`, implicitDependencies: ['p00'], targets: {} });
  writeFileSync(join(root, 'jest.config.cts'), templates['jest.config.cts'].replace(/@bench\/seed/g, name));
  writeFileSync(join(root, '.spec.swcrc'), templates['.spec.swcrc']);
  writeFileSync(join(root, 'eslint.config.mjs'), templates['eslint.config.mjs']);
  writeJson(join(root, 'tsconfig.json'), { extends: '../../tsconfig.base.json', compilerOptions: { outDir: './out-tsc/e2e', types: ['jest', 'node'] }, include: ['src/**/*.ts'] });
  writeFileSync(
    join(root, 'src', `${name}.spec.ts`),
    [
      `describe('${name}', () => {`,
      `  it('serves the home page', async () => {`,
      `    const response = await fetch('http://127.0.0.1:4299/');`,
      `    expect(response.status).toBe(200);`,
      `  });`,
      `});`,
      ``,
    ].join('\n'),
  );
}

/** nx.json: the official plugins as generated, e2e excluded from Jest's, no ^build before test, ours beside them. */
function configureNx(ws) {
  const nxJson = readJson(join(ws, 'nx.json'));
  nxJson.plugins = nxJson.plugins
    .filter((p) => (typeof p === 'string' ? p : p.plugin) !== '@nx-quality/plugin')
    .map((p) => ((typeof p === 'string' ? p : p.plugin) === '@nx/jest/plugin' ? { ...(typeof p === 'string' ? { plugin: p } : p), exclude: ['e2e/**/*'] } : p));
  nxJson.plugins.push({
    plugin: '@nx-quality/plugin',
    options: { testTargetName: OUR_TARGETS.test, lintTargetName: OUR_TARGETS.lint, typecheckTargetName: OUR_TARGETS.typecheck, qualityTargetName: OUR_TARGETS.quality, coverage: { lines: 40 } },
  });
  delete nxJson.targetDefaults?.test;
  writeJson(join(ws, 'nx.json'), nxJson);
}

/** Makes (or reuses) the real-world-shaped workspace; returns `{ ws, projects, e2e }`. */
export function ensureRealWorldWorkspace({ cacheDir = join(tmpdir(), 'nxq-bench'), tarballs, force = false, log = console.log } = {}) {
  mkdirSync(cacheDir, { recursive: true });
  const ws = join(cacheDir, `realworld-v${REALWORLD_VERSION}`);
  const markerFile = join(ws, '.bench-ready.json');
  const plan = planProjects(LIBRARIES);
  const packed = collectTarballs({ tarballs, cacheDir, log });
  if (!force && existsSync(markerFile)) {
    const marker = readJson(markerFile);
    if (marker.tarballHash !== packed.hash && packed.files.length) {
      installTarballs(ws, packed, log);
      writeJson(markerFile, { ...marker, tarballHash: packed.hash });
      git(ws, ['add', '-A']);
      git(ws, ['commit', '-q', '--allow-empty', '-m', 'bench: reinstall nx-quality tarballs']);
    }
    log(`reusing ${ws}`);
    return { ws, projects: plan, e2e: E2E_PROJECTS };
  }
  const base = ensureBase(cacheDir, log);
  rmSync(ws, { recursive: true, force: true });
  log(`copying the base workspace to ${ws}`);
  cpSync(base, ws, { recursive: true, verbatimSymlinks: true });
  const templates = readTemplates(base);
  rmSync(join(ws, 'packages', 'seed'), { recursive: true, force: true });
  rmSync(join(ws, 'node_modules', '@bench', 'seed'), { recursive: true, force: true });
  for (const f of ['lib.log', '.bench-base-ready']) rmSync(join(ws, f), { force: true });
  rmSync(join(ws, '.nx'), { recursive: true, force: true });

  const byId = new Map(plan.map((p) => [p.id, p]));
  log(`writing ${LIBRARIES} libraries and ${E2E_PROJECTS.length} e2e projects`);
  for (const project of plan) {
    writeProject(ws, project, byId, templates);
    const root = join(ws, 'packages', project.id);
    if (usesTsJest(project)) {
      writeFileSync(join(root, 'jest.config.cts'), tsJestConfig(project));
      rmSync(join(root, '.spec.swcrc'), { force: true });
      useCommonJsSpecTsconfig(root);
    }
    if (hasEnvTest(project)) writeEnvTest(root);
  }
  for (const name of E2E_PROJECTS) writeE2eProject(ws, name, templates);
  const tsconfig = readJson(join(ws, 'tsconfig.json'));
  tsconfig.references = plan.map((p) => ({ path: `./packages/${p.id}` }));
  writeJson(join(ws, 'tsconfig.json'), tsconfig);
  configureNx(ws);
  configureEslint(ws);
  ignoreBenchFiles(ws);

  log(`installing ts-jest@${TS_JEST_VERSION}`);
  mustRun(npm, ['install', '-D', '--no-audit', '--no-fund', `ts-jest@${TS_JEST_VERSION}`], { cwd: ws });
  if (packed.files.length) installTarballs(ws, packed, log);
  log('nx sync (TypeScript project references from the project graph)');
  mustRun(npx, ['nx', 'sync'], { cwd: ws, env: OFFICIAL_JEST_ENV });
  writeJson(markerFile, { version: REALWORLD_VERSION, libraries: LIBRARIES, e2e: E2E_PROJECTS, tarballHash: packed.hash, createdAt: new Date().toISOString() });
  git(ws, ['init', '-q']);
  git(ws, ['add', '-A']);
  git(ws, ['commit', '-q', '-m', 'bench: real-world-shaped workspace']);
  log(`workspace ready: ${ws}`);
  return { ws, projects: plan, e2e: E2E_PROJECTS };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = { cacheDir: undefined, tarballs: undefined, force: false };
  for (let i = 2; i < process.argv.length; i++) {
    const a = process.argv[i];
    if (a === '--cache-dir') args.cacheDir = resolve(process.argv[++i]);
    else if (a === '--tarballs') args.tarballs = process.argv[++i];
    else if (a === '--force') args.force = true;
    else throw new Error(`unknown argument ${a}; usage: make-realworld-workspace.mjs [--cache-dir dir] [--tarballs dir] [--force]`);
  }
  const { ws } = ensureRealWorldWorkspace(args);
  console.log(ws);
}
