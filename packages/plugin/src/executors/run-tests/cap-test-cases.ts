import type { TestCase } from '@nx-quality/core';

/** Most passing, skipped and todo cases recorded per file; failing cases are never dropped, counts stay exact. */
export const TEST_CASES_PER_FILE_CAP = 1000;

/**
 * A file's cases as test.json records them: every failing case (JUnit and the report list each
 * failure from here), and the others in order until the file holds `cap` cases.
 */
export function capTestCases(cases: readonly TestCase[], cap: number = TEST_CASES_PER_FILE_CAP): TestCase[] {
  const failing = cases.reduce((count, testCase) => count + (testCase.status === 'failed' ? 1 : 0), 0);
  let room = Math.max(0, cap - failing);
  return cases.filter((testCase) => {
    if (testCase.status === 'failed') return true;
    if (room === 0) return false;
    room -= 1;
    return true;
  });
}
