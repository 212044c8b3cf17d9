import type { ResultError, TestCoverage, TestResult, ToolInfo } from '@nx-quality/core';

/** What a runner (Jest, Node, Vitest) hands back; run-tests.ts turns it into a TestResult with header and status. */
export interface RunnerOutcome {
  tool: ToolInfo;
  /** Absent when the tool could not run; `error` then says why. */
  tests?: Pick<TestResult, 'counts' | 'suites' | 'failures' | 'failuresOmitted' | 'files'>;
  coverage?: TestCoverage;
  /** The runner judged the run failed for a reason the counts do not show (e.g. obsolete snapshots under --ci). */
  runnerReportedFailure?: boolean;
  error?: ResultError;
}
