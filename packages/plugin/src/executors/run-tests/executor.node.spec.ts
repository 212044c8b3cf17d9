import { TestResultSchema, type TestResult } from '@nx-quality/core';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture } from '../../test-support/copy-fixture';
import { runInChild } from '../../test-support/run-in-child';
import { DEFAULT_NODE_TEST_GLOBS, findNodeTestFiles } from './node/find-node-test-files';

// Real `node --test` runs under c8 through the executor (Node 20 = this process's node, and Node 22
// from the `node@22` npm package), checked against node's own summary and c8's own summary.
jest.setTimeout(300_000);

const EXECUTOR = join(__dirname, 'executor.ts');
const C8_BIN = require.resolve('c8/bin/c8.js');
let ws: string;
let cleanup: () => void;
let node22: string;

beforeAll(() => {
  ({ dir: ws, cleanup } = copyFixture(join(__dirname, '__fixtures__/node-workspace'), 'node-ws'));
  node22 = execFileSync('npx', ['-y', 'node@22', '-p', 'process.execPath'], { encoding: 'utf8' }).trim();
});
afterAll(() => cleanup());

async function runExecutor(root: string, options: Record<string, unknown>): Promise<{ success: boolean; result: TestResult }> {
  const name = root.split('/').pop()!;
  const context = { root: ws, cwd: ws, isVerbose: false, projectName: name, projectsConfigurations: { version: 2, projects: { [name]: { root } } } };
  const { value } = await runInChild<{ success: boolean }>(EXECUTOR, 'default', [{ runner: 'node', ...options }, context]);
  return { success: value.success, result: TestResultSchema.parse(JSON.parse(readFileSync(join(ws, 'dist/quality', root, 'test.json'), 'utf8'))) };
}

function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: { ...process.env, NODE_V8_COVERAGE: '' } }, (_error, stdout) => resolve(stdout));
  });
}

/** node's own summary of the same files: the `# tests N`, `# pass N`, … lines its TAP reporter ends with. */
async function nodeSummary(nodeBin: string, root: string, imports: string[]): Promise<Record<string, number>> {
  const cwd = join(ws, root);
  const files = findNodeTestFiles(cwd, DEFAULT_NODE_TEST_GLOBS);
  const tap = await run(nodeBin, [...imports, '--test', '--test-reporter=tap', ...files], cwd);
  const summary: Record<string, number> = {};
  for (const line of tap.split('\n')) {
    const match = /^# (tests|suites|pass|fail|cancelled|skipped|todo) (\d+)$/.exec(line);
    if (match) summary[match[1]!] = Number(match[2]);
  }
  return summary;
}

/** c8's own json-summary totals for the same files. */
async function c8Totals(nodeBin: string, root: string, imports: string[]): Promise<Record<string, { total: number; covered: number; pct: number }>> {
  const cwd = join(ws, root);
  const reportDir = mkdtempSync(join(ws, '.c8-'));
  const files = findNodeTestFiles(cwd, DEFAULT_NODE_TEST_GLOBS);
  await run(nodeBin, [C8_BIN, '--reporter=json-summary', `--report-dir=${reportDir}`, `--temp-directory=${join(reportDir, 'v8')}`, nodeBin, ...imports, '--test', ...files], cwd);
  return JSON.parse(readFileSync(join(reportDir, 'coverage-summary.json'), 'utf8')).total;
}

function pick(totals: Record<string, { total: number; covered: number; pct: number }>) {
  return Object.fromEntries(
    ['lines', 'statements', 'functions', 'branches'].map((key) => [key, { total: totals[key]!.total, covered: totals[key]!.covered, pct: totals[key]!.pct }]),
  );
}

const cases = [
  { root: 'libs/plain-js', imports: [], expected: { total: 10, passed: 4, failed: 2, skipped: 2, todo: 2 }, source: 'libs/plain-js/src/math.js' },
  { root: 'libs/typescript', imports: ['--import', 'tsx'], expected: { total: 6, passed: 3, failed: 1, skipped: 1, todo: 1 }, source: 'libs/typescript/src/math.ts' },
];

describe.each([
  ['Node 20', () => process.execPath, '20.'],
  ['Node 22', () => node22, '22.'],
])('test executor with runner node on %s', (_label, nodeBin, versionPrefix) => {
  it.each(cases)('$root: counts equal node --test’s summary, coverage equals c8’s summary', async ({ root, imports, expected, source }) => {
    const [{ success, result }, summary, totals] = await Promise.all([
      runExecutor(root, { nodeExecutable: nodeBin() }),
      nodeSummary(nodeBin(), root, imports),
      c8Totals(nodeBin(), root, imports),
    ]);
    expect(success).toBe(false);
    expect(result).toMatchObject({ status: 'failed', runner: 'node', tool: { name: 'node', version: expect.stringMatching(new RegExp(`^${versionPrefix.replace('.', '\\.')}`)) } });
    expect(summary['cancelled']).toBe(0);
    expect(result.counts).toEqual({ total: summary['tests'], passed: summary['pass'], failed: summary['fail'], skipped: summary['skipped'], todo: summary['todo'] });
    expect(result.counts).toEqual(expected);
    for (const failure of result.failures) {
      expect(failure).toMatchObject({ file: expect.stringMatching(new RegExp(`^${root}/`)), message: expect.stringContaining('AssertionError'), line: expect.any(Number) });
    }

    expect(pick(result.coverage!.totals)).toEqual(pick(totals));
    expect(result.coverage!.files.map((file) => file.file)).toEqual([source]);
    // The known uncovered branch.
    expect(result.coverage!.totals.branches.covered).toBeLessThan(result.coverage!.totals.branches.total);
    const written = JSON.parse(readFileSync(join(ws, 'dist/quality', root, 'coverage-final.json'), 'utf8'));
    expect(Object.keys(written)).toEqual([source]);
  });
});

describe('test executor with runner node', () => {
  it('records full names and failure positions', async () => {
    const { result } = await runExecutor('libs/plain-js', { coverage: false });
    expect(result.coverage).toBeUndefined();
    expect(result.failures).toEqual([
      {
        file: 'libs/plain-js/test/math.test.js',
        fullName: 'math › add › is wrong on purpose',
        message: 'AssertionError: Expected values to be strictly equal:\n\n2 !== 3',
        line: 13,
        column: 14,
      },
      expect.objectContaining({ file: 'libs/plain-js/test/strings.test.js', fullName: 'compares objects', line: 10 }),
    ]);
    const math = result.files.find((file) => file.file === 'libs/plain-js/test/math.test.js')!;
    expect(math.tests.map((test) => `${test.status} ${test.fullName}`)).toEqual([
      'passed math › add › adds',
      'failed math › add › is wrong on purpose',
      'passed math › clamps below max',
      'skipped math › is skipped',
      'todo math › handles overflow',
      'passed top-level passes',
      'skipped top-level skipped with t.skip()',
    ]);
  });

  it('reports a test file that cannot load as an errored file, counted as node counts it', async () => {
    const [{ result }, summary] = await Promise.all([runExecutor('libs/broken-js', {}), nodeSummary(process.execPath, 'libs/broken-js', [])]);
    expect(result.counts).toEqual({ total: summary['tests'], passed: summary['pass'], failed: summary['fail'], skipped: 0, todo: 0 });
    expect(result.suites).toEqual({ total: 2, passed: 1, failed: 1, errored: 1 });
    expect(result.failures).toEqual([
      { file: 'libs/broken-js/test/broken.test.js', fullName: '(test file failed to run)', message: expect.stringContaining('SyntaxError') },
    ]);
  });

  it('fails on an unmet coverage threshold', async () => {
    const { success, result } = await runExecutor('libs/typescript', { testNamePattern: 'adds|clamps|keeps', coverageThreshold: { branches: 95 } });
    expect(success).toBe(false);
    expect(result.counts.failed).toBe(0);
    expect(result.coverage!.thresholdViolations).toEqual([`coverage.branches ${Math.floor(result.coverage!.totals.branches.pct * 10) / 10}% < 95% (project typescript)`]);
  });

  it('names a missing TypeScript loader', async () => {
    const { result } = await runExecutor('libs/typescript', { nodeImport: ['not-a-loader-package'] });
    expect(result).toMatchObject({ status: 'error', error: { code: 'NODE_LOADER_NOT_FOUND', message: expect.stringContaining('not-a-loader-package') } });
  });
});
