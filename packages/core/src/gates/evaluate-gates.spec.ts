import { evaluateGates } from './evaluate-gates';
import { resolveGateConditions } from './resolve-gate-conditions';

describe('resolveGateConditions', () => {
  it('uses the built-in defaults with the given coverage threshold', () => {
    expect(resolveGateConditions(undefined, { name: 'a' }, 85)).toEqual([
      { metric: 'tests.failed', op: '=', threshold: 0, source: 'default' },
      { metric: 'tests.suitesErrored', op: '=', threshold: 0, source: 'default' },
      { metric: 'lint.errors', op: '=', threshold: 0, source: 'default' },
      { metric: 'typecheck.errors', op: '=', threshold: 0, source: 'default' },
      { metric: 'coverage.lines', op: '>=', threshold: 85, source: 'default' },
    ]);
  });

  it('lets tags and then the project replace conditions on the same metric', () => {
    const conditions = resolveGateConditions(
      {
        tags: { 'scope:core': [{ metric: 'coverage.lines', op: '>=', threshold: 90 }] },
        projects: { a: [{ metric: 'health.genericCatches', op: '=', threshold: 0 }] },
      },
      { name: 'a', tags: ['scope:core'] },
    );
    expect(conditions.filter((c) => c.metric === 'coverage.lines')).toEqual([
      { metric: 'coverage.lines', op: '>=', threshold: 90, source: 'tag:scope:core' },
    ]);
    expect(conditions.find((c) => c.metric === 'health.genericCatches')?.source).toBe('project');
  });

  it('keeps a range (two conditions on one metric within one scope)', () => {
    const conditions = resolveGateConditions(
      {
        defaults: [
          { metric: 'tests.total', op: '>', threshold: 0 },
          { metric: 'tests.total', op: '<', threshold: 1000 },
        ],
      },
      { name: 'a' },
    );
    expect(conditions).toHaveLength(2);
  });
});

describe('evaluateGates', () => {
  it('lists every failing condition in one fixed sentence', () => {
    const result = evaluateGates({
      project: 'my-lib',
      metrics: { 'coverage.lines': 71.234, 'lint.errors': 3, 'tests.failed': 0 },
      conditions: [
        { metric: 'coverage.lines', op: '>=', threshold: 85, source: 'default' },
        { metric: 'lint.errors', op: '=', threshold: 0, source: 'tag:scope:core' },
        { metric: 'tests.failed', op: '=', threshold: 0, source: 'default' },
      ],
    });
    expect(result.passed).toBe(false);
    expect(result.violations).toEqual([
      'coverage.lines 71.23 < 85 (project my-lib)',
      'lint.errors 3 != 0 (project my-lib, tag:scope:core)',
    ]);
    expect(result.conditions[2]).toMatchObject({ passed: true, actual: 0 });
  });

  it('fails a condition whose metric is unknown and says why', () => {
    const result = evaluateGates({
      project: 'a',
      metrics: {},
      conditions: [{ metric: 'typecheck.errors', op: '=', threshold: 0, source: 'default' }],
      unknownReasons: { typecheck: 'typecheck result missing' },
    });
    expect(result.violations).toEqual(['typecheck.errors unknown (typecheck result missing), required = 0 (project a)']);
  });
});
