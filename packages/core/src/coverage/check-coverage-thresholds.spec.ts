import type { CoverageMetric, CoverageSummary } from '../schemas/coverage';
import { checkCoverageThresholds } from './check-coverage-thresholds';

const metric = (pct: number): CoverageMetric => ({ total: 100, covered: Math.round(pct), skipped: 0, pct });
const totals = (lines: number, statements = 100, functions = 100, branches = 100): CoverageSummary => ({
  lines: metric(lines),
  statements: metric(statements),
  functions: metric(functions),
  branches: metric(branches),
});

describe('checkCoverageThresholds', () => {
  it('writes one fixed sentence per unmet dimension, in a stable order', () => {
    expect(checkCoverageThresholds(totals(71.24, 90, 50, 100), { branches: 90, functions: 60, lines: 85, statements: 90 }, 'my-lib')).toEqual([
      'coverage.lines 71.2% < 85% (project my-lib)',
      'coverage.functions 50% < 60% (project my-lib)',
    ]);
  });

  it('never rounds a failing value up to the threshold', () => {
    expect(checkCoverageThresholds(totals(84.99), { lines: 85 }, 'a')).toEqual(['coverage.lines 84.9% < 85% (project a)']);
  });

  it('has nothing to say without thresholds or when all are met', () => {
    expect(checkCoverageThresholds(totals(10), undefined, 'a')).toEqual([]);
    expect(checkCoverageThresholds(totals(85), { lines: 85 }, 'a')).toEqual([]);
  });
});
