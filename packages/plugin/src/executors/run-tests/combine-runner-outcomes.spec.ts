import type { CoverageMapData } from 'istanbul-lib-coverage';
import { combineRunnerOutcomes } from './combine-runner-outcomes';
import type { RunnerOutcome } from './runner-outcome';

const tool = { name: 'jest', version: '30.3.0' };

function outcome(passed: number, failed: number, file: string, extra: Partial<RunnerOutcome> = {}): RunnerOutcome {
  return {
    tool,
    tests: {
      counts: { total: passed + failed, passed, failed, skipped: 0, todo: 0 },
      suites: { total: 1, passed: failed ? 0 : 1, failed: failed ? 1 : 0, errored: 0 },
      failures: Array.from({ length: failed }, (_, index) => ({ file, fullName: `${file} ${index}`, message: 'expected' })),
      failuresOmitted: 0,
      files: [{ file, status: failed ? 'failed' : 'passed', counts: { total: passed + failed, passed, failed, skipped: 0, todo: 0 }, durationMs: 1, tests: [] }],
    },
    ...extra,
  };
}

/** One statement of `/ws/a.js`, hit `hits` times. */
function coverage(hits: number): CoverageMapData {
  return { '/ws/a.js': { path: '/ws/a.js', statementMap: { 0: { start: { line: 1, column: 0 }, end: { line: 1, column: 9 } } }, fnMap: {}, branchMap: {}, s: { 0: hits }, f: {}, b: {} } };
}

describe('combineRunnerOutcomes', () => {
  it('returns a single run as it is', () => {
    const only = outcome(2, 0, 'a.spec.js');
    expect(combineRunnerOutcomes([{ officialTarget: 'test', outcome: only }], 50)).toBe(only);
  });

  it('adds up counts, suites and files, lists failures in run order within the cap, and merges coverage judged by the first run\'s thresholds', () => {
    const unit = outcome(3, 2, 'unit.spec.js', { coverage: { data: coverage(0), thresholds: { lines: 90 } } });
    const int = outcome(1, 2, 'int.spec.js', { coverage: { data: coverage(4), thresholds: { lines: 10 } }, runnerReportedFailure: true });
    const combined = combineRunnerOutcomes([{ officialTarget: 'unit-test', outcome: unit }, { officialTarget: 'int-test', outcome: int }], 3);
    expect(combined).toMatchObject({
      tool,
      tests: {
        counts: { total: 8, passed: 4, failed: 4, skipped: 0, todo: 0 },
        suites: { total: 2, passed: 0, failed: 2, errored: 0 },
        failuresOmitted: 1,
      },
      runnerReportedFailure: true,
      coverage: { thresholds: { lines: 90 }, data: { '/ws/a.js': { s: { 0: 4 } } } },
    });
    expect(combined.tests?.failures.map((failure) => failure.fullName)).toEqual(['unit.spec.js 0', 'unit.spec.js 1', 'int.spec.js 0']);
    expect(combined.tests?.files.map((file) => file.file)).toEqual(['unit.spec.js', 'int.spec.js']);
    expect(combined.error).toBeUndefined();
  });

  it("keeps the first run's error as it is and names the target of a later run's", () => {
    const error = { code: 'NO_TESTS_FOUND', message: 'No test files found for project "a".' };
    const failedLater = combineRunnerOutcomes([{ officialTarget: 'unit-test', outcome: outcome(1, 0, 'a') }, { officialTarget: 'int-test', outcome: { tool, error } }], 50);
    expect(failedLater.error).toEqual({ code: 'NO_TESTS_FOUND', message: 'The tests of the official target "int-test": No test files found for project "a".' });
    expect(failedLater.tests?.counts.total).toBe(1);
    const failedFirst = combineRunnerOutcomes([{ officialTarget: 'unit-test', outcome: { tool, error } }, { officialTarget: 'int-test', outcome: outcome(1, 0, 'a') }], 50);
    expect(failedFirst.error).toEqual(error);
  });
});
