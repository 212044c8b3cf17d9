import type { HealthResult } from '../schemas/health-result';
import type { LintResult } from '../schemas/lint-result';
import type { TestResult } from '../schemas/test-result';
import type { TypecheckResult } from '../schemas/typecheck-result';

/** The tool results of one project that metrics are computed from; absent ones contribute no metrics. */
export interface ProjectResults {
  test?: TestResult;
  lint?: LintResult;
  typecheck?: TypecheckResult;
  health?: HealthResult;
}

/**
 * Flattens results into named numeric metrics (the vocabulary of gates and baselines).
 * A result with status `error` contributes nothing: its numbers would be made up.
 */
export function collectMetrics(results: ProjectResults): Record<string, number> {
  const metrics: Record<string, number> = {};
  const { test, lint, typecheck, health } = results;
  if (test && test.status !== 'error') {
    metrics['tests.total'] = test.counts.total;
    metrics['tests.passed'] = test.counts.passed;
    metrics['tests.failed'] = test.counts.failed;
    metrics['tests.skipped'] = test.counts.skipped;
    metrics['tests.todo'] = test.counts.todo;
    metrics['tests.suitesErrored'] = test.suites.errored;
    if (test.coverage) {
      for (const dimension of ['lines', 'statements', 'functions', 'branches'] as const) {
        metrics[`coverage.${dimension}`] = test.coverage.totals[dimension].pct;
      }
    }
  }
  if (lint && lint.status !== 'error') {
    metrics['lint.errors'] = lint.counts.errors;
    metrics['lint.warnings'] = lint.counts.warnings;
    metrics['lint.fixable'] = lint.counts.fixableErrors + lint.counts.fixableWarnings;
  }
  if (typecheck && typecheck.status !== 'error') {
    metrics['typecheck.errors'] = typecheck.counts.errors;
  }
  if (health && health.status !== 'error') {
    for (const [name, value] of Object.entries(health.counts)) metrics[`health.${name}`] = value;
  }
  return metrics;
}
