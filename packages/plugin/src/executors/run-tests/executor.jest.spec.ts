import { TestResultSchema, type TestResult } from '@nx-quality/core';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCoverageMap } from 'istanbul-lib-coverage';
import { createContext } from 'istanbul-lib-report';
import { create as createReport } from 'istanbul-reports';
import { copyFixture } from '../../test-support/copy-fixture';
import { runInChild } from '../../test-support/run-in-child';
import type { JestAggregatedResult } from './jest-result-types';

// Real Jest runs of the executor on fixture projects, in a child process; every number is checked
// against Jest's own `--json` output and istanbul's own summary on the same fixture.
jest.setTimeout(120_000);

const EXECUTOR = join(__dirname, 'executor.ts');
const JEST_BIN = require.resolve('jest/bin/jest');
let ws: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir: ws, cleanup } = copyFixture(join(__dirname, '__fixtures__/jest-workspace'), 'jest-ws'));
});
afterAll(() => cleanup());

/** The executor context of the project at `root` in the fixture workspace (named after its folder). */
function contextFor(root: string) {
  const name = root === '.' ? 'workspace-root' : root.split('/').pop()!;
  return { root: ws, cwd: ws, isVerbose: false, projectName: name, projectsConfigurations: { version: 2, projects: { [name]: { root } } } };
}

async function runExecutor(root: string, options: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = {}): Promise<{ success: boolean; result: TestResult }> {
  const { value } = await runInChild<{ success: boolean }>(EXECUTOR, 'default', [options, contextFor(root)], { env });
  const result = TestResultSchema.parse(JSON.parse(readFileSync(join(ws, 'dist/quality', root, 'test.json'), 'utf8')));
  return { success: value.success, result };
}

/** Jest's `--json` output: the counts of its AggregatedResult, and each file's assertions. */
type JestJson = Omit<JestAggregatedResult, 'testResults'> & {
  testResults: { name: string; assertionResults: { ancestorTitles: string[]; title: string; status: string }[] }[];
};

/** Jest's own CLI on the same project: `--json` results plus istanbul's json-summary of its coverage (and, asked, its coverage-final.json). */
function jestCli(
  configFile: string,
  cwd = ws,
  extra: { coverageFinal?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<{ json: JestJson; coverageTotals: Record<string, { total: number; covered: number; pct: number }>; coverageFinal?: string }> {
  const out = mkdtempSync(join(ws, '.jest-cli-'));
  const reporters = ['--coverageReporters=json-summary', ...(extra.coverageFinal ? ['--coverageReporters=json'] : [])];
  const args = [JEST_BIN, '--json', `--outputFile=${join(out, 'results.json')}`, '--config', configFile, '--coverage', ...reporters, `--coverageDirectory=${out}`];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd, env: { ...process.env, NODE_ENV: undefined, FORCE_COLOR: '0', ...extra.env } }, () => {
      try {
        resolve({
          json: JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as JestJson,
          coverageTotals: JSON.parse(readFileSync(join(out, 'coverage-summary.json'), 'utf8')).total,
          ...(extra.coverageFinal ? { coverageFinal: join(out, 'coverage-final.json') } : {}),
        });
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** Jest's own counts in test.json's shape. */
function countsOf(json: JestJson) {
  return { total: json.numTotalTests, passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests, todo: json.numTodoTests };
}

/** istanbul's own json-summary of a coverage-final.json. */
function istanbulTotals(coverageFile: string): Record<string, { total: number; covered: number; pct: number }> {
  const dir = mkdtempSync(join(ws, '.istanbul-'));
  const map = createCoverageMap(JSON.parse(readFileSync(coverageFile, 'utf8')));
  createReport('json-summary').execute(createContext({ dir, coverageMap: map }));
  return JSON.parse(readFileSync(join(dir, 'coverage-summary.json'), 'utf8')).total;
}

/** Coverage data written to a file of its own, for istanbulTotals. */
function writeJson(data: unknown): string {
  const file = join(mkdtempSync(join(ws, '.merged-')), 'coverage-final.json');
  writeFileSync(file, JSON.stringify(data));
  return file;
}

function pick(totals: Record<string, { total: number; covered: number; pct: number }>) {
  return Object.fromEntries(
    ['lines', 'statements', 'functions', 'branches'].map((key) => [key, { total: totals[key]!.total, covered: totals[key]!.covered, pct: totals[key]!.pct }]),
  );
}

describe('test executor with real Jest', () => {
  it('records passing, failing, skipped and todo tests and a file that cannot run exactly as `jest --json` does', async () => {
    const [{ success, result }, cli] = await Promise.all([runExecutor('libs/mixed'), jestCli('libs/mixed/jest.config.js')]);
    const { json } = cli;

    expect(success).toBe(false);
    expect(result.status).toBe('failed');
    expect(result.tool).toEqual({ name: 'jest', version: require('jest/package.json').version });
    expect(result.counts).toEqual(countsOf(json));
    // The fixture's known content, so a broken comparison cannot pass by agreeing on zeros.
    expect(result.counts).toEqual({ total: 9, passed: 3, failed: 2, skipped: 2, todo: 2 });
    expect(result.suites).toEqual({
      total: json.numTotalTestSuites,
      passed: json.numPassedTestSuites,
      failed: json.numFailedTestSuites,
      errored: json.numRuntimeErrorTestSuites,
    });
    expect(result.suites.errored).toBe(1);

    const jestFailures = json.testResults
      .flatMap((file) => file.assertionResults.filter((test) => test.status === 'failed').map((test) => [...test.ancestorTitles, test.title].join(' › ')))
      .sort();
    expect(result.failures.filter((failure) => failure.fullName !== '(test file failed to run)').map((failure) => failure.fullName).sort()).toEqual(jestFailures);
    expect(result.failures).toContainEqual({
      file: 'libs/mixed/src/math.spec.ts',
      fullName: 'math › add › is wrong on purpose',
      message: 'Error: expect(received).toBe(expected) // Object.is equality\n\nExpected: 3\nReceived: 2',
      line: 10,
      column: 25,
    });
    const broken = result.files.find((file) => file.file === 'libs/mixed/src/broken.spec.js');
    expect(broken).toMatchObject({ status: 'error', failureMessage: expect.stringContaining('SyntaxError') });
    expect(result.files.map((file) => file.file)).toEqual(['libs/mixed/src/broken.spec.js', 'libs/mixed/src/math.spec.ts', 'libs/mixed/src/strings.spec.ts']);
    expect(result.files.find((file) => file.file === 'libs/mixed/src/math.spec.ts')!.counts).toEqual({ total: 6, passed: 2, failed: 1, skipped: 2, todo: 1 });

    // Coverage: totals equal istanbul's summary of Jest's own run and of the file we wrote.
    const coverageFile = join(ws, 'dist/quality/libs/mixed/coverage-final.json');
    expect(result.coverage!.coverageFile).toBe('dist/quality/libs/mixed/coverage-final.json');
    expect(pick(result.coverage!.totals)).toEqual(pick(cli.coverageTotals));
    expect(pick(result.coverage!.totals)).toEqual(pick(istanbulTotals(coverageFile)));
    const written = JSON.parse(readFileSync(coverageFile, 'utf8'));
    expect(Object.keys(written)).toEqual(['libs/mixed/src/math.ts']);
    const math = written['libs/mixed/src/math.ts'];
    const neverCalled = Object.entries(math.fnMap as Record<string, { name: string }>).find(([, fn]) => fn.name === 'neverCalled')!;
    expect(math.f[neverCalled[0]]).toBe(0);
    expect(result.coverage!.files).toEqual([expect.objectContaining({ file: 'libs/mixed/src/math.ts', functions: { total: 3, covered: 2, skipped: 0, pct: 66.66 } })]);
    // Jest's own reporters stayed off: nothing written into the project.
    expect(existsSync(join(ws, 'libs/mixed/coverage'))).toBe(false);
  });

  it('loads an Nx-generated jest.config.cts that ts-node would reject, with its relative preset', async () => {
    const { success, result } = await runExecutor('libs/nx-style');
    expect(success).toBe(true);
    expect(result).toMatchObject({ status: 'passed', counts: { total: 1, passed: 1, failed: 0, skipped: 0, todo: 0 }, suites: { total: 1, passed: 1, errored: 0 } });
    expect(result.coverage!.thresholdViolations).toEqual([]);
    // The preset asks for an html coverage report and the config for a coverageDirectory: not written.
    expect(existsSync(join(ws, 'libs/nx-style/test-output'))).toBe(false);
  });

  it('fails on an unmet coverage threshold with one sentence per violation', async () => {
    const { success, result } = await runExecutor('libs/nx-style', { coverageThreshold: { functions: 100, lines: 10 } });
    expect(success).toBe(false);
    expect(result.status).toBe('failed');
    expect(result.counts.failed).toBe(0);
    // farewell() is never called; swc's output decides the exact function total, istanbul the percentage.
    const functions = result.coverage!.totals.functions;
    expect(functions.covered).toBeLessThan(functions.total);
    expect(result.coverage!.thresholdViolations).toEqual([`coverage.functions ${functions.pct}% < 100% (project nx-style)`]);
  });

  it('calls an async function exported by jest.config.mts', async () => {
    const { success, result } = await runExecutor('libs/async-config');
    expect(success).toBe(true);
    expect(result.counts).toEqual({ total: 1, passed: 1, failed: 0, skipped: 0, todo: 0 });
  });

  it('records a config that throws as status error naming the file and the cause', async () => {
    const { success, result } = await runExecutor('libs/throwing');
    expect(success).toBe(false);
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({ code: 'JEST_CONFIG_LOAD_FAILED', file: 'libs/throwing/jest.config.ts' });
    expect(result.error!.message).toBe('Jest config libs/throwing/jest.config.ts threw while loading: missing JEST_FIXTURE_SETTING');
    expect(existsSync(join(ws, 'dist/quality/libs/throwing/coverage-final.json'))).toBe(false);
  });

  it('runs a multi-project root config whose projects are a TypeScript config file and an inline object', async () => {
    const { success, result } = await runExecutor('.');
    expect(success).toBe(true);
    expect(result.counts).toEqual({ total: 2, passed: 2, failed: 0, skipped: 0, todo: 0 });
    expect(result.files.map((file) => file.file)).toEqual(['libs/async-config/src/value.spec.ts', 'libs/nx-style/src/greet.spec.ts']);
    expect(result.coverage!.coverageFile).toBe('dist/quality/coverage-final.json');
  });

  it('loads a jest.config.json and counts exactly as `jest --json` does', async () => {
    const { success, result } = await runExecutor('libs/json-config', { jestConfig: 'libs/json-config/jest.config.json' });
    const { json } = await jestCli(join(ws, 'libs/json-config/jest.config.json'));
    expect(success).toBe(false);
    expect(result.status).toBe('failed');
    expect(result.counts).toEqual(countsOf(json));
    expect(result.counts).toEqual({ total: 3, passed: 1, failed: 1, skipped: 0, todo: 1 });
  });

  it("runs in the project's directory under NODE_ENV test, as `jest` does in @nx/jest/plugin's target", async () => {
    const { success, result } = await runExecutor('libs/process-state', { jestConfig: 'libs/process-state/jest.config.json' });
    const { json } = await jestCli(join(ws, 'libs/process-state/jest.config.json'), join(ws, 'libs/process-state'));
    expect(result.counts).toEqual(countsOf(json));
    expect(result.counts).toEqual({ total: 2, passed: 2, failed: 0, skipped: 0, todo: 0 });
    expect(success).toBe(true);
  });

  it('succeeds with failing tests recorded when the quality gates judge the run, and fails on its own', async () => {
    const judged = await runExecutor('libs/json-config', {}, { NX_QUALITY_GATES_JUDGE: 'true' });
    expect(judged).toMatchObject({ success: true, result: { status: 'failed', counts: { failed: 1 } } });
    const alone = await runExecutor('libs/json-config', {}, { NX_QUALITY_GATES_JUDGE: 'false' });
    expect(alone).toMatchObject({ success: false, result: { status: 'failed', counts: { failed: 1 } } });
  });

  it('leaves an error result naming process.exit, never the previous result, when a test exits the process', async () => {
    // A previous passing result and its coverage: neither may survive the crashed run.
    await runExecutor('libs/async-config', { resultsDir: 'dist/quality/libs/exits' });
    expect(existsSync(join(ws, 'dist/quality/libs/exits/coverage-final.json'))).toBe(true);
    await expect(runInChild(EXECUTOR, 'default', [{}, contextFor('libs/exits')])).rejects.toThrow('child process ended without a result');
    const result = TestResultSchema.parse(JSON.parse(readFileSync(join(ws, 'dist/quality/libs/exits/test.json'), 'utf8')));
    expect(result).toMatchObject({ project: 'exits', status: 'error', error: { code: 'TASK_PROCESS_EXITED', message: expect.stringContaining('exited with code 1') } });
    expect(existsSync(join(ws, 'dist/quality/libs/exits/coverage-final.json'))).toBe(false);
  });

  it('fails a project without test files as Jest does, unless passWithNoTests is set: its option, the Jest config, or the official target it stands beside', async () => {
    const plain = await runExecutor('libs/no-tests');
    expect(plain).toMatchObject({ success: false, result: { status: 'error', error: { code: 'NO_TESTS_FOUND', file: 'libs/no-tests/jest.config.js' } } });
    const option = await runExecutor('libs/no-tests', { passWithNoTests: true });
    expect(option).toMatchObject({ success: true, result: { status: 'passed', counts: { total: 0 } } });
    const config = await runExecutor('libs/no-tests', { jestConfig: 'libs/no-tests/jest.config.passing.js' });
    expect(config).toMatchObject({ success: true, result: { status: 'passed', counts: { total: 0 } } });
    // The official target's option (here from targetDefaults of the @nx/jest:jest executor, as in ngxs/store), read from the task's context.
    const official = { executor: '@nx/jest:jest', options: { jestConfig: 'libs/no-tests/jest.config.js', passWithNoTests: true } };
    // Beside it, another official test target (code-pushup's int-test, run too with its own config) and an end-to-end one (never run).
    const other = { executor: '@nx/jest:jest', options: { jestConfig: 'libs/no-tests/jest.config.passing.js' } };
    const targets = { test: official, 'int-test': other, e2e: other, 'quality-test': { executor: '@nx-quality/plugin:tool' } };
    const context = { ...contextFor('libs/no-tests'), targetName: 'quality-test', projectGraph: { nodes: { 'no-tests': { name: 'no-tests', type: 'lib', data: { root: 'libs/no-tests', targets } } }, dependencies: {} } };
    const { value } = await runInChild<{ success: boolean }>(EXECUTOR, 'default', [{ officialTarget: 'test' }, context]);
    expect(value.success).toBe(true);
    expect(TestResultSchema.parse(JSON.parse(readFileSync(join(ws, 'dist/quality/libs/no-tests/test.json'), 'utf8')))).toMatchObject({
      status: 'passed',
      counts: { total: 0 },
      officialTargets: ['test', 'int-test'],
    });
    // Our own option, set to false, is the workspace's word on our target.
    const own = await runInChild<{ success: boolean }>(EXECUTOR, 'default', [{ officialTarget: 'test', passWithNoTests: false }, context]);
    expect(own.value.success).toBe(false);
  });

  // code-pushup/cli: each project declares `unit-test` and `int-test`, each @nx/vitest:test with a config of its own.
  it("runs the project's other official test targets with their own configs and environment into one result: counts as both `jest --json` runs, coverage as istanbul merges theirs", async () => {
    const root = 'libs/two-configs';
    const unitConfig = `${root}/jest.config.js`;
    const intConfig = `${root}/jest.int.config.js`;
    const jestTarget = (jestConfig: string) => ({ executor: '@nx/jest:jest', options: { jestConfig } });
    const targets = {
      'unit-test': jestTarget(unitConfig),
      'int-test': jestTarget(intConfig),
      // The same config again (a CI variant): its tests are already in the result.
      'unit-test-ci': jestTarget(unitConfig),
      'e2e': jestTarget(intConfig),
      'vite-test': { executor: '@nx/vitest:test', options: { configFile: `${root}/vitest.config.mts` } },
      // Its .env.vm-test sets NODE_OPTIONS, which the task's process did not start with.
      'vm-test': jestTarget(`${root}/jest.vm.config.js`),
      'quality-test': { executor: '@nx-quality/plugin:tool' },
    };
    const task = { id: 'two-configs:quality-test', target: { project: 'two-configs', target: 'quality-test' }, projectRoot: root, overrides: {}, outputs: [], parallelism: true };
    const context = {
      ...contextFor(root),
      targetName: 'quality-test',
      projectGraph: { nodes: { 'two-configs': { name: 'two-configs', type: 'lib', data: { root, targets } } }, dependencies: {} },
      taskGraph: { roots: [task.id], tasks: { [task.id]: task }, dependencies: { [task.id]: [] }, continuousDependencies: {} },
    };
    const options = { officialTarget: 'unit-test', jestConfig: unitConfig };
    // As Nx runs a task: in the workspace root, with its go-ahead for .env files.
    const asNx = { cwd: ws, env: { NX_LOAD_DOT_ENV_FILES: 'true' } };
    const { value } = await runInChild<{ success: boolean }>(EXECUTOR, 'default', [options, context], asNx);
    const result = TestResultSchema.parse(JSON.parse(readFileSync(join(ws, 'dist/quality', root, 'test.json'), 'utf8')));

    // Jest's CLI on each config, where @nx/jest:jest runs it (the workspace root), the second with the target's .env file.
    const unit = await jestCli(unitConfig, ws, { coverageFinal: true });
    const int = await jestCli(intConfig, ws, { coverageFinal: true, env: { TWO_CONFIGS_TARGET: 'int-test' } });
    const both = { total: unit.json.numTotalTests + int.json.numTotalTests, failed: unit.json.numFailedTests + int.json.numFailedTests };
    expect({ success: value.success, status: result.status, error: result.error, officialTargets: result.officialTargets, notRun: result.officialTargetsNotRun }).toEqual({
      success: false,
      status: 'failed',
      error: undefined,
      officialTargets: ['unit-test', 'int-test'],
      notRun: ['vite-test', 'vm-test'],
    });
    const sum = (key: keyof ReturnType<typeof countsOf>) => countsOf(unit.json)[key] + countsOf(int.json)[key];
    expect(result.counts).toEqual({ total: sum('total'), passed: sum('passed'), failed: sum('failed'), skipped: sum('skipped'), todo: sum('todo') });
    expect({ total: result.counts.total, failed: result.counts.failed, passedInt: int.json.numPassedTests }).toEqual({ ...both, passedInt: 2 });
    expect(result.suites.total).toBe(unit.json.numTotalTestSuites + int.json.numTotalTestSuites);
    expect(result.files.map((file) => file.file).sort()).toEqual([`${root}/src/math.int.js`, `${root}/src/math.spec.js`]);
    expect(result.failures.map((failure) => failure.fullName)).toEqual(['add › fails on purpose']);

    // Merged as istanbul merges the two runs' coverage-final.json: more than either run covers alone.
    const merged = createCoverageMap(JSON.parse(readFileSync(unit.coverageFinal!, 'utf8')));
    merged.merge(createCoverageMap(JSON.parse(readFileSync(int.coverageFinal!, 'utf8'))));
    const mergedTotals = pick(istanbulTotals(writeJson(merged.toJSON())));
    expect(pick(istanbulTotals(join(ws, result.coverage!.coverageFile)))).toEqual(mergedTotals);
    expect(mergedTotals['functions']!.covered).toBeGreaterThan(pick(unit.coverageTotals)['functions']!.covered);

    // Only the target ours stands beside, as asked.
    await runInChild<{ success: boolean }>(EXECUTOR, 'default', [{ ...options, otherOfficialTargets: false }, context], asNx);
    const alone = TestResultSchema.parse(JSON.parse(readFileSync(join(ws, 'dist/quality', root, 'test.json'), 'utf8')));
    expect({ counts: alone.counts, officialTargets: alone.officialTargets, notRun: alone.officialTargetsNotRun }).toEqual({
      counts: countsOf(unit.json),
      officialTargets: undefined,
      notRun: ['int-test', 'unit-test-ci', 'vite-test', 'vm-test'],
    });
  });

  it('records invalid options in test.json at the default location', async () => {
    const { success, result } = await runExecutor('libs/async-config', { runner: 'mocha' });
    expect(success).toBe(false);
    expect(result).toMatchObject({ status: 'error', error: { code: 'INVALID_OPTIONS', message: expect.stringContaining('runner') } });
  });
});
