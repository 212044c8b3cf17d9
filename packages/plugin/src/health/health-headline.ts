import type { HealthCounts } from '@nx-quality/core';

/** The health counts a terminal summary names, in order, with their words (one, more). */
export const HEALTH_HEADLINE: readonly [keyof HealthCounts, string, string][] = [
  ['genericCatches', 'generic catch', 'generic catches'],
  ['bareThrows', 'bare throw', 'bare throws'],
  ['explicitAny', 'any', 'any'],
  ['todos', 'TODO', 'TODOs'],
  ['untestedModules', 'untested module', 'untested modules'],
  ['longFiles', 'long file', 'long files'],
  ['assertionFreeTests', 'assertion-free test', 'assertion-free tests'],
];
