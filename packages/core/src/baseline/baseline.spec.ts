import { computeDeltas } from './compute-deltas';
import { ratchetConditions } from './ratchet-conditions';
import { updateBaseline } from './update-baseline';
import { BaselineSchema, type Baseline } from './baseline-schema';
import { evaluateGates } from '../gates/evaluate-gates';

const previous: Baseline = {
  schemaVersion: 1,
  directions: { 'lint.errors': 'lower', 'coverage.lines': 'higher' },
  projects: { a: { 'lint.errors': 241, 'coverage.lines': 70 }, gone: { 'lint.errors': 5 } },
};

describe('updateBaseline', () => {
  it('only tightens: better values replace, worse ones are kept, absent projects and metrics stay', () => {
    const next = updateBaseline(previous, {
      a: { 'lint.errors': 22, 'coverage.lines': 65, 'typecheck.errors': 3, 'tests.total': 40 },
      b: { 'coverage.lines': 90 },
    });
    expect(BaselineSchema.parse(next)).toEqual(next);
    expect(next.projects).toEqual({
      a: { 'coverage.lines': 70, 'lint.errors': 22, 'typecheck.errors': 3 },
      b: { 'coverage.lines': 90 },
      gone: { 'lint.errors': 5 },
    });
    expect(next.directions['typecheck.errors']).toBe('lower');
  });

  it('is idempotent and writes keys in a stable order', () => {
    const once = updateBaseline(undefined, { z: { 'lint.errors': 1 }, a: { 'coverage.lines': 50, 'lint.errors': 2 } });
    expect(updateBaseline(once, { z: { 'lint.errors': 1 }, a: { 'coverage.lines': 50, 'lint.errors': 2 } })).toEqual(once);
    expect(Object.keys(once.projects)).toEqual(['a', 'z']);
  });
});

describe('ratchet conditions and deltas', () => {
  it('fail a metric that got worse than its baseline, with source baseline', () => {
    const conditions = ratchetConditions(previous, 'a');
    expect(conditions).toEqual([
      { metric: 'lint.errors', op: '<=', threshold: 241, source: 'baseline' },
      { metric: 'coverage.lines', op: '>=', threshold: 70, source: 'baseline' },
    ]);
    const result = evaluateGates({ project: 'a', metrics: { 'lint.errors': 250, 'coverage.lines': 71 }, conditions });
    expect(result.violations).toEqual(['lint.errors 250 > 241 (project a, baseline)']);
  });

  it('say how each metric moved, as "lint.errors 241 → 22"', () => {
    expect(computeDeltas(previous, 'a', { 'lint.errors': 22, 'coverage.lines': 70 })).toEqual([
      { metric: 'lint.errors', baseline: 241, current: 22, change: -219, direction: 'lower', trend: 'better', text: 'lint.errors 241 → 22' },
      { metric: 'coverage.lines', baseline: 70, current: 70, change: 0, direction: 'higher', trend: 'same', text: 'coverage.lines 70 → 70' },
    ]);
    expect(computeDeltas(previous, 'unknown', { 'lint.errors': 1 })).toEqual([]);
  });
});
