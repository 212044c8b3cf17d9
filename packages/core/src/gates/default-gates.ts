import type { GateCondition } from '../schemas/gates';

/** Default minimum line coverage in percent. */
export const DEFAULT_COVERAGE_LINES = 80;

/** Built-in conditions: no failing tests, no lint or type errors, enough line coverage. */
export function defaultGateConditions(coverageLines: number = DEFAULT_COVERAGE_LINES): GateCondition[] {
  return [
    { metric: 'tests.failed', op: '=', threshold: 0 },
    { metric: 'tests.suitesErrored', op: '=', threshold: 0 },
    { metric: 'lint.errors', op: '=', threshold: 0 },
    { metric: 'typecheck.errors', op: '=', threshold: 0 },
    { metric: 'coverage.lines', op: '>=', threshold: coverageLines },
  ];
}
