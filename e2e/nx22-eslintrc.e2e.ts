// End to end on a default Nx 22 workspace (issue 17): create-nx-workspace@22.7.7 --preset=ts, then
// `nx add @nx/jest` and `nx add @nx/eslint` as they come (ESLint 8.57 with .eslintrc.json), an
// @nx/js library. Our packed packages must install with a plain `npm install -D` (no
// --legacy-peer-deps), `init` must infer our targets beside the official ones, and with lint errors
// and warnings, a failing test, untested code and a type error planted, every number of
// `nx run-many -t quality` must equal the tools' own: `eslint --format json .` in the project (ESLint
// 8.57's eslintrc cascade), `jest --json --coverage`, `tsc -b`.
//
// Environment (all optional): NXQ_E2E_KEEP=1 keeps the temp workspace; NXQ_E2E_BASE_CACHE=<dir>
// reuses the generated base across local runs (never in CI); NXQ_E2E_TIMINGS_FILE=<file>.
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HealthResultSchema, LintResultSchema, ReportSchema, TestResultSchema, TypecheckResultSchema } from '@nx-quality/core';
import type { ZodType } from 'zod';
import { workspaceScope } from '../tools/e2e/create-base-workspace';
import { Mismatches } from '../tools/e2e/mismatches';
import { createNx22EslintrcWorkspace, NX22_LIBS, NX22_PLANTED, plantNx22Defects } from '../tools/e2e/nx22-eslintrc-workspace';
import { phaseTimings, timePhase } from '../tools/e2e/phase-timer';
import { packTarballs } from '../tools/e2e/prepare-workspace';
import { eslintReference, jestReference, tscReference } from '../tools/e2e/reference-runs';
import { describeOutput, runCommand, workspaceBin, type CommandResult } from '../tools/e2e/run-command';

const RESULTS = 'dist/quality';
const ESLINT_CONFIG_NAMES = /^(\.eslintrc(\.(js|cjs|ya?ml|json))?|eslint\.config\.[cm]?[jt]s)$/;

let root: string;
let dir: string;
let scope: string;
let install: CommandResult;
let init: CommandResult;
let official: { lint: string[]; test: string[] };
let ours: { lint: string[]; test: string[] };
let run: CommandResult;
let graphTargets: GraphTargets;

const project = (lib: string) => `${scope}/${lib}`;
const nxEnv = () => ({ NX_CACHE_DIRECTORY: join(root, 'nx-cache') });

function readResult<T>(lib: string, file: string, schema: ZodType<T>): T | undefined {
  const path = join(dir, RESULTS, 'packages', lib, file);
  if (!existsSync(path)) return undefined;
  const parsed = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${project(lib)}: ${file} does not match its schema: ${parsed.error.message}`);
  return parsed.data;
}

type GraphTargets = Record<string, Record<string, { executor?: string; options?: { env?: Record<string, string> } }>>;

/** Every project's targets from one `nx graph --file` (each Nx command recomputes the graph without a daemon). */
function readGraphTargets(): GraphTargets {
  const file = join(root, 'graph.json');
  const result = runCommand(workspaceBin(dir, 'nx'), ['graph', `--file=${file}`], { cwd: dir, check: false, env: nxEnv() });
  if (!existsSync(file)) throw new Error(`nx graph --file wrote nothing\n${describeOutput(result)}`);
  const nodes = (JSON.parse(readFileSync(file, 'utf8')) as { graph: { nodes: Record<string, { data: { targets?: GraphTargets[string] } }> } }).graph.nodes;
  return Object.fromEntries(Object.entries(nodes).map(([name, node]) => [name, node.data.targets ?? {}]));
}

function configFilesOf(folder: string): string[] {
  return readdirSync(join(dir, folder)).filter((name) => ESLINT_CONFIG_NAMES.test(name)).sort();
}

beforeAll(async () => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'nxq-nx22-')));
  process.stderr.write(`[e2e] workspace root: ${root}\n`);
  const tarballs = await timePhase('pack tarballs', () => packTarballs(join(root, 'tarballs')));
  dir = await createNx22EslintrcWorkspace(root, 'nxq-nx22');
  scope = workspaceScope(dir);
  plantNx22Defects(dir);
  // A plain install, as the README says: an ERESOLVE on the eslint peer must fail this suite.
  install = await timePhase('npm install -D tarballs (no --legacy-peer-deps)', () =>
    runCommand('npm', ['install', '-D', '--no-audit', '--no-fund', ...tarballs], { cwd: dir, check: false }),
  );
  if (install.code !== 0) return;
  init = await timePhase('nx g @nx-quality/plugin:init', () =>
    runCommand(workspaceBin(dir, 'nx'), ['g', '@nx-quality/plugin:init', '--no-interactive'], { cwd: dir, check: false, env: nxEnv() }),
  );
  graphTargets = await timePhase('nx graph --file (official and our targets)', () => readGraphTargets());
  const withTarget = (target: string) => Object.keys(graphTargets).filter((name) => graphTargets[name]?.[target] !== undefined).sort();
  official = { lint: withTarget('lint'), test: withTarget('test') };
  ours = { lint: withTarget('quality-lint'), test: withTarget('quality-test') };
  run = await timePhase('nx run-many -t quality', () =>
    runCommand(workspaceBin(dir, 'nx'), ['run-many', '-t', 'quality', '--output-style=static'], { cwd: dir, check: false, env: nxEnv() }),
  );
});

afterAll(() => {
  const lines = phaseTimings().map((t) => `  ${t.ok ? ' ' : '!'} ${(t.durationMs / 1000).toFixed(1).padStart(6)}s  ${t.phase}`);
  process.stderr.write(`[e2e] phase timings:\n${lines.join('\n')}\n`);
  if (!root) return;
  if (process.env.NXQ_E2E_KEEP) process.stderr.write(`[e2e] kept ${root} (NXQ_E2E_KEEP)\n`);
  else rmSync(root, { recursive: true, force: true });
});

describe('a default Nx 22 workspace, as nx add @nx/eslint sets it up', () => {
  it('lints with ESLint 8.57 and .eslintrc.json files, no flat config', () => {
    const eslintVersion = (JSON.parse(readFileSync(join(dir, 'node_modules/eslint/package.json'), 'utf8')) as { version: string }).version;
    expect({
      eslint: eslintVersion.startsWith('8.57.'),
      root: configFilesOf('.'),
      libs: Object.fromEntries(NX22_LIBS.map((lib) => [lib, configFilesOf(`packages/${lib}`)])),
    }).toEqual({ eslint: true, root: ['.eslintrc.json'], libs: Object.fromEntries(NX22_LIBS.map((lib) => [lib, ['.eslintrc.json']])) });
  });

  it('installs our tarballs with a plain npm install -D (the peer ranges allow eslint 8.57)', () => {
    expect({ exitCode: install.code, output: install.code === 0 ? '' : describeOutput(install) }).toEqual({ exitCode: 0, output: '' });
  });

  it('init succeeds and our lint and test targets stand beside exactly the official ones', () => {
    expect({ exitCode: init?.code, output: init?.code === 0 ? '' : init && describeOutput(init) }).toEqual({ exitCode: 0, output: '' });
    expect(ours).toEqual(official);
    expect(official.lint).toEqual(NX22_LIBS.map(project).sort());
  });

  it('keeps the quality target on its own executor: Nx 22 caches a batch task under the hash it had before its dependencies ran', () => {
    const executors = Object.fromEntries(NX22_LIBS.map((lib) => [lib, graphTargets[project(lib)]?.['quality']?.executor]));
    expect(executors).toEqual(Object.fromEntries(NX22_LIBS.map((lib) => [lib, '@nx-quality/plugin:quality'])));
  });
});

describe('nx run-many -t quality: every number equals the tool’s own', () => {
  it('fails (alpha’s gates) with every task run', () => {
    expect({ exitCode: run?.code, failedTasks: /Failed tasks:/.test(`${run?.stdout}${run?.stderr}`) }).toEqual({ exitCode: 1, failedTasks: false });
  });

  it.each(NX22_LIBS)('%s: lint.json counts and per-rule numbers equal `eslint --format json .` run in the project (ESLint 8.57, eslintrc)', (lib) => {
    const ref = eslintReference(dir, `packages/${lib}`);
    const lint = readResult(lib, 'lint.json', LintResultSchema);
    const m = new Mismatches(project(lib));
    m.check(lint !== undefined, 'lint.json was not written');
    if (lint) {
      m.eq('lint.status', lint.status, ref.errors > 0 ? 'failed' : 'passed', 'eslint');
      m.eq('lint.tool.version', lint.tool.version.startsWith('8.57.'), true, 'node_modules/eslint');
      m.eq('lint.config', lint.config, `packages/${lib}/.eslintrc.json`, 'the generator');
      m.eq('lint.counts', { errors: lint.counts.errors, warnings: lint.counts.warnings, fixableErrors: lint.counts.fixableErrors, fixableWarnings: lint.counts.fixableWarnings, filesLinted: lint.counts.filesLinted }, {
        errors: ref.errors,
        warnings: ref.warnings,
        fixableErrors: ref.fixableErrors,
        fixableWarnings: ref.fixableWarnings,
        filesLinted: ref.filesLinted,
      }, 'eslint --format json');
      m.eq('lint.rules', lint.rules, ref.rules, 'eslint --format json');
    }
    if (lib === 'alpha') m.eq('planted rules', Object.keys(ref.rules).sort(), [...NX22_PLANTED.lintRules].sort(), 'the planted code');
    if (lib === 'alpha') m.check(ref.errors > 0 && ref.warnings > 0, `alpha has lint errors and warnings (eslint says ${ref.errors} errors, ${ref.warnings} warnings)`);
    expect(m.list).toEqual([]);
  });

  it.each(NX22_LIBS)('%s: test.json counts, failures and coverage equal `jest --json --coverage`', (lib) => {
    // Jest loads jest.config.cts through ts-node with the options @nx/jest/plugin gives its own target.
    const ref = jestReference(dir, `packages/${lib}`, [], graphTargets[project(lib)]?.['test']?.options?.env ?? {});
    const test = readResult(lib, 'test.json', TestResultSchema);
    const m = new Mismatches(project(lib));
    m.check(test !== undefined, 'test.json was not written');
    if (test) {
      m.eq('test.counts', test.counts, ref.counts, 'jest --json');
      m.eq('test.failures', test.failures.map((f) => f.fullName).sort(), ref.failedTests.map((f) => [...f.ancestorTitles, f.title].join(' › ')).sort(), 'jest --json');
      const pick = (t: { total: number; covered: number }) => ({ total: t.total, covered: t.covered });
      const totals = test.coverage?.totals;
      m.eq(
        'coverage totals',
        totals && { lines: pick(totals.lines), statements: pick(totals.statements), functions: pick(totals.functions), branches: pick(totals.branches) },
        { lines: pick(ref.coverageTotals.lines), statements: pick(ref.coverageTotals.statements), functions: pick(ref.coverageTotals.functions), branches: pick(ref.coverageTotals.branches) },
        'jest json-summary',
      );
    }
    if (lib === 'alpha') m.eq('planted failing test', ref.failedTests.map((f) => [...f.ancestorTitles, f.title].join(' ')), [NX22_PLANTED.failingTest], 'the planted spec');
    expect(m.list).toEqual([]);
  });

  it.each(NX22_LIBS)('%s: typecheck.json errors equal `tsc -b` (without the TS6305 cascade)', (lib) => {
    const ref = tscReference(dir, `packages/${lib}`);
    const typecheck = readResult(lib, 'typecheck.json', TypecheckResultSchema);
    const m = new Mismatches(project(lib));
    m.check(typecheck !== undefined, 'typecheck.json was not written');
    if (typecheck) {
      m.eq(
        'typecheck errors (file:line:column code)',
        typecheck.diagnostics.filter((d) => d.category === 'error').map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`).sort(),
        ref.root.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`).sort(),
        'tsc -b',
      );
      m.eq('typecheck.counts.errors', typecheck.counts.errors, ref.root.length, 'tsc -b');
    }
    if (lib === 'alpha') m.eq('planted type error', ref.root.map((d) => d.file), [NX22_PLANTED.typeErrorFile], 'the planted file');
    expect(m.list).toEqual([]);
  });

  it.each(NX22_LIBS)('%s: health.json is a result of ESLint 8.57 (its flat class), not HEALTH_ESLINT_TOO_OLD', (lib) => {
    const health = readResult(lib, 'health.json', HealthResultSchema);
    expect({ status: health?.status, error: health?.error?.code, eslint: /eslint@8\.57\./.test(health?.tool.version ?? '') }).toEqual({ status: 'passed', error: undefined, eslint: true });
  });

  it('the report fails exactly alpha and carries the recorded lint numbers', () => {
    const report = ReportSchema.parse(JSON.parse(readFileSync(join(dir, 'dist/quality-report/report.json'), 'utf8')));
    const lint = readResult('alpha', 'lint.json', LintResultSchema);
    expect({
      failing: report.projects.filter((p) => p.gate.status !== 'passed').map((p) => p.name),
      alphaLintErrors: report.projects.find((p) => p.name === project('alpha'))?.lint?.errors,
    }).toEqual({ failing: [project('alpha')], alphaLintErrors: lint?.counts.errors });
  });
});
