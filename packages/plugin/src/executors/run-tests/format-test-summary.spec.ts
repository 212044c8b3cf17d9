import type { TestResult } from '@nx-quality/core';
import { formatTestSummary } from './format-test-summary';

const metric = { total: 10, covered: 7, skipped: 0, pct: 70 };
const result: TestResult = {
  kind: 'test',
  schemaVersion: 1,
  project: 'my-lib',
  projectRoot: 'libs/my-lib',
  status: 'failed',
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 5,
  tool: { name: 'jest', version: '30.3.0' },
  runner: 'jest',
  counts: { total: 5, passed: 2, failed: 1, skipped: 1, todo: 1 },
  suites: { total: 2, passed: 1, failed: 1, errored: 0 },
  failures: [{ file: 'libs/my-lib/src/a.spec.ts', fullName: 'a › b', message: 'boom', line: 3, column: 5 }],
  failuresOmitted: 2,
  files: [],
  coverage: {
    totals: { lines: metric, statements: metric, functions: metric, branches: metric },
    files: [],
    coverageFile: 'dist/quality/libs/my-lib/coverage-final.json',
    thresholdViolations: ['coverage.lines 70% < 85% (project my-lib)'],
  },
};

describe('formatTestSummary', () => {
  it('gives counts, coverage, each violation and failure, and where the result is', () => {
    const text = formatTestSummary(result, 'dist/quality/libs/my-lib/test.json');
    expect(text.split('\n')).toEqual([
      'my-lib: tests FAILED (jest 30.3.0) — 2 passed, 1 failed, 1 skipped, 1 todo of 5; 2 files',
      '  coverage: lines 70%, statements 70%, functions 70%, branches 70%',
      '  ✖ coverage.lines 70% < 85% (project my-lib)',
      '  ✖ a › b (libs/my-lib/src/a.spec.ts:3:5)',
      '  … 2 more failures in dist/quality/libs/my-lib/test.json',
      '  result: dist/quality/libs/my-lib/test.json',
    ]);
  });

  it("says which of the project's official test targets this result holds, and which it leaves out", () => {
    const lines = formatTestSummary({ ...result, officialTargets: ['unit-test', 'int-test'], officialTargetsNotRun: ['perf-test'] }, 'dist/quality/libs/my-lib/test.json').split('\n');
    expect(lines.slice(1, 3)).toEqual([
      '  the tests of the official targets unit-test, int-test, coverage merged',
      '  ! not in this result: the tests of perf-test (another runner, no config of their own, other NODE_OPTIONS, or otherOfficialTargets false)',
    ]);
    expect(formatTestSummary(result, 'x').includes('not in this result')).toBe(false);
    expect(formatTestSummary(result, 'x').includes('official targets')).toBe(false);
  });

  it("prints the fix once when a failure's cause is the environment (Jest's VM without --experimental-vm-modules)", () => {
    const message = 'TypeError: A dynamic import callback was invoked without --experimental-vm-modules';
    const vm = { ...result, coverage: undefined, failuresOmitted: 0, failures: [1, 2].map((n) => ({ file: `libs/my-lib/src/${n}.spec.ts`, fullName: `t${n}`, message })) };
    const fixes = formatTestSummary(vm, 'dist/quality/libs/my-lib/test.json').split('\n').filter((line) => line.startsWith('  Fix:'));
    expect(fixes).toEqual([expect.stringContaining('NODE_OPTIONS=--experimental-vm-modules')]);
  });
});
