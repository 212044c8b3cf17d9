import type { CoverageThresholds, ResultError, TestResult, ToolInfo } from '@nx-quality/core';
import type { CoverageMapData } from 'istanbul-lib-coverage';

/** The coverage a runner collected, as its istanbul data (absolute paths), and the thresholds its config sets with the executor's. */
export interface RunnerCoverage {
  data: CoverageMapData;
  thresholds?: CoverageThresholds;
}

/** What a runner (Jest, Node, Vitest) hands back; run-tests.ts turns it into a TestResult with header and status. */
export interface RunnerOutcome {
  tool: ToolInfo;
  /** Absent when the tool could not run; `error` then says why. */
  tests?: Pick<TestResult, 'counts' | 'suites' | 'failures' | 'failuresOmitted' | 'files'>;
  coverage?: RunnerCoverage;
  /** The runner judged the run failed for a reason the counts do not show (e.g. obsolete snapshots under --ci). */
  runnerReportedFailure?: boolean;
  error?: ResultError;
}
