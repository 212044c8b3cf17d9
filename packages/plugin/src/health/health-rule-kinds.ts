import type { HealthFinding } from '@nx-quality/core';
import type { LintTally } from './tally-lint-messages';

/** Which health finding (and count) each rule of the health config measures. */
export const HEALTH_RULE_KINDS: Record<string, { kind: HealthFinding['kind']; count: Exclude<keyof LintTally['counts'], 'parseErrors'> }> = {
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
