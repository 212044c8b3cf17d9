import type { HealthCounts, HealthFinding } from '@nx-quality/core';

/** The health counts the lint pass of the analysis measures. */
export type LintCounts = Pick<
  HealthCounts,
  | 'genericCatches'
  | 'bareThrows'
  | 'explicitAny'
  | 'longFiles'
  | 'longFunctions'
  | 'complexFunctions'
  | 'assertionFreeTests'
  | 'skippedTests'
  | 'focusedTests'
  | 'parseErrors'
>;

/** Which health finding (and count) each rule of the health config measures. */
export const HEALTH_RULE_KINDS: Record<string, { kind: HealthFinding['kind']; count: Exclude<keyof LintCounts, 'parseErrors'> }> = {
  '@nx-quality/no-generic-catch': { kind: 'genericCatch', count: 'genericCatches' },
  '@nx-quality/no-bare-error-throw': { kind: 'bareThrow', count: 'bareThrows' },
  '@typescript-eslint/no-explicit-any': { kind: 'explicitAny', count: 'explicitAny' },
  'max-lines': { kind: 'longFile', count: 'longFiles' },
  'max-lines-per-function': { kind: 'longFunction', count: 'longFunctions' },
  complexity: { kind: 'complexFunction', count: 'complexFunctions' },
  'jest/expect-expect': { kind: 'assertionFreeTest', count: 'assertionFreeTests' },
  'jest/no-disabled-tests': { kind: 'skippedTest', count: 'skippedTests' },
  'jest/no-focused-tests': { kind: 'focusedTest', count: 'focusedTests' },
};

/** The rule whose messages are the TODO comments. */
export const TODO_RULE_ID = 'no-warning-comments';
