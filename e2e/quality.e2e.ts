// End to end on a real workspace: create-nx-workspace@23.2.1 (ts preset), four @nx/js libraries
// with Jest and ESLint, one with Vitest (`--unitTestRunner=vitest`) and one `node --test` library, our packed tarballs installed, `init` run,
// known defects planted. Every number nx-quality records is compared with the tool's own output on
// the same project. The workspace is prepared once; the describes below run in order on it.
//
// Environment (all optional): NXQ_E2E_KEEP=1 keeps the temp workspace (its path is printed);
// NXQ_E2E_BASE_CACHE=<dir> reuses a base workspace across local runs (never in CI);
// NXQ_E2E_PACK_WARN_ONLY=1 packs half-built packages; NXQ_E2E_TIMINGS_FILE=<file> appends phase timings.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import libCoverage from 'istanbul-lib-coverage';
import {
  HealthResultSchema,
  LintResultSchema,
  QualityResultSchema,
  ReportSchema,
  TestResultSchema,
  TypecheckResultSchema,
  type LintResult,
  type QualityResult,
  type ReportJson,
  type TestResult,
  type TypecheckResult,
} from '@nx-quality/core';
import type { ZodType } from 'zod';
import { hashTree } from '../tools/e2e/hash-tree';
import { Mismatches } from '../tools/e2e/mismatches';
import { isCacheHit, type ProbedTask } from '../tools/e2e/nx-task-probe';
import { tasksFromNxOutput } from '../tools/e2e/nx-run-output';
import { phaseTimings, timePhase } from '../tools/e2e/phase-timer';
import { PLANTED } from '../tools/e2e/plant-defects';
import {
  disposeWorkspace,
  JEST_LIBS,
  NODE_LIB,
  prepareWorkspace,
  VITEST_LIB,
  SUITE_KINDS,
  type PreparedWorkspace,
} from '../tools/e2e/prepare-workspace';
import {
  c8Reference,
  eslintReference,
  istanbulTotals,
  jestReference,
  nodeTestReference,
  tscReference,
  vitestReference,
  type CoverageTotals,
} from '../tools/e2e/reference-runs';
import { describeOutput, runCommand, workspaceBin, type CommandResult } from '../tools/e2e/run-command';

const ALL_LIBS = [...JEST_LIBS, VITEST_LIB, NODE_LIB];
/** The libraries whose planted defects fail their gates. */
const FAILING_LIBS = ['alpha', 'beta', 'gamma', VITEST_LIB];
const RESULTS = 'dist/quality';
const REPORT_DIR = 'dist/quality-report';

let ws: PreparedWorkspace;
let run1: CommandResult;
let run1Tasks: ProbedTask[];
let run1Hashes: Record<string, string>;
let run1Report: ReportJson | undefined;

/** The workspace's own Nx cache folder (never shared with another workspace or run). */
function nxEnv(): Record<string, string> {
  return { NX_CACHE_DIRECTORY: join(ws.root, 'nx-cache') };
}

/**
 * `nx <args>` in the workspace with static output (shown in messages; parsed only for Nx's own task
 * headers and lists, never for numbers). No NX_CACHE_FAILURES: inside a quality run the tool tasks
 * succeed whenever they recorded a result and the gates' verdict fails the command, so every task of
 * a failing workspace is cached like any other.
 */
function nx(args: string[]): CommandResult {
  return runCommand(workspaceBin(ws.dir, 'nx'), [...args, '--output-style=static'], { cwd: ws.dir, check: false, env: nxEnv() });
}

/** Every line of the violations one failing project's quality.json lists that the command's output does not. */
function violationsNotListed(result: CommandResult, libs: readonly string[]): string[] {
  const output = `${result.stdout}\n${result.stderr}`;
  return libs.flatMap((lib) => {
    const rel = `${RESULTS}/packages/${lib}/quality.json`;
    if (!existsSync(join(ws.dir, rel))) return [`${ws.project(lib)}: ${rel} was not written`];
    const quality = QualityResultSchema.parse(readJson(rel));
    if (quality.status !== 'failed') return [`${ws.project(lib)}: quality.json status ${quality.status}, expected failed`];
    if (quality.violations.length === 0) return [`${ws.project(lib)}: quality.json failed with no violation listed`];
    // The verdict names the project on every line; the violation text itself must be there as written.
    return quality.violations.map((line) => line.replace(/\s*\(project [^)]*\)\s*$/, '')).filter((line) => !output.includes(line)).map((line) => `${ws.project(lib)}: "${line}" is not in the output`);
  });
}

/** Kinds of result a library's targets write (nodelib has no tsconfig, so no typecheck). */
function toolKinds(lib: string): string[] {
  return lib === NODE_LIB ? ['test', 'lint'] : ['test', 'lint', 'typecheck'];
}

/** `<project> <kind>: <origin>` for every tool result of the given libraries, from the report. */
function resultOrigins(report: ReportJson, libs: readonly string[], kinds: (lib: string) => string[] = toolKinds): string[] {
  return libs.flatMap((lib) => {
    const row = projectRow(report, lib);
    return kinds(lib).map((kind) => {
      const state = row.results[kind];
      return `${ws.project(lib)} ${kind}: ${state ? `${state.origin}${state.lastKnown ? ' (last known)' : ''}` : 'absent'}`;
    });
  });
}

function readJson(relPath: string): unknown {
  return JSON.parse(readFileSync(join(ws.dir, relPath), 'utf8'));
}

/** Reads and validates one result file of a library; the error names the project and file. */
function readResult<T>(lib: string, file: string, schema: ZodType<T>): T {
  const rel = `${RESULTS}/packages/${lib}/${file}`;
  if (!existsSync(join(ws.dir, rel))) throw new Error(`${ws.project(lib)}: ${rel} was not written\n${describeOutput(run1, 4000)}`);
  const parsed = schema.safeParse(readJson(rel));
  if (!parsed.success) throw new Error(`${ws.project(lib)}: ${rel} does not match its schema: ${parsed.error.message}`);
  return parsed.data;
}

function readReport(): ReportJson {
  const rel = `${REPORT_DIR}/report.json`;
  if (!existsSync(join(ws.dir, rel))) throw new Error(`${rel} was not written by the postTasksExecution hook`);
  const parsed = ReportSchema.safeParse(readJson(rel));
  if (!parsed.success) throw new Error(`${rel} does not match the report schema: ${parsed.error.message}`);
  return parsed.data;
}

function projectRow(report: ReportJson, lib: string) {
  const row = report.projects.find((p) => p.name === ws.project(lib));
  if (!row) throw new Error(`report.json has no row for ${ws.project(lib)} (rows: ${report.projects.map((p) => p.name).join(', ')})`);
  return row;
}

/** Total/covered of the four istanbul dimensions (percentages follow from them). */
function coverageNumbers(totals: CoverageTotals | NonNullable<TestResult['coverage']>['totals']) {
  const pick = (m: { total: number; covered: number }) => ({ total: m.total, covered: m.covered });
  return { lines: pick(totals.lines), statements: pick(totals.statements), functions: pick(totals.functions), branches: pick(totals.branches) };
}

type GraphTargets = Record<string, { executor?: string; options?: Record<string, unknown>; dependsOn?: unknown[] }>;
let graph: { nodes: Record<string, { data: { targets?: GraphTargets } }> } | undefined;

/** The project graph as `nx graph --file` writes it (one Nx invocation for every project). */
function projectGraph(): NonNullable<typeof graph> {
  if (!graph) {
    const file = join(ws.root, 'graph.json');
    const result = runCommand(workspaceBin(ws.dir, 'nx'), ['graph', `--file=${file}`], { cwd: ws.dir, check: false, env: nxEnv() });
    if (!existsSync(file)) throw new Error(`nx graph --file wrote nothing\n${describeOutput(result)}`);
    graph = (JSON.parse(readFileSync(file, 'utf8')) as { graph: NonNullable<typeof graph> }).graph;
  }
  return graph;
}

/** The tasks of an invocation as Nx's own output lists them; none when Nx failed before running tasks (its output says why). */
function tasksOf(result: CommandResult): ProbedTask[] {
  return tasksFromNxOutput(`${result.stdout}\n${result.stderr}`);
}

function taskStatus(tasks: ProbedTask[], lib: string, target: string): string | undefined {
  return tasks.find((t) => t.project === ws.project(lib) && t.target === target)?.status;
}

beforeAll(async () => {
  ws = await prepareWorkspace();
  run1 = await timePhase('nx run-many -t quality (1st run)', () => nx(['run-many', '-t', 'quality']));
  run1Tasks = tasksOf(run1);
  run1Hashes = hashTree(join(ws.dir, RESULTS));
  if (existsSync(join(ws.dir, REPORT_DIR, 'report.json'))) run1Report = readReport();
});

afterAll(() => {
  const lines = phaseTimings().map((t) => `  ${t.ok ? ' ' : '!'} ${(t.durationMs / 1000).toFixed(1).padStart(6)}s  ${t.phase}`);
  process.stderr.write(`[e2e] phase timings:\n${lines.join('\n')}\n`);
  disposeWorkspace(ws);
});

describe('setup: packed packages installed, init, inferred targets', () => {
  it('init succeeds and registers the plugin in nx.json', () => {
    expect({ exitCode: ws.init.code, output: ws.init.code === 0 ? '' : describeOutput(ws.init) }).toEqual({ exitCode: 0, output: '' });
    const plugins = (readJson('nx.json') as { plugins?: (string | { plugin: string })[] }).plugins ?? [];
    expect(plugins.map((p) => (typeof p === 'string' ? p : p.plugin))).toContain('@nx-quality/plugin');
  });

  it.each(ALL_LIBS)('%s has a quality target depending on our test/lint/typecheck/health executors', (lib) => {
    const targets = projectGraph().nodes[ws.project(lib)]?.data.targets ?? {};
    // The tool targets share one executor (so Nx makes one batch of them); `tool` picks the tool.
    const executors = Object.fromEntries(Object.entries(targets).map(([name, t]) => [name, t.executor === '@nx-quality/plugin:tool' ? `tool:${String(t.options?.tool)}` : t.executor]));
    // nodelib's package.json has a `test` script, which Nx turns into a target that would replace an
    // inferred `test`; ours is then inferred as `quality-test`.
    const testTarget = lib === NODE_LIB ? 'quality-test' : 'test';
    const expected: Record<string, string> = {
      [testTarget]: 'tool:test',
      lint: 'tool:lint',
      health: 'tool:health',
      // Nx 23 hashes a batch task again once its dependencies ran, so the gates join the tools' batch.
      quality: 'tool:quality',
    };
    if (lib !== NODE_LIB) expected.typecheck = 'tool:typecheck';
    const qualityDeps = (targets.quality?.dependsOn ?? []).map((d) => (typeof d === 'string' ? d : (d as { target?: string }).target)).sort();
    expect({ project: ws.project(lib), executors, qualityDeps }).toMatchObject({
      project: ws.project(lib),
      executors: expected,
      qualityDeps: [...toolKinds(lib).map((kind) => (kind === 'test' ? testTarget : kind)), 'health'].sort(),
    });
  });
});

describe('nx run-many -t quality: recorded counts equal the tools’ own output', () => {
  it('exits 1 (a gate fails), every task succeeds (the gates judge), and the output lists every failing gate', () => {
    const notSucceeded = run1Tasks.filter((t) => t.status !== 'success').map((t) => `${t.id}: ${t.status}`);
    const statuses = {
      [`${ws.project('alpha')}:test`]: taskStatus(run1Tasks, 'alpha', 'test'),
      [`${ws.project('beta')}:lint`]: taskStatus(run1Tasks, 'beta', 'lint'),
      [`${ws.project('gamma')}:typecheck`]: taskStatus(run1Tasks, 'gamma', 'typecheck'),
      [`${ws.project(VITEST_LIB)}:test`]: taskStatus(run1Tasks, VITEST_LIB, 'test'),
      ...Object.fromEntries(ALL_LIBS.map((lib) => [`${ws.project(lib)}:quality`, taskStatus(run1Tasks, lib, 'quality')])),
    };
    expect({ exitCode: run1.code, notSucceeded, ...statuses, output: run1Tasks.length > 0 && run1.code === 1 ? '' : describeOutput(run1) }).toEqual({
      exitCode: 1,
      notSucceeded: [],
      output: '',
      [`${ws.project('alpha')}:test`]: 'success',
      [`${ws.project('beta')}:lint`]: 'success',
      [`${ws.project('gamma')}:typecheck`]: 'success',
      [`${ws.project(VITEST_LIB)}:test`]: 'success',
      ...Object.fromEntries(ALL_LIBS.map((lib) => [`${ws.project(lib)}:quality`, 'success'])),
    });
    expect(violationsNotListed(run1, FAILING_LIBS)).toEqual([]);
    expect(`${run1.stdout}\n${run1.stderr}`).toMatch(/nx-quality: 4 of 6 projects fail their quality gates/);
  });

  describe.each(JEST_LIBS)('%s', (lib) => {
    let test: TestResult;
    let lint: LintResult;
    let typecheck: TypecheckResult;

    beforeAll(() => {
      test = readResult(lib, 'test.json', TestResultSchema);
      lint = readResult(lib, 'lint.json', LintResultSchema);
      typecheck = readResult(lib, 'typecheck.json', TypecheckResultSchema);
    });

    it('test.json: counts, failures and coverage equal `jest --json --coverage`', () => {
      const ref = jestReference(ws.dir, `packages/${lib}`);
      const m = new Mismatches(ws.project(lib));
      m.eq('test.runner', test.runner, 'jest', 'the project setup');
      m.eq('test.counts', test.counts, ref.counts, 'jest --json');
      m.eq(
        'test.failures',
        test.failures.map((f) => ({ file: f.file, fullName: f.fullName })).sort((a, b) => a.fullName.localeCompare(b.fullName)),
        ref.failedTests
          .map((f) => ({ file: f.file, fullName: [...f.ancestorTitles, f.title].join(' › ') }))
          .sort((a, b) => a.fullName.localeCompare(b.fullName)),
        'jest --json',
      );
      m.check(test.coverage !== undefined, 'test.coverage is missing');
      if (test.coverage) {
        m.eq('test.coverage.totals', coverageNumbers(test.coverage.totals), coverageNumbers(ref.coverageTotals), 'jest --coverageReporters=json-summary');
        m.eq('test.coverage.files', test.coverage.files.map((f) => f.file).sort(), ref.coverageFiles, 'jest --coverageReporters=json-summary');
        const coverageFile = join(ws.dir, test.coverage.coverageFile);
        m.check(existsSync(coverageFile), `coverage-final.json missing at ${test.coverage.coverageFile}`);
        if (existsSync(coverageFile)) {
          const ist = istanbulTotals(coverageFile);
          m.eq('coverage-final.json totals', coverageNumbers(ist.totals), coverageNumbers(ref.coverageTotals), 'istanbul-lib-coverage vs jest');
          m.eq('coverage-final.json keys', ist.files, ref.coverageFiles, 'jest (workspace-relative keys expected)');
        }
      }
      expect(m.list).toEqual([]);
    });

    it('lint.json: counts per rule, fixable and files equal `eslint --format json`', () => {
      const ref = eslintReference(ws.dir, `packages/${lib}`);
      const m = new Mismatches(ws.project(lib));
      m.eq('lint.counts.errors', lint.counts.errors, ref.errors, 'eslint');
      m.eq('lint.counts.warnings', lint.counts.warnings, ref.warnings, 'eslint');
      m.eq('lint.counts.fixableErrors', lint.counts.fixableErrors, ref.fixableErrors, 'eslint');
      m.eq('lint.counts.fixableWarnings', lint.counts.fixableWarnings, ref.fixableWarnings, 'eslint');
      m.eq('lint.counts.filesLinted', lint.counts.filesLinted, ref.filesLinted, 'eslint');
      m.eq('lint.rules', lint.rules, ref.rules, 'eslint');
      expect(m.list).toEqual([]);
    });

    it('typecheck.json: root errors and codes equal `tsc -b` (without the TS6305 cascade)', () => {
      const ref = tscReference(ws.dir, `packages/${lib}`);
      const m = new Mismatches(ws.project(lib));
      const codes: Record<string, number> = {};
      for (const d of ref.root) codes[d.code] = (codes[d.code] ?? 0) + 1;
      m.eq('typecheck.counts.errors', typecheck.counts.errors, ref.root.length, 'tsc -b');
      m.eq('typecheck.codes', typecheck.codes, codes, 'tsc -b');
      m.eq(
        'typecheck.diagnostics (file:line:column code)',
        typecheck.diagnostics.filter((d) => d.category === 'error').map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`).sort(),
        ref.root.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`).sort(),
        'tsc -b',
      );
      expect(m.list).toEqual([]);
    });
  });

  it('the planted defects are where they were planted', () => {
    const alpha = readResult('alpha', 'test.json', TestResultSchema);
    const beta = readResult('beta', 'lint.json', LintResultSchema);
    const gamma = readResult('gamma', 'typecheck.json', TypecheckResultSchema);
    // Istanbul's own function map: which named functions of alpha.ts never ran (SWC's export getters
    // are functions too, so the file's function count alone would not say which one).
    const alphaMap = alpha.coverage ? libCoverage.createCoverageMap(JSON.parse(readFileSync(join(ws.dir, alpha.coverage.coverageFile), 'utf8'))) : undefined;
    const alphaFn = alphaMap?.files().includes(PLANTED.uncoveredFunction.file) ? alphaMap.fileCoverageFor(PLANTED.uncoveredFunction.file).data : undefined;
    const uncoveredNamed = alphaFn
      ? Object.entries(alphaFn.fnMap)
          .filter(([id, fn]) => ['alpha', 'add', PLANTED.uncoveredFunction.name].includes(fn.name) && alphaFn.f[id] === 0)
          .map(([, fn]) => fn.name)
      : undefined;
    expect({
      [`${ws.project('alpha')} tests failed/skipped/todo`]: [alpha.counts.failed, alpha.counts.skipped, alpha.counts.todo],
      [`${ws.project('alpha')} failing test`]: alpha.failures.map((f) => f.fullName),
      [`${ws.project('alpha')} ${PLANTED.uncoveredFunction.file} uncovered functions`]: uncoveredNamed,
      [`${ws.project('beta')} lint errors per rule`]: Object.fromEntries(PLANTED.lintErrors.rules.map((r) => [r, beta.rules[r]?.errors])),
      [`${ws.project('gamma')} type errors`]: gamma.diagnostics.filter((d) => d.code !== 'TS6305').map((d) => `${d.file}:${d.line} ${d.code}`),
    }).toEqual({
      [`${ws.project('alpha')} tests failed/skipped/todo`]: [1, 1, 1],
      [`${ws.project('alpha')} failing test`]: [`alpha › ${PLANTED.failingTest.title}`],
      [`${ws.project('alpha')} ${PLANTED.uncoveredFunction.file} uncovered functions`]: [PLANTED.uncoveredFunction.name],
      [`${ws.project('beta')} lint errors per rule`]: { 'prefer-const': 1, 'no-debugger': 1 },
      [`${ws.project('gamma')} type errors`]: [`${PLANTED.typeError.file}:${PLANTED.typeError.line} ${PLANTED.typeError.code}`],
    });
  });

  it.each(ALL_LIBS)('%s: health.json is recorded even where a tool task failed (health does not depend on them)', (lib) => {
    const health = readResult(lib, 'health.json', HealthResultSchema);
    expect({ project: ws.project(lib), status: health.status }).toEqual({ project: ws.project(lib), status: 'passed' });
  });

  it.each(FAILING_LIBS)('%s: quality.json is written and fails its gates', (lib) => {
    const quality: QualityResult = readResult(lib, 'quality.json', QualityResultSchema);
    expect({ project: ws.project(lib), status: quality.status, violations: quality.violations.length > 0 }).toEqual({
      project: ws.project(lib),
      status: 'failed',
      violations: true,
    });
  });

  it.each(['delta', NODE_LIB])('%s: quality.json passes its gates', (lib) => {
    const quality: QualityResult = readResult(lib, 'quality.json', QualityResultSchema);
    readResult(lib, 'health.json', HealthResultSchema);
    expect({ project: ws.project(lib), status: quality.status, violations: quality.violations }).toEqual({
      project: ws.project(lib),
      status: 'passed',
      violations: [],
    });
  });
});

describe('workspace report written after the run (postTasksExecution hook)', () => {
  let report: ReportJson;
  let markdown: string;
  beforeAll(() => {
    report = readReport();
    markdown = readFileSync(join(ws.dir, REPORT_DIR, 'report.md'), 'utf8');
  });

  it('is written by the hook and labels every result of this run fresh', () => {
    expect(report.producer).toBe('hook');
    const origins = resultOrigins(report, ALL_LIBS);
    expect(origins).toEqual(origins.map((line) => line.replace(/: .*$/, ': fresh')));
    // Every project's quality task ran, the failing ones too (the gates judge, tool tasks succeed).
    const gated = resultOrigins(report, ALL_LIBS, () => ['quality', 'health']);
    expect(gated).toEqual(gated.map((line) => line.replace(/: .*$/, ': fresh')));
  });

  it('lists every planted failure as a failing condition and in report.md', () => {
    const failing = report.failingConditions.map((c) => `${c.project} ${c.metric}`);
    expect(failing).toEqual(
      expect.arrayContaining([
        `${ws.project('alpha')} tests.failed`,
        `${ws.project('alpha')} coverage.lines`,
        `${ws.project('beta')} lint.errors`,
        `${ws.project('gamma')} typecheck.errors`,
      ]),
    );
    const alpha = projectRow(report, 'alpha');
    const beta = projectRow(report, 'beta');
    const gamma = projectRow(report, 'gamma');
    expect({
      [`${alpha.name} failures`]: alpha.failures.map((f) => f.fullName),
      [`${beta.name} lint rules with errors`]: beta.lint?.topRules.filter((r) => r.errors > 0).map((r) => `${r.rule} ${r.errors}`).sort(),
      [`${gamma.name} type error codes`]: gamma.typecheck?.topCodes.map((c) => `${c.code} ${c.count}`),
    }).toEqual({
      [`${alpha.name} failures`]: [`alpha › ${PLANTED.failingTest.title}`],
      [`${beta.name} lint rules with errors`]: ['no-debugger 1', 'prefer-const 1'],
      [`${gamma.name} type error codes`]: [`${PLANTED.typeError.code} 1`],
    });
    // Markdown is read as text here; entity-escaped characters count as what they render.
    const text = markdown.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
    const html = readFileSync(join(ws.dir, REPORT_DIR, 'index.html'), 'utf8');
    const missing = [
      ...report.failingConditions.map((c) => ({ where: 'report.md', text: c.message ?? `${c.metric} (message missing)`, in: text })),
      ...[PLANTED.failingTest.title, ...PLANTED.lintErrors.rules, PLANTED.typeError.code].map((t) => ({ where: 'index.html', text: t, in: html })),
    ]
      .filter((item) => !item.in.includes(item.text))
      .map((item) => `${item.where} does not mention "${item.text}"`);
    expect(missing).toEqual([]);
    for (const lib of ['delta', NODE_LIB]) expect({ project: ws.project(lib), gate: projectRow(report, lib).gate.status }).toEqual({ project: ws.project(lib), gate: 'passed' });
  });

  it('per-project numbers equal the result files, and merged coverage equals istanbul’s merge of them', () => {
    const m = new Mismatches('workspace');
    const map = libCoverage.createCoverageMap({});
    let tests = { total: 0, passed: 0, failed: 0, skipped: 0, todo: 0 };
    for (const lib of ALL_LIBS) {
      const row = projectRow(report, lib);
      // A missing result is one mismatch here (the counts of the other projects are still checked).
      const result = <T>(file: string, schema: ZodType<T>): T | undefined => {
        const exists = existsSync(join(ws.dir, RESULTS, 'packages', lib, file));
        m.check(exists, `${ws.project(lib)} ${RESULTS}/packages/${lib}/${file} was not written`);
        return exists ? readResult(lib, file, schema) : undefined;
      };
      const test = result('test.json', TestResultSchema);
      const lint = result('lint.json', LintResultSchema);
      const typecheck = lib === NODE_LIB ? undefined : result('typecheck.json', TypecheckResultSchema);
      if (test) m.eq(`${ws.project(lib)} report tests.counts`, row.tests?.counts, test.counts, 'test.json');
      if (lint) m.eq(`${ws.project(lib)} report lint.errors`, row.lint?.errors, lint.counts.errors, 'lint.json');
      if (typecheck) m.eq(`${ws.project(lib)} report typecheck.errors`, row.typecheck?.errors, typecheck.counts.errors, 'typecheck.json');
      if (!test) continue;
      tests = {
        total: tests.total + test.counts.total,
        passed: tests.passed + test.counts.passed,
        failed: tests.failed + test.counts.failed,
        skipped: tests.skipped + test.counts.skipped,
        todo: tests.todo + test.counts.todo,
      };
      if (test.coverage) map.merge(JSON.parse(readFileSync(join(ws.dir, test.coverage.coverageFile), 'utf8')));
    }
    m.eq('report totals.tests', report.totals.tests, tests, 'sum of test.json');
    const merged = join(ws.dir, REPORT_DIR, 'coverage-final.json');
    m.check(existsSync(merged), `${REPORT_DIR}/coverage-final.json was not written`);
    const expected = coverageNumbers(map.getCoverageSummary().toJSON() as unknown as CoverageTotals);
    if (existsSync(merged)) m.eq('merged coverage-final.json totals', coverageNumbers(istanbulTotals(merged).totals), expected, 'istanbul merge of per-project files');
    m.eq('report totals.coverage', report.totals.coverage && coverageNumbers(report.totals.coverage), expected, 'istanbul merge of per-project files');
    expect(m.list).toEqual([]);
  });
});

describe(`node --test library (${NODE_LIB})`, () => {
  it('test.json equals node --test’s own summary and c8’s coverage', () => {
    const test = readResult(NODE_LIB, 'test.json', TestResultSchema);
    const m = new Mismatches(ws.project(NODE_LIB));
    m.eq('test.runner', test.runner, 'node', 'the project setup');
    m.eq('test.counts', test.counts, nodeTestReference(ws.dir, `packages/${NODE_LIB}`), 'node --test');
    const c8 = c8Reference(ws.dir, `packages/${NODE_LIB}`);
    m.check(test.coverage !== undefined, 'test.coverage is missing');
    if (test.coverage) {
      m.eq('test.coverage.totals', coverageNumbers(test.coverage.totals), coverageNumbers(c8.totals), 'c8 json-summary');
      m.eq('test.coverage.files', test.coverage.files.map((f) => f.file).sort(), c8.files, 'c8 json-summary');
    }
    expect(m.list).toEqual([]);
  });

  it('appears in the workspace report and in the merged coverage', () => {
    const report = run1Report ?? readReport();
    const row = projectRow(report, NODE_LIB);
    expect({ project: row.name, tests: (row.tests?.counts.total ?? 0) > 0, hasCoverage: row.coverage !== null }).toEqual({
      project: ws.project(NODE_LIB),
      tests: true,
      hasCoverage: true,
    });
    const merged = istanbulTotals(join(ws.dir, REPORT_DIR, 'coverage-final.json'));
    expect(merged.files).toContain(`packages/${NODE_LIB}/src/index.js`);
  });
});

describe(`Vitest library made by Nx's generator (${VITEST_LIB})`, () => {
  it('test.json: counts, failures and coverage equal `vitest run --reporter=json --coverage`', () => {
    const test = readResult(VITEST_LIB, 'test.json', TestResultSchema);
    const ref = vitestReference(ws.dir, `packages/${VITEST_LIB}`);
    const m = new Mismatches(ws.project(VITEST_LIB));
    m.eq('test.runner', test.runner, 'vitest', 'the project setup (@nx/vitest)');
    m.eq('test.counts', test.counts, ref.counts, 'vitest --reporter=json');
    m.eq('test.counts (planted)', test.counts, { total: 7, passed: 4, failed: 1, skipped: 1, todo: 1 }, 'the planted tests');
    m.eq(
      'test.failures',
      test.failures.map((f) => ({ file: f.file, fullName: f.fullName })),
      ref.failedTests.map((f) => ({ file: f.file, fullName: [...f.ancestorTitles, f.title].join(' › ') })),
      'vitest --reporter=json',
    );
    m.eq('failure line', test.failures.map((f) => f.file === PLANTED.vitest.file && typeof f.line === 'number'), [true], 'the planted failing test');
    m.check(test.coverage !== undefined, 'test.coverage is missing');
    if (test.coverage) {
      m.eq('test.coverage.totals', coverageNumbers(test.coverage.totals), coverageNumbers(ref.coverageTotals), 'vitest --coverage (json reporter coverageMap)');
      m.eq('test.coverage.files', test.coverage.files.map((f) => f.file).sort(), ref.coverageFiles, 'vitest --coverage');
      const coverageFile = join(ws.dir, test.coverage.coverageFile);
      const ist = istanbulTotals(coverageFile);
      m.eq('coverage-final.json totals', coverageNumbers(ist.totals), coverageNumbers(ref.coverageTotals), 'istanbul-lib-coverage vs vitest');
      m.eq('coverage-final.json keys', ist.files, ref.coverageFiles, 'vitest (workspace-relative keys expected)');
      const data = libCoverage.createCoverageMap(JSON.parse(readFileSync(coverageFile, 'utf8'))).fileCoverageFor(PLANTED.vitest.uncoveredFunction.file).data;
      const uncovered = Object.entries(data.fnMap).filter(([id]) => data.f[id] === 0).map(([, fn]) => fn.name);
      m.eq('uncovered functions', uncovered, [PLANTED.vitest.uncoveredFunction.name], 'the planted coverage gap');
    }
    expect(m.list).toEqual([]);
  });

  it('appears in the merged coverage and the test-kind matrix of the report', () => {
    const report = run1Report ?? readReport();
    const row = projectRow(report, VITEST_LIB);
    const test = readResult(VITEST_LIB, 'test.json', TestResultSchema);
    expect({ project: row.name, counts: row.tests?.counts, unit: row.testKinds['unit'] && { tests: row.testKinds['unit'].tests, counted: row.testKinds['unit'].counted } }).toEqual({
      project: ws.project(VITEST_LIB),
      counts: test.counts,
      unit: { tests: test.counts.total, counted: 'executed' },
    });
    expect(report.failingConditions.map((c) => `${c.project} ${c.metric}`)).toContain(`${ws.project(VITEST_LIB)} tests.failed`);
    const merged = istanbulTotals(join(ws.dir, REPORT_DIR, 'coverage-final.json'));
    expect(merged.files).toContain(PLANTED.vitest.uncoveredFunction.file);
  });
});

describe('generators on a clean library (delta): error hierarchy + test suite, then quality passes', () => {
  let deltaRun: CommandResult;
  beforeAll(async () => {
    deltaRun = await timePhase('nx run delta:quality', () => nx(['run', `${ws.project('delta')}:quality`]));
  });

  it('both generators succeed', () => {
    expect(ws.generators.skipped).toBeUndefined();
    const outcome = (r?: CommandResult) => (r ? { exitCode: r.code, output: r.code === 0 ? '' : describeOutput(r) } : 'not run');
    expect({ errorHierarchy: outcome(ws.generators.errorHierarchy), testSuite: outcome(ws.generators.testSuite) }).toEqual({
      errorHierarchy: { exitCode: 0, output: '' },
      testSuite: { exitCode: 0, output: '' },
    });
  });

  it('nx run delta:quality passes: tests pass, no lint or type errors', () => {
    expect({ exitCode: deltaRun.code, output: deltaRun.code === 0 ? '' : describeOutput(deltaRun) }).toEqual({ exitCode: 0, output: '' });
    const test = readResult('delta', 'test.json', TestResultSchema);
    const m = new Mismatches(ws.project('delta'));
    m.check(test.counts.failed === 0 && test.suites.errored === 0, `has failing tests: ${JSON.stringify(test.failures)}`);
    m.check(test.counts.passed > 1, `ran only ${test.counts.passed} passing tests; the generated specs did not run`);
    m.eq('lint.counts.errors', readResult('delta', 'lint.json', LintResultSchema).counts.errors, 0, 'a clean project');
    m.eq('typecheck.counts.errors', readResult('delta', 'typecheck.json', TypecheckResultSchema).counts.errors, 0, 'a clean project');
    expect(m.list).toEqual([]);
  });

  it('the generated error module is 100% covered', () => {
    const created = (ws.generators.errorHierarchy?.stdout ?? '')
      .split('\n')
      .map((line) => /CREATE\s+(\S+\.ts)\s*$/.exec(line)?.[1])
      .filter((file): file is string => file !== undefined && !/\.(spec|test)\.ts$/.test(file));
    expect(created.length).toBeGreaterThan(0);
    const files = readResult('delta', 'test.json', TestResultSchema).coverage?.files ?? [];
    const notFull = created
      .map((file) => ({ file, cov: files.find((f) => f.file === file) }))
      .filter(({ cov }) => !cov || [cov.lines, cov.statements, cov.functions, cov.branches].some((d) => d.covered !== d.total))
      .map(({ file, cov }) => `${ws.project('delta')} ${file}: ${cov ? JSON.stringify(coverageNumbers(cov)) : 'not in coverage'}`);
    expect(notFull).toEqual([]);
  });

  it('the report counts tests under the three kinds', () => {
    const row = projectRow(readReport(), 'delta');
    const kinds = Object.fromEntries(SUITE_KINDS.map((k) => [k, (row.testKinds[k]?.tests ?? 0) > 0]));
    expect({ project: row.name, kinds }).toEqual({ project: ws.project('delta'), kinds: Object.fromEntries(SUITE_KINDS.map((k) => [k, true])) });
  });
});

describe('second run after deleting dist/quality: every task a cache hit, identical results', () => {
  let run2: CommandResult;
  let run2Tasks: ProbedTask[];
  let run2Start: number;
  beforeAll(async () => {
    rmSync(join(ws.dir, RESULTS), { recursive: true, force: true });
    run2Start = Date.now();
    run2 = await timePhase('nx run-many -t quality (2nd run, cache)', () => nx(['run-many', '-t', 'quality']));
    run2Tasks = tasksOf(run2);
  });

  it('runs the same tasks, every one a cache hit (no NX_CACHE_FAILURES), exits 1 again and lists the same failing gates', () => {
    const ran1 = run1Tasks.map((t) => t.id).sort();
    const ran2 = run2Tasks.map((t) => t.id).sort();
    // Not vacuous: the first run did run every library's tool targets.
    expect(ran1).toEqual(expect.arrayContaining([...JEST_LIBS, VITEST_LIB].flatMap((lib) => ['test', 'lint', 'typecheck', 'quality'].map((t) => `${ws.project(lib)}:${t}`))));
    expect(ran2).toEqual(ran1);
    expect(run2Tasks.filter((t) => !isCacheHit(t)).map((t) => `${t.id}: ${t.status}`)).toEqual([]);
    expect({ exitCode: run2.code, output: run2.code === 1 ? '' : describeOutput(run2) }).toEqual({ exitCode: 1, output: '' });
    expect(violationsNotListed(run2, FAILING_LIBS)).toEqual([]);
  });

  it('restores byte-identical result files, produced before the second run started', () => {
    const run2Hashes = hashTree(join(ws.dir, RESULTS));
    expect(Object.keys(run1Hashes)).toEqual(
      expect.arrayContaining([...JEST_LIBS, VITEST_LIB].flatMap((lib) => ['test.json', 'coverage-final.json', 'lint.json', 'typecheck.json'].map((f) => `packages/${lib}/${f}`))),
    );
    const diff = [...new Set([...Object.keys(run1Hashes), ...Object.keys(run2Hashes)])]
      .filter((file) => run1Hashes[file] !== run2Hashes[file])
      .map((file) => `${RESULTS}/${file}: ${run1Hashes[file] ? (run2Hashes[file] ? 'differs' : 'not restored') : 'new'}`);
    expect(diff).toEqual([]);
    const rerun = Object.keys(run2Hashes)
      .filter((file) => file.endsWith('.json') && !file.endsWith('coverage-final.json'))
      .map((file) => ({ file, startedAt: (readJson(`${RESULTS}/${file}`) as { startedAt?: string; evaluatedAt?: string }) }))
      .map(({ file, startedAt: r }) => ({ file, at: r.startedAt ?? r.evaluatedAt }))
      .filter(({ at }) => at !== undefined && Date.parse(at) >= run2Start)
      .map(({ file, at }) => `${RESULTS}/${file} was produced at ${at}, during the second run (not restored from cache)`);
    expect(rerun).toEqual([]);
  });

  it('the report has the same content as after the first run', () => {
    // Everything but where results came from (fresh → cached) and when the report was generated.
    const comparable = (r: ReportJson | undefined) =>
      r && {
        totals: { ...r.totals, resultOrigins: undefined },
        failingConditions: r.failingConditions,
        projects: r.projects.map((p) => ({ ...p, origin: undefined, results: undefined })),
        gaps: r.gaps,
        testKinds: r.testKinds,
      };
    expect(comparable(readReport())).toEqual(comparable(run1Report));
  });

  it('the report labels every restored result cached', () => {
    const origins = resultOrigins(readReport(), ALL_LIBS);
    expect(origins).toEqual(origins.map((line) => line.replace(/: .*$/, ': cached')));
  });
});

describe('nx affected after touching one project', () => {
  let affected: CommandResult;
  let report: ReportJson;
  beforeAll(async () => {
    const file = join(ws.dir, PLANTED.typeError.file);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n/** Touched by the e2e test to make gamma affected. */\nexport const touched = true;\n`);
    runCommand('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.com', 'commit', '-q', '-a', '-m', 'touch gamma'], { cwd: ws.dir });
    affected = await timePhase('nx affected -t quality', () => nx(['affected', '-t', 'quality', '--base=HEAD~1', '--head=HEAD']));
    report = readReport();
  });

  it('runs only the touched project', () => {
    const projects = [...new Set(tasksOf(affected).map((t) => t.project))];
    expect({ projects, output: projects.includes(ws.project('gamma')) ? '' : describeOutput(affected) }).toEqual({ projects: [ws.project('gamma')], output: '' });
  });

  it('labels the touched project fresh and the others not run, with their last known results', () => {
    const others = ALL_LIBS.filter((lib) => lib !== 'gamma');
    const labels = [...resultOrigins(report, ['gamma']), ...resultOrigins(report, others)];
    expect(labels).toEqual([
      ...resultOrigins(report, ['gamma']).map((line) => line.replace(/: .*$/, ': fresh')),
      ...resultOrigins(report, others).map((line) => line.replace(/: .*$/, ': not-run (last known)')),
    ]);
    expect(report.invocation?.projectsRun).toEqual([ws.project('gamma')]);
    const markdown = readFileSync(join(ws.dir, REPORT_DIR, 'report.md'), 'utf8');
    expect(others.filter((lib) => !markdown.includes(ws.project(lib))).map((lib) => `report.md does not list ${ws.project(lib)}`)).toEqual([]);
  });
});
