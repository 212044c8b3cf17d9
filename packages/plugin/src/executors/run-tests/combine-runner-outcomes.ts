import { mergeCoverageData } from '@nx-quality/core';
import type { RunnerOutcome } from './runner-outcome';

/** One run of a test task: the official target whose config it ran (absent beside none) and what the runner gave back. */
export interface TestRunOutcome {
  officialTarget?: string;
  outcome: RunnerOutcome;
}

/**
 * The runs of one test task as one outcome (the official target ours stands beside first, then the
 * project's other official test targets): counts, suites and files added up, failures listed in run
 * order up to `failuresCap` (the rest counted as omitted), coverage merged and judged by the first
 * run's thresholds, failed where any run failed. The first run's error is the outcome's; an error
 * of a later run names its target. A single run is returned as it is.
 */
export function combineRunnerOutcomes(runs: readonly TestRunOutcome[], failuresCap: number): RunnerOutcome {
  const [first, ...others] = runs;
  if (!first) throw new RangeError('combineRunnerOutcomes needs at least one run');
  if (others.length === 0) return first.outcome;

  const withTests = runs.flatMap(({ outcome }) => (outcome.tests ? [outcome.tests] : []));
  const failures = withTests.flatMap((tests) => tests.failures);
  const tests: RunnerOutcome['tests'] =
    withTests.length === 0
      ? undefined
      : {
          counts: {
            total: sum(withTests, (t) => t.counts.total),
            passed: sum(withTests, (t) => t.counts.passed),
            failed: sum(withTests, (t) => t.counts.failed),
            skipped: sum(withTests, (t) => t.counts.skipped),
            todo: sum(withTests, (t) => t.counts.todo),
          },
          suites: {
            total: sum(withTests, (t) => t.suites.total),
            passed: sum(withTests, (t) => t.suites.passed),
            failed: sum(withTests, (t) => t.suites.failed),
            errored: sum(withTests, (t) => t.suites.errored),
          },
          failures: failures.slice(0, failuresCap),
          failuresOmitted: sum(withTests, (t) => t.failuresOmitted) + Math.max(0, failures.length - failuresCap),
          files: withTests.flatMap((t) => t.files),
        };

  const covered = runs.flatMap(({ outcome }) => (outcome.coverage ? [outcome.coverage] : []));
  const failedRun = runs.find(({ outcome }) => outcome.error);
  const error =
    failedRun?.outcome.error && failedRun !== first
      ? { ...failedRun.outcome.error, message: `The tests of the official target "${failedRun.officialTarget}": ${failedRun.outcome.error.message}` }
      : failedRun?.outcome.error;
  return {
    tool: first.outcome.tool,
    ...(tests ? { tests } : {}),
    ...(covered.length > 0
      ? { coverage: { data: mergeCoverageData(covered.map((coverage) => coverage.data)), ...(covered[0]!.thresholds ? { thresholds: covered[0]!.thresholds } : {}) } }
      : {}),
    ...(runs.some(({ outcome }) => outcome.runnerReportedFailure) ? { runnerReportedFailure: true } : {}),
    ...(error ? { error } : {}),
  };
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}
