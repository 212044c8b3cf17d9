import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProjectRef } from '../../shared/project-ref';
import type { JestAggregatedResult, JestRunOutput } from './jest-result-types';
import { normalizeTestOptions } from './normalize-test-options';
import { resolveJest } from './resolve-jest';
import { runTestsForProject } from './run-tests';

jest.mock('./resolve-jest', () => ({ resolveJest: jest.fn() }));

// Unit level: Jest's runCLI is mocked; the config files are the real fixtures (loaded, never run).
const workspaceRoot = join(__dirname, '__fixtures__/jest-workspace');
const runCLI = jest.fn<Promise<JestRunOutput>, [object, string[]]>();
const callOf = (index: number) => runCLI.mock.calls[index] as [Record<string, unknown>, string[]];
let resultsDir: string;

function project(root: string): ProjectRef {
  return { workspaceRoot, name: root.split('/').pop()!, root, tags: [] };
}

function aggregated(overrides: Partial<JestAggregatedResult> = {}): JestAggregatedResult {
  const file = join(workspaceRoot, 'libs/nx-style/src/greet.spec.ts');
  return {
    success: false,
    numTotalTests: 3,
    numPassedTests: 1,
    numFailedTests: 1,
    numPendingTests: 0,
    numTodoTests: 1,
    numTotalTestSuites: 1,
    numPassedTestSuites: 0,
    numFailedTestSuites: 1,
    numPendingTestSuites: 0,
    numRuntimeErrorTestSuites: 0,
    testResults: [
      {
        testFilePath: file,
        numPassingTests: 1,
        numFailingTests: 1,
        numPendingTests: 0,
        numTodoTests: 1,
        perfStats: { start: 100, end: 150 },
        testResults: [
          { ancestorTitles: ['greet'], title: 'greets', status: 'passed', duration: 3, failureMessages: [] },
          {
            ancestorTitles: ['greet', 'nested'],
            title: 'fails',
            status: 'failed',
            duration: 4,
            location: { line: 9, column: 2 },
            failureMessages: [`\u001b[31mError: expected 1\u001b[39m\nreceived 2\n    at Object.<anonymous> (${file}:12:17)\n    at run (x.js:1:1)`],
          },
          { ancestorTitles: ['greet'], title: 'later', status: 'todo', failureMessages: [] },
        ],
      },
    ],
    coverageMap: null,
    ...overrides,
  };
}

beforeEach(() => {
  resultsDir = mkdtempSync(join(tmpdir(), 'nxq-jest-unit-'));
  runCLI.mockReset();
  jest.mocked(resolveJest).mockReturnValue({ runCLI, version: '30.3.0', major: 30 });
});

afterEach(() => rmSync(resultsDir, { recursive: true, force: true }));

describe('runTestsForProject with runner jest (runCLI mocked)', () => {
  it('loads a TypeScript config with a type error without type-checking and passes it to runCLI as JSON', async () => {
    runCLI.mockResolvedValue({ results: aggregated(), globalConfig: {} });
    const ref = project('libs/nx-style');
    const result = await runTestsForProject(ref, normalizeTestOptions(ref, { resultsDir, coverage: false, ci: true, maxWorkers: 2 }));

    expect(runCLI).toHaveBeenCalledTimes(1);
    const [argv, projects] = callOf(0);
    const rootDir = join(workspaceRoot, 'libs/nx-style');
    expect(projects).toEqual([rootDir]);
    expect(argv).toMatchObject({ coverage: false, ci: true, maxWorkers: 2, testLocationInResults: true, watch: false, watchAll: false });
    const config = JSON.parse(argv['config'] as string);
    expect(config).toMatchObject({
      rootDir,
      displayName: '@fixture/nx-style',
      preset: '../../jest.preset.js',
      coverageDirectory: 'test-output/jest/coverage',
    });
    // The config read its .spec.swcrc through __dirname: proof it ran with the config's own folder.
    expect(config.transform['^.+\\.[tj]s$']).toEqual(['@swc/jest', expect.objectContaining({ swcrc: false, sourceMaps: true })]);

    expect(result).toMatchObject({
      status: 'failed',
      runner: 'jest',
      tool: { name: 'jest', version: '30.3.0' },
      counts: { total: 3, passed: 1, failed: 1, skipped: 0, todo: 1 },
      suites: { total: 1, passed: 0, failed: 1, errored: 0 },
    });
    expect(result.failures).toEqual([
      { file: 'libs/nx-style/src/greet.spec.ts', fullName: 'greet › nested › fails', message: 'Error: expected 1\nreceived 2', line: 12, column: 17 },
    ]);
    expect(result.files[0]).toMatchObject({ file: 'libs/nx-style/src/greet.spec.ts', status: 'failed', durationMs: 50 });
    expect(result.files[0]!.tests.map((test) => test.status)).toEqual(['passed', 'failed', 'todo']);
  });

  it('calls an async function exported by an .mts config', async () => {
    runCLI.mockResolvedValue({ results: aggregated({ success: true, numFailedTests: 0, numFailedTestSuites: 0, numPassedTestSuites: 1, testResults: [] }), globalConfig: {} });
    const ref = project('libs/async-config');
    await runTestsForProject(ref, normalizeTestOptions(ref, { resultsDir }));
    const [argv] = callOf(0);
    expect(JSON.parse(argv['config'] as string)).toMatchObject({ displayName: 'async-config', rootDir: join(workspaceRoot, 'libs/async-config') });
    expect(argv).toMatchObject({ coverage: true, coverageReporters: [] });
  });

  it('records a config that throws as status error naming the file and the cause', async () => {
    const ref = project('libs/throwing');
    const result = await runTestsForProject(ref, normalizeTestOptions(ref, { resultsDir }));
    expect(runCLI).not.toHaveBeenCalled();
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({ code: 'JEST_CONFIG_LOAD_FAILED', file: 'libs/throwing/jest.config.ts', hint: expect.any(String) });
    expect(result.error!.message).toContain('libs/throwing/jest.config.ts');
    expect(result.error!.message).toContain('missing JEST_FIXTURE_SETTING');
  });

  it('reports a project without a Jest config by name, with how to fix it', async () => {
    const ref = project('libs/no-config');
    const result = await runTestsForProject(ref, normalizeTestOptions(ref, { resultsDir }));
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({ code: 'JEST_CONFIG_NOT_FOUND', file: 'libs/no-config' });
    expect(result.error!.message).toContain('"no-config"');
    expect(result.error!.hint).toContain('jestConfig');
  });

  it('turns a runCLI crash into status error', async () => {
    runCLI.mockRejectedValue(new Error('Preset ../../missing.js not found.'));
    const ref = project('libs/nx-style');
    const result = await runTestsForProject(ref, normalizeTestOptions(ref, { resultsDir }));
    expect(result).toMatchObject({ status: 'error', error: { code: 'JEST_RUN_FAILED', message: expect.stringContaining('Preset ../../missing.js not found.') } });
  });

  it('writes workspace-relative coverage and checks thresholds from options and Jest’s global coverageThreshold', async () => {
    const file = join(workspaceRoot, 'libs/nx-style/src/greet.ts');
    const fileCoverage = {
      path: file,
      statementMap: { '0': { start: { line: 1, column: 0 }, end: { line: 1, column: 10 } }, '1': { start: { line: 2, column: 0 }, end: { line: 2, column: 10 } } },
      fnMap: {},
      branchMap: {},
      s: { '0': 1, '1': 0 },
      f: {},
      b: {},
    };
    const coverageMap = { toJSON: () => ({ [file]: { toJSON: () => fileCoverage } }) };
    runCLI.mockResolvedValue({
      results: aggregated({ success: true, numFailedTests: 0, numFailedTestSuites: 0, numPassedTestSuites: 1, testResults: [], coverageMap }),
      globalConfig: { coverageThreshold: { global: { lines: 40, statements: 80 } } },
    });
    const ref = project('libs/nx-style');
    const result = await runTestsForProject(ref, normalizeTestOptions(ref, { resultsDir, coverageThreshold: { lines: 60 } }));

    const written = JSON.parse(readFileSync(join(resultsDir, 'coverage-final.json'), 'utf8'));
    expect(Object.keys(written)).toEqual(['libs/nx-style/src/greet.ts']);
    expect(written['libs/nx-style/src/greet.ts'].path).toBe('libs/nx-style/src/greet.ts');
    expect(result.status).toBe('failed');
    expect(result.coverage).toMatchObject({
      totals: { statements: { total: 2, covered: 1, pct: 50 } },
      thresholds: { lines: 60, statements: 80 },
      thresholdViolations: ['coverage.lines 50% < 60% (project nx-style)', 'coverage.statements 50% < 80% (project nx-style)'],
    });
  });
});
