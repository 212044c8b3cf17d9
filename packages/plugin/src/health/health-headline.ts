import type { HealthCounts } from '@nx-quality/core';

/** The health counts a terminal summary names, in order, with their words. */
export const HEALTH_HEADLINE: readonly [keyof HealthCounts, string][] = [
  ['genericCatches', 'generic catches'],
  ['bareThrows', 'bare throws'],
  ['explicitAny', 'any'],
  ['todos', 'TODOs'],
  ['untestedModules', 'untested modules'],
  ['longFiles', 'long files'],
  ['assertionFreeTests', 'assertion-free tests'],
];
