import type { MetricDirection } from './baseline-schema';

/** Metrics a baseline records and ratchets, with the direction in which each improves. */
export const BASELINE_METRIC_DIRECTIONS: Readonly<Record<string, MetricDirection>> = {
  'coverage.lines': 'higher',
  'coverage.statements': 'higher',
  'coverage.functions': 'higher',
  'coverage.branches': 'higher',
  'tests.failed': 'lower',
  'tests.suitesErrored': 'lower',
  'tests.skipped': 'lower',
  'lint.errors': 'lower',
  'lint.warnings': 'lower',
  'typecheck.errors': 'lower',
  'health.genericCatches': 'lower',
  'health.bareThrows': 'lower',
  'health.explicitAny': 'lower',
  'health.longFiles': 'lower',
  'health.longFunctions': 'lower',
  'health.complexFunctions': 'lower',
  'health.todos': 'lower',
  'health.assertionFreeTests': 'lower',
  'health.skippedTests': 'lower',
  'health.focusedTests': 'lower',
  'health.untestedModules': 'lower',
  'health.parseErrors': 'lower',
};

/** Whether `candidate` is strictly better than `reference` for a metric improving in `direction`. */
export function isBetter(direction: MetricDirection, candidate: number, reference: number): boolean {
  return direction === 'higher' ? candidate > reference : candidate < reference;
}
