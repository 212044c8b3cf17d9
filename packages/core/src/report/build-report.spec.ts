import { buildReport } from './build-report';
import { ReportSchema } from './report-schema';
import { sampleProjects } from './__fixtures__/sample-inputs';
import type { Baseline } from '../baseline/baseline-schema';

const generatedAt = '2026-01-02T03:04:05.000Z';

describe('buildReport', () => {
  const report = buildReport({ generatedAt, producer: 'hook', projects: sampleProjects(), coverageLines: 80 });

  it('produces a report that matches its own schema', () => {
    expect(ReportSchema.safeParse(report).success).toBe(true);
  });

  it('sums totals over the usable results only', () => {
    // alpha (fresh) + beta (cached) + delta (not run, last known result); gamma's test result is invalid.
    expect(report.totals.tests).toEqual({ total: 4 + 3 + 3, passed: 6, failed: 1, skipped: 3, todo: 0 });
    expect(report.totals.lint).toEqual({ errors: 3, warnings: 2 });
    expect(report.totals.typecheck).toEqual({ errors: 1 });
    expect(report.totals.resultOrigins).toEqual({ fresh: 2, cached: 4, 'not-run': 3, invalid: 1, missing: 1 });
  });

  it('evaluates gates from the tool results, even when the quality task was skipped', () => {
    const alpha = report.projects.find((p) => p.name === 'alpha');
    expect(alpha?.gate.status).toBe('failed');
    expect(alpha?.gate.violations).toEqual([
      'tests.failed 1 != 0 (project alpha)',
      'lint.errors 3 != 0 (project alpha)',
      'typecheck.errors 1 != 0 (project alpha)',
      'coverage.lines 72 < 80 (project alpha)',
    ]);
    expect(alpha?.results['health']).toMatchObject({ origin: 'not-run', lastKnown: true, taskStatus: 'skipped' });
  });

  it('fails conditions whose result is invalid or missing, naming the file and the reason', () => {
    const gamma = report.projects.find((p) => p.name === 'gamma');
    expect(gamma?.origin).toBe('mixed');
    expect(gamma?.gate.violations[0]).toMatch(/^tests\.failed unknown \(test result invalid at dist\/quality\/packages\/gamma\/test\.json: has schemaVersion 7/);
    expect(gamma?.gate.violations.some((v) => v.startsWith('lint.errors unknown (lint result missing'))).toBe(true);
    // No typecheck target: the default typecheck condition does not apply.
    expect(gamma?.gate.conditions.some((c) => c.metric === 'typecheck.errors')).toBe(false);
  });

  it('labels a project outside this invocation as not run, using its last known result when valid', () => {
    const delta = report.projects.find((p) => p.name === 'delta');
    expect(delta?.origin).toBe('not-run');
    expect(delta?.results['test']).toMatchObject({ origin: 'not-run', lastKnown: true });
    expect(delta?.results['lint']).toMatchObject({ origin: 'not-run', reason: 'no earlier result on disk' });
    expect(delta?.tests?.counts.passed).toBe(2);
  });

  it('marks a project whose every result is not run and absent as not evaluated', () => {
    const only = buildReport({
      generatedAt,
      producer: 'hook',
      projects: [{ name: 'x', root: 'x', results: { test: { origin: 'not-run' }, lint: { origin: 'not-run' } } }],
    });
    expect(only.projects[0]?.gate).toEqual({ status: 'not-evaluated', conditions: [], violations: [] });
    expect(only.totals.gatesNotEvaluated).toBe(1);
  });

  it('builds the projects × test kinds matrix and the top gaps', () => {
    expect(report.testKinds).toEqual(['unit', 'integration']);
    expect(report.projects.find((p) => p.name === 'alpha')?.testKinds['unit']).toEqual({ files: 1, tests: 3 });
    expect(report.gaps.lowestCoverage.map((g) => g.project)).toEqual(['alpha', 'delta', 'beta']);
    expect(report.gaps.mostLintErrors).toEqual([{ project: 'alpha', errors: 3, warnings: 2 }]);
    expect(report.gaps.untestedModules[0]).toMatchObject({ project: 'alpha', fanIn: 4 });
  });

  it('adds ratchet conditions and deltas from the baseline', () => {
    const baseline: Baseline = {
      schemaVersion: 1,
      directions: { 'lint.errors': 'lower', 'coverage.lines': 'higher' },
      projects: { alpha: { 'lint.errors': 241, 'coverage.lines': 75 }, beta: { 'lint.errors': 0 } },
    };
    const withBaseline = buildReport({
      generatedAt,
      producer: 'executor',
      projects: sampleProjects(),
      baseline: { file: 'quality-baseline.json', state: 'ok', value: baseline },
      gates: { defaults: [] },
    });
    const alpha = withBaseline.projects.find((p) => p.name === 'alpha');
    expect(alpha?.deltas.map((d) => `${d.text} ${d.trend}`)).toEqual(['lint.errors 241 → 3 better', 'coverage.lines 75 → 72 worse']);
    expect(alpha?.gate.violations).toEqual(['coverage.lines 72 < 75 (project alpha, baseline)']);
    expect(withBaseline.failingConditions).toEqual([expect.objectContaining({ project: 'alpha', source: 'baseline', metric: 'coverage.lines' })]);
  });
});

describe('buildReport and the quality target', () => {
  const beta = sampleProjects().find((p) => p.name === 'beta')!;

  it('applies the gates of exactly the kinds the quality target evaluates (its tools)', () => {
    const withoutLint = { ...beta, results: { ...beta.results, lint: undefined } };
    const dropped = buildReport({ generatedAt, producer: 'hook', projects: [withoutLint] }).projects[0];
    expect(dropped?.gate.conditions.some((c) => c.metric === 'lint.errors')).toBe(false);
    const expected = buildReport({ generatedAt, producer: 'hook', projects: [{ ...withoutLint, absent: [] }] }).projects[0];
    expect(expected?.gate.status).toBe('failed');
    expect(expected?.gate.violations).toContain('lint.errors unknown (no result recorded it), required = 0 (project beta)');
  });

  it('never passes a project whose fresh or cached quality.json failed, and carries over its violations', () => {
    const quality = {
      kind: 'quality' as const,
      schemaVersion: 1 as const,
      project: 'beta',
      projectRoot: 'packages/beta',
      status: 'failed' as const,
      evaluatedAt: generatedAt,
      inputs: {},
      metrics: {},
      conditions: [],
      violations: ['quality.config.json is invalid: gates.defaults must be an array'],
    };
    const passing = buildReport({ generatedAt, producer: 'hook', projects: [beta] }).projects[0];
    expect(passing?.gate.status).toBe('passed');
    const cached = buildReport({ generatedAt, producer: 'hook', projects: [{ ...beta, results: { ...beta.results, quality: { origin: 'cached', value: quality } } }] }).projects[0];
    expect(cached?.gate).toMatchObject({ status: 'failed', violations: quality.violations });
    // A quality.json left over from an earlier invocation does not overrule this run's results.
    const stale = buildReport({ generatedAt, producer: 'hook', projects: [{ ...beta, results: { ...beta.results, quality: { origin: 'not-run', value: quality } } }] }).projects[0];
    expect(stale?.gate.status).toBe('passed');
  });
});
