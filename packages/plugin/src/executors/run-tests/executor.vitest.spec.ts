import { relativizeCoverageMap, summarizeCoverage, TestResultSchema, type TestResult } from '@nx-quality/core';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { copyFixture } from '../../test-support/copy-fixture';
import { fixtureCopyPerSuite } from '../../test-support/fixture-copy-per-suite';
import { installTestPackages } from '../../test-support/install-test-packages';
import { runInChild } from '../../test-support/run-in-child';

// Real Vitest through the executor, checked against `vitest run --reporter=json --coverage` on the
// same code: Vitest 4 (the repository's) and Vitest 3 (a throwaway install under <repo>/tmp, with a
// copy of the fixture inside it so `vitest` and the coverage providers resolve to 3).
jest.setTimeout(300_000);

const EXECUTOR = join(__dirname, 'executor.ts');
const FIXTURE = join(__dirname, '__fixtures__/vitest-workspace');

async function runExecutor(ws: string, root: string, options: Record<string, unknown> = {}): Promise<{ success: boolean; result: TestResult; coverageFile: unknown }> {
  const name = root.split('/').pop()!;
  const context = { root: ws, cwd: ws, isVerbose: false, projectName: name, projectsConfigurations: { version: 2, projects: { [name]: { root } } } };
  const { value } = await runInChild<{ success: boolean }>(EXECUTOR, 'default', [{ runner: 'vitest', ...options }, context]);
  const dir = join(ws, 'dist/quality', root);
  const coverageFile = existsSync(join(dir, 'coverage-final.json')) ? JSON.parse(readFileSync(join(dir, 'coverage-final.json'), 'utf8')) : undefined;
  return { success: value.success, result: TestResultSchema.parse(JSON.parse(readFileSync(join(dir, 'test.json'), 'utf8'))), coverageFile };
}

interface VitestJson {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; status: string; assertionResults: { status: string }[] }[];
  coverageMap?: Record<string, unknown>;
}

/** Vitest's own CLI on the same project: `vitest run --reporter=json --coverage`, coverage reported on failure too. */
function vitestCliJson(ws: string, root: string): Promise<VitestJson> {
  const out = mkdtempSync(join(ws, '.vitest-cli-'));
  // The package's bin (`vitest/vitest.mjs`), found from its entry: Vitest 3 exports no package.json.
  const bin = join(dirname(require.resolve('vitest', { paths: [join(ws, root)] })), 'vitest.mjs');
  const args = [bin, 'run', '--reporter=json', `--outputFile=${join(out, 'report.json')}`, '--coverage', '--coverage.reportOnFailure', `--coverage.reportsDirectory=${join(out, 'coverage')}`];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: join(ws, root), env: { ...process.env, NODE_ENV: undefined, CI: 'true' } }, () => {
      try {
        resolve(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as VitestJson);
      } catch (error) {
        reject(error);
      }
    });
  });
}

function countsOf(json: VitestJson): TestResult['counts'] {
  return { total: json.numTotalTests, passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests, todo: json.numTodoTests };
}

describe.each([
  ['Vitest 4', '4.', () => copyFixture(FIXTURE, 'vitest-ws')],
  [
    'Vitest 3',
    '3.',
    () => {
      const VITEST3_DIR = installTestPackages('vitest3-deps', { vitest: '3', '@vitest/coverage-v8': '3', '@vitest/coverage-istanbul': '3' }, 'vitest', '3.');
      const dir = mkdtempSync(join(VITEST3_DIR, 'ws-'));
      cpSync(FIXTURE, dir, { recursive: true });
      return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
    },
  ],
])('test executor with runner vitest on %s', (_label, versionPrefix, setup) => {
  let ws: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir: ws, cleanup } = setup());
  });
  afterAll(() => cleanup());

  it.each([
    { root: 'libs/calc', expected: { total: 9, passed: 4, failed: 2, skipped: 2, todo: 1 }, source: 'libs/calc/src/calc.ts' },
    { root: 'libs/vite-style', expected: { total: 1, passed: 1, failed: 0, skipped: 0, todo: 0 }, source: 'libs/vite-style/src/greet.ts' },
    // `test.dir: './src'`, a test reading a file relative to the working directory (both need the project's directory) and one reading NODE_ENV.
    { root: 'libs/relative-dir', expected: { total: 3, passed: 3, failed: 0, skipped: 0, todo: 0 }, source: 'libs/relative-dir/src/double.ts' },
  ])('$root: counts and coverage equal `vitest run --reporter=json --coverage`', async ({ root, expected, source }) => {
    const [{ success, result, coverageFile }, json] = await Promise.all([runExecutor(ws, root), vitestCliJson(ws, root)]);
    expect(result).toMatchObject({ runner: 'vitest', tool: { name: 'vitest', version: expect.stringMatching(new RegExp(`^${versionPrefix.replace('.', '\\.')}`)) } });
    expect(success).toBe(expected.failed === 0);
    expect(result.counts).toEqual(countsOf(json));
    expect(result.counts).toEqual(expected);
    for (const file of json.testResults) {
      const ours = result.files.find((candidate) => join(ws, candidate.file) === file.name)!;
      expect(ours.counts.total).toBe(file.assertionResults.length);
      expect(ours.status).toBe(file.status);
    }

    // The same istanbul data as Vitest's own, keyed by workspace-relative paths; the totals follow.
    const reference = relativizeCoverageMap(json.coverageMap as never, ws);
    expect(coverageFile).toEqual(JSON.parse(JSON.stringify(reference)));
    expect(result.coverage!.totals).toEqual(summarizeCoverage(reference).totals);
    expect(Object.keys(coverageFile as object)).toEqual([source]);
    expect(result.coverage!.totals.branches.covered).toBeLessThan(result.coverage!.totals.branches.total);
  });

  it('records full names, failure positions and a file that cannot load', async () => {
    const [{ result: calc }, { result: broken }, brokenJson] = await Promise.all([
      runExecutor(ws, 'libs/calc', { coverage: false }),
      runExecutor(ws, 'libs/broken', { coverage: false }),
      vitestCliJson(ws, 'libs/broken'),
    ]);
    expect(calc.coverage).toBeUndefined();
    expect(calc.failures).toEqual([
      { file: 'libs/calc/src/calc.spec.ts', fullName: 'calc › add › is wrong on purpose', message: 'AssertionError: expected 2 to be 3 // Object.is equality', line: 11, column: 25 },
      { file: 'libs/calc/src/strings.spec.ts', fullName: 'compares objects', message: 'AssertionError: expected { a: 1 } to deeply equal { a: 2 }', line: 4, column: 20 },
    ]);
    const spec = calc.files.find((file) => file.file === 'libs/calc/src/calc.spec.ts')!;
    expect(spec.tests.map((test) => `${test.status} ${test.fullName}`)).toEqual([
      'passed calc › add › adds',
      'failed calc › add › is wrong on purpose',
      'passed calc › clamps below min',
      'skipped calc › is skipped',
      'todo calc › handles overflow',
      'passed top-level passes',
    ]);

    expect(broken.counts).toEqual(countsOf(brokenJson));
    expect(broken.suites).toEqual({ total: 2, passed: 1, failed: 1, errored: 1 });
    expect(broken.failures).toEqual([{ file: 'libs/broken/src/throws.test.ts', fullName: '(test file failed to run)', message: 'Error: cannot load this file' }]);
    expect(broken.files.find((file) => file.file === 'libs/broken/src/throws.test.ts')).toMatchObject({ status: 'error', failureMessage: 'Error: cannot load this file' });
  });
});

describe('test executor with runner vitest', () => {
  const ws = fixtureCopyPerSuite(FIXTURE, 'vitest-ws');

  it('fails on an unmet coverage threshold or an unhandled error, names a missing config, and passes no test files only with passWithNoTests', async () => {
    const [{ success, result }, missing, noTests, unhandled] = await Promise.all([
      runExecutor(ws(), 'libs/vite-style', { coverageThreshold: { branches: 95 } }),
      runExecutor(ws(), 'libs/calc', { vitestConfig: 'libs/calc/vitest.nope.ts' }),
      runExecutor(ws(), 'libs/no-tests'),
      runExecutor(ws(), 'libs/unhandled', { coverage: false }),
    ]);
    // Every test passed, yet Vitest fails the run (its CLI exits 1): so does the result, naming the error.
    expect(unhandled).toMatchObject({ success: false, result: { status: 'failed', counts: { total: 1, passed: 1 } } });
    expect(unhandled.result.failures).toEqual([{ file: 'libs/unhandled/vitest.config.ts', fullName: '(unhandled error during the test run)', message: 'Error: rejected after the test' }]);
    expect(noTests).toMatchObject({ success: false, result: { status: 'error', error: { code: 'NO_TESTS_FOUND', file: 'libs/no-tests/vitest.config.ts' } } });
    const allowed = await runExecutor(ws(), 'libs/no-tests', { passWithNoTests: true });
    expect(allowed).toMatchObject({ success: true, result: { status: 'passed', counts: { total: 0 }, suites: { total: 0 } } });
    const allowedByConfig = await runExecutor(ws(), 'libs/no-tests', { vitestConfig: 'libs/no-tests/vitest.passing.config.ts' });
    expect(allowedByConfig).toMatchObject({ success: true, result: { status: 'passed', counts: { total: 0 } } });
    expect(success).toBe(false);
    expect(result.coverage!.thresholdViolations).toEqual([`coverage.branches ${result.coverage!.totals.branches.pct}% < 95% (project vite-style)`]);
    expect(missing.result).toMatchObject({ status: 'error', runner: 'vitest', error: { code: 'VITEST_CONFIG_NOT_FOUND', file: 'libs/calc/vitest.nope.ts' } });
  });
});
