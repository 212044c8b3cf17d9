import type { HealthCounts } from '../schemas/health-result';

/** Health counts shown in the projects × health matrix, with their column labels. */
export const HEALTH_COLUMNS: readonly { key: keyof HealthCounts; label: string }[] = [
  { key: 'genericCatches', label: 'Generic catch' },
  { key: 'bareThrows', label: 'Bare throw' },
  { key: 'explicitAny', label: 'any' },
  { key: 'todos', label: 'TODO' },
  { key: 'untestedModules', label: 'Untested modules' },
  { key: 'assertionFreeTests', label: 'Assertion-free tests' },
  { key: 'skippedTests', label: 'Skipped tests' },
  { key: 'focusedTests', label: 'Focused tests' },
  { key: 'longFiles', label: 'Long files' },
  { key: 'longFunctions', label: 'Long functions' },
  { key: 'complexFunctions', label: 'Complex functions' },
];
