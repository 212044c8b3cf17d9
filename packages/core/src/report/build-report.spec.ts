import { buildReport } from './build-report';
import { ReportSchema } from './report-schema';
import { sampleProjects, withQuality } from '../test-support/sample-inputs';
import type { Baseline } from '../baseline/baseline-schema';

const generatedAt = '2026-01-02T03:04:05.000Z';

describe('buildReport', () => {
  const report = buildReport({ generatedAt, producer: 'hook', projects: sampleProjects() });

  it('produces a report that matches its own schema', () => {
    expect(ReportSchema.safeParse(report).success).toBe(true);
  });

  it('sums totals over the usable results only', () => {
    // alpha (fresh) + beta (cached) + delta (not run, last known result); gamma's test result is invalid.
    expect(report.totals.tests).toEqual({ total: 4 + 3 + 3, passed: 6, failed: 1, skipped: 3, todo: 0 });
    expect(report.totals.lint).toEqual({ errors: 3, warnings: 2 });
    expect(report.totals.typecheck).toEqual({ errors: 1 });
    // Four quality.json files among them: alpha's and gamma's fresh, beta's cached, delta's last known.
    expect(report.totals.resultOrigins).toEqual({ fresh: 4, cached: 5, 'not-run': 3, invalid: 1, missing: 1 });
  });

  it('reads each gate outcome from quality.json, as the quality target recorded it', () => {
    const alpha = report.projects.find((p) => p.name === 'alpha');
    expect(alpha?.gate.status).toBe('failed');
    expect(alpha?.gate.violations).toEqual(sampleProjects()[0]?.results.quality?.value?.violations);
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
    expect(delta?.results['quality']).toMatchObject({ origin: 'not-run', lastKnown: true, status: 'passed' });
    expect(delta?.gate.status).toBe('passed');
    // Its quality target has no lint tool: the lint file nothing wrote is not listed.
    expect(delta?.results['lint']).toBeUndefined();
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
    expect(report.projects.find((p) => p.name === 'alpha')?.testKinds['unit']).toEqual({ files: 1, tests: 3, counted: 'static' });
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
      projects: sampleProjects({ gates: { defaults: [] } }),
      baseline: { file: 'quality-baseline.json', state: 'ok', value: baseline },
    });
    const alpha = withBaseline.projects.find((p) => p.name === 'alpha');
    expect(alpha?.deltas.map((d) => `${d.text} ${d.trend}`)).toEqual(['lint.errors 241 → 3 better', 'coverage.lines 75 → 72 worse']);
    expect(alpha?.gate.violations).toEqual(['coverage.lines 72 < 75 (project alpha, baseline)']);
    expect(withBaseline.failingConditions).toEqual([
      expect.objectContaining({ project: 'alpha', source: 'baseline', metric: 'coverage.lines' }),
      // Without any default condition, gamma's unreadable and missing results still fail its gate.
      expect.objectContaining({ project: 'gamma', source: 'result', metric: 'test.result', message: expect.stringMatching(/^test result invalid: .* has schemaVersion 7/) }),
      expect.objectContaining({ project: 'gamma', source: 'result', metric: 'lint.result', message: expect.stringMatching(/^lint result missing: .* target lint has not written it/) }),
    ]);
  });

  it('lists the first lint errors and type errors with their location, and how many more there are', () => {
    const alpha = buildReport({ generatedAt, producer: 'hook', projects: sampleProjects(), limits: { locationsPerProject: 2 } }).projects.find((p) => p.name === 'alpha');
    expect(alpha?.lintErrors).toEqual([
      { file: 'packages/alpha/src/a.ts', line: 1, rule: '@typescript-eslint/no-explicit-any', message: 'Unexpected any | `x0` <b>' },
      { file: 'packages/alpha/src/a.ts', line: 2, rule: 'no-unused-vars', message: 'Unexpected any | `x1` <b>' },
    ]);
    expect(alpha?.lintErrorsOmitted).toBe(1);
    expect(alpha?.typeErrors).toEqual([{ file: 'packages/alpha/src/a.ts', line: 10, code: 'TS2322', message: "Type 'string' is not assignable to type 'number'." }]);
    expect(alpha?.typeErrorsOmitted).toBe(0);
  });

  it('gives no row to a project with no result at all: not in this run and nothing on disk', () => {
    const nothing = { name: 'excluded', root: 'e2e/x', results: { test: { origin: 'not-run' as const, nothingOnDisk: true }, lint: { origin: 'missing' as const, nothingOnDisk: true } } };
    const skipped = { name: 'skipped', root: 'libs/s', results: { test: { origin: 'not-run' as const, nothingOnDisk: true, taskStatus: 'skipped' } } };
    const built = buildReport({ generatedAt, producer: 'hook', projects: [...sampleProjects(), nothing, skipped] });
    expect(built.projects.map((p) => p.name)).toEqual(['alpha', 'beta', 'delta', 'gamma', 'skipped']);
    expect(built.totals.projects).toBe(5);
  });
});

describe('buildReport and results this run did not produce', () => {
  const beta = sampleProjects().find((p) => p.name === 'beta')!;
  const passingTest = beta.results.test!.value!;

  it('never passes a stale result: its numbers are not counted, its coverage is left out, and the gate says why', () => {
    const stale = { origin: 'stale' as const, file: 'dist/quality/packages/beta/test.json', value: passingTest, taskStatus: 'failure', reason: "this run's task failed without replacing it" };
    // The quality task read the file it found; only the report knows this run did not write it.
    const built = buildReport({ generatedAt, producer: 'hook', projects: [{ ...beta, results: { ...beta.results, test: stale } }] });
    const project = built.projects[0];
    expect(project?.results['quality']).toMatchObject({ status: 'passed' });
    expect(project?.origin).toBe('mixed');
    expect(project?.results['test']).toMatchObject({ origin: 'stale', status: 'passed', startedAt: passingTest.startedAt, reason: stale.reason });
    expect(project?.tests).toBeNull();
    expect(project?.coverage).toBeNull();
    expect(built.totals.tests.total).toBe(0);
    expect(project?.gate.status).toBe('failed');
    expect(project?.gate.violations).toEqual([
      "test result stale: this run's task failed without replacing it (dist/quality/packages/beta/test.json) (project beta)",
    ]);
    expect(built.coverageLeftOut).toEqual([{ project: 'beta', reason: 'its test result is stale (left by an earlier run)' }]);
  });

  it('shows an error result with its code, message and hint, and never passes it, even where no condition reads its metrics', () => {
    const health = sampleProjects().find((p) => p.name === 'alpha')!.results.health!.value!;
    const error = { code: 'TASK_DID_NOT_FINISH', message: 'The task ended before the tool wrote its result', hint: 'Run it alone with --batch=false' };
    const withHealth = (origin: 'fresh' | 'not-run') =>
      withQuality({ ...beta, results: { ...beta.results, health: { origin, file: 'h.json', value: { ...health, project: 'beta', status: 'error', error } } } }, { origin });
    const built = buildReport({ generatedAt, producer: 'hook', projects: [withHealth('fresh')] });
    const project = built.projects[0];
    expect(project?.results['health']).toMatchObject({ origin: 'fresh', status: 'error', error });
    expect(project?.toolErrors).toEqual([{ kind: 'health', ...error }]);
    expect(project?.gate.status).toBe('failed');
    expect(project?.gate.violations).toEqual(['health result error: TASK_DID_NOT_FINISH The task ended before the tool wrote its result (h.json) (project beta)']);

    // The same error result as the last known one of a project this run did not run fails the same way.
    const lastKnown = buildReport({ generatedAt, producer: 'hook', projects: [withHealth('not-run')] });
    expect(lastKnown.projects[0]?.gate.violations).toEqual(project?.gate.violations);

    const testError = buildReport({
      generatedAt,
      producer: 'hook',
      projects: [withQuality({ ...beta, results: { ...beta.results, test: { origin: 'fresh', value: { ...passingTest, status: 'error', error } } } })],
    });
    expect(testError.coverageLeftOut).toEqual([{ project: 'beta', reason: 'its tests could not run (TASK_DID_NOT_FINISH)' }]);
    expect(testError.projects[0]?.gate.violations[0]).toMatch(/^tests\.failed unknown \(test could not run: The task ended/);
  });
});

describe('buildReport and the quality target', () => {
  const beta = sampleProjects().find((p) => p.name === 'beta')!;
  const gateOf = (project: typeof beta) => buildReport({ generatedAt, producer: 'hook', projects: [project] }).projects[0]?.gate;

  it('applies the gates of exactly the kinds the quality target evaluates (its tools)', () => {
    const withoutLint = { ...beta, results: { ...beta.results, lint: undefined } };
    expect(gateOf(withQuality(withoutLint, { absent: ['lint', 'health'] }))?.conditions.some((c) => c.metric === 'lint.errors')).toBe(false);
    const missingLint = { ...beta, results: { ...beta.results, lint: { origin: 'missing' as const, file: 'dist/quality/packages/beta/lint.json', reason: 'target lint has not written it' } } };
    const expected = gateOf(withQuality(missingLint));
    expect(expected?.status).toBe('failed');
    expect(expected?.violations).toEqual([
      'lint.errors unknown (lint result missing at dist/quality/packages/beta/lint.json), required = 0 (project beta)',
    ]);
  });

  it('never passes a project whose quality.json failed, or whose quality task of this run wrote none', () => {
    const failed = {
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
    const file = 'dist/quality/packages/beta/quality.json';
    expect(gateOf(beta)?.status).toBe('passed');
    expect(gateOf({ ...beta, results: { ...beta.results, quality: { origin: 'cached', file, value: failed } } })).toMatchObject({ status: 'failed', violations: failed.violations });

    // Skipped in this run (a task it depends on failed): the passing quality.json on disk is an earlier run's.
    const passed = beta.results.quality!.value!;
    expect(gateOf({ ...beta, results: { ...beta.results, quality: { origin: 'not-run', file, value: passed, taskStatus: 'skipped' } } })).toEqual({
      status: 'failed',
      conditions: [expect.objectContaining({ metric: 'quality.result', passed: false })],
      violations: [`quality result not written: this run's quality task was skipped (${file}) (project beta)`],
    });
    const stale = { origin: 'stale' as const, file, value: passed, reason: "this run's task succeeded without replacing it" };
    expect(gateOf({ ...beta, results: { ...beta.results, quality: stale } })?.violations).toEqual([
      `quality result stale: this run's task succeeded without replacing it (${file}) (project beta)`,
    ]);

    // Outside this invocation with nothing on disk (affected mode): not judged, rather than failed.
    expect(gateOf({ ...beta, results: { ...beta.results, quality: { origin: 'not-run', file, nothingOnDisk: true } } })?.status).toBe('not-evaluated');
  });

  it('shows no gate whose quality.json judged other results than those on disk: a tool ran again without the quality target', () => {
    const file = 'dist/quality/packages/beta/quality.json';
    const judged = beta.results.quality!.value!;
    const startedAtOf = (kind: 'test' | 'lint' | 'typecheck') => beta.results[kind]!.value!.startedAt;
    // quality.json records which result it judged (its startedAt) for each tool.
    const recording = {
      ...judged,
      inputs: Object.fromEntries(
        (['test', 'lint', 'typecheck'] as const).map((kind) => [kind, { state: 'ok' as const, file: `dist/quality/packages/beta/${kind}.json`, startedAt: startedAtOf(kind) }]),
      ),
    };
    const lastKnown = { origin: 'not-run' as const, file, value: recording };
    expect(gateOf({ ...beta, results: { ...beta.results, quality: lastKnown } })?.status).toBe('passed');

    // `nx run beta:test` alone: a new test.json, with a failing test, beside the earlier passing gate.
    const rerun = { ...beta.results.test!, origin: 'fresh' as const, value: { ...beta.results.test!.value!, startedAt: '2026-01-02T04:00:00.000Z', counts: { ...beta.results.test!.value!.counts, failed: 1 } } };
    const report = buildReport({ generatedAt, producer: 'hook', projects: [{ ...beta, results: { ...beta.results, test: rerun, quality: lastKnown } }] });
    expect(report.projects[0]?.gate).toEqual({
      status: 'not-evaluated',
      conditions: [],
      violations: [],
      reason: 'Gate not evaluated on the current results: test.json of project beta was written after its quality.json judged the project; run its quality target.',
    });
    expect(report.totals).toMatchObject({ gatesPassed: 0, gatesNotEvaluated: 1 });
    expect(ReportSchema.safeParse(report).success).toBe(true);
    // Its metrics are the current results': the failing test is counted.
    expect(report.totals.tests.failed).toBe(1);

    // A quality.json of an older release records no startedAt: taken as it is.
    expect(gateOf({ ...beta, results: { ...beta.results, test: rerun, quality: { origin: 'not-run', file, value: judged } } })?.status).toBe('passed');
  });
});
