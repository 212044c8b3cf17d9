import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PostTasksExecutionContext, ProjectGraph, TaskResult } from '@nx/devkit';
import { fileVersion, ReportSchema, type ReportJson } from '@nx-quality/core';
import { createReportWorkspace } from '../report/__fixtures__/report-workspace';
import { sampleCoverage } from '@nx-quality/core/test-support';
import { postTasksExecution } from './post-tasks-execution';
import { prepareReport, releaseWarmUp, takeReportWarmUp } from './prepare-report';
import { warmUpReport } from './warm-up-report';

let graph: ProjectGraph;
jest.mock('@nx/devkit', () => ({ ...jest.requireActual('@nx/devkit'), readCachedProjectGraph: () => graph }));

type Status = TaskResult['status'];

function taskResult(project: string, target: string, status: Status): TaskResult {
  const id = `${project}:${target}`;
  return { task: { id, target: { project, target }, overrides: {}, outputs: [], cache: true }, status, code: status === 'failure' ? 1 : 0 } as TaskResult;
}

/** A task Nx restored from a cache entry (`hash`). */
function restored(project: string, target: string, hash: string, status: Status = 'local-cache'): TaskResult {
  const result = taskResult(project, target, status);
  return { ...result, task: { ...result.task, hash } };
}

function contextFor(root: string, results: TaskResult[], startTime = 0): PostTasksExecutionContext {
  return {
    id: 'run',
    workspaceRoot: root,
    nxJsonConfiguration: { plugins: ['@nx-quality/plugin'] },
    taskResults: Object.fromEntries(results.map((r) => [r.task.id, r])),
    argv: ['nx', 'run-many', '-t', 'quality'],
    startTime,
    endTime: startTime + 1,
  };
}

describe('postTasksExecution (report after run)', () => {
  let ws: ReturnType<typeof createReportWorkspace>;
  let stdout: string[];
  let stderr: string[];
  beforeEach(async () => {
    ws = createReportWorkspace('hook-ws');
    await ws.evaluate();
    graph = ws.graph;
    stdout = [];
    stderr = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true));
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true));
    delete process.env['GITHUB_ACTIONS'];
    delete process.env['GITHUB_STEP_SUMMARY'];
  });
  afterEach(() => {
    jest.restoreAllMocks();
    ws.cleanup();
  });
  const report = (): ReportJson => ReportSchema.parse(JSON.parse(readFileSync(join(ws.root, 'dist/quality-report/report.json'), 'utf8')));

  it('labels results fresh, cached or not run from the task results, even when tasks failed', async () => {
    await postTasksExecution({}, contextFor(ws.root, [
      taskResult('alpha', 'test', 'failure'),
      taskResult('alpha', 'lint', 'local-cache'),
      taskResult('alpha', 'typecheck', 'remote-cache'),
      taskResult('alpha', 'quality', 'skipped'),
      taskResult('beta', 'test', 'success'),
      taskResult('beta', 'lint', 'local-cache-kept-existing'),
      taskResult('alpha', 'build', 'success'),
    ]));
    const r = report();
    expect(r.producer).toBe('hook');
    expect(r.invocation).toEqual({ projectsRun: ['alpha', 'beta'], targets: ['lint', 'quality', 'test', 'typecheck'] });
    const alpha = r.projects.find((p) => p.name === 'alpha');
    expect(alpha?.results['test']).toMatchObject({ origin: 'fresh', taskStatus: 'failure' });
    expect(alpha?.results['lint']).toMatchObject({ origin: 'cached', taskStatus: 'local-cache' });
    expect(alpha?.results['typecheck']).toMatchObject({ origin: 'cached', taskStatus: 'remote-cache' });
    // quality was skipped because test failed: health is its last known result, and the quality.json on
    // disk is an earlier run's, so the gate fails and says why instead of showing that outcome.
    expect(alpha?.results['health']).toMatchObject({ origin: 'not-run', taskStatus: 'skipped', lastKnown: true });
    expect(alpha?.gate).toMatchObject({
      status: 'failed',
      violations: ["quality result not written: this run's quality task was skipped (dist/quality/packages/alpha/quality.json) (project alpha)"],
    });
    const beta = r.projects.find((p) => p.name === 'beta');
    expect(beta?.results['lint']).toMatchObject({ origin: 'cached' });
    // The run asked for typecheck and quality (alpha ran them) but Nx reported no task for beta's: skipped.
    expect(beta?.results['typecheck']).toMatchObject({ origin: 'not-run', lastKnown: true, taskStatus: 'skipped' });
    expect(beta?.gate.violations).toEqual(["quality result not written: this run's quality task was skipped (dist/quality/packages/beta/quality.json) (project beta)"]);
    // gamma was not part of this (affected) run: its results are not-run, and its gate is the last one its quality target recorded.
    const gamma = r.projects.find((p) => p.name === 'gamma');
    expect(gamma?.origin).toBe('not-run');
    expect(gamma?.results['quality']).toMatchObject({ origin: 'not-run', lastKnown: true, status: 'failed' });
    expect(gamma?.gate.status).toBe('failed');
    const printed = stdout.join("");
    expect(printed).toMatch(/nx-quality report: 3 of 4 projects fail their gates \(1 not evaluated\)/);
    expect(printed).toMatch(/not run in this invocation: .*gamma/);
    expect(printed).toMatch(/✗ quality result not written: this run's quality task was skipped \(dist\/quality\/packages\/alpha\/quality\.json\) \(project alpha\)/);
    expect(printed).toMatch(/report: dist\/quality-report\/index.html/);
  });

  // As on typescript-eslint: `nx run-many -t quality -p alpha` builds alpha's dependencies first
  // (quality-test depends on ^build). Those projects ran a task, but not one the command asked of them.
  it('never labels a project whose tasks ran only as another project’s dependencies as skipped', async () => {
    await postTasksExecution({}, contextFor(ws.root, [
      taskResult('gamma', 'build', 'success'),
      taskResult('alpha', 'test', 'success'),
      taskResult('alpha', 'lint', 'success'),
      taskResult('alpha', 'typecheck', 'success'),
      taskResult('alpha', 'quality', 'success'),
    ]));
    const gamma = report().projects.find((p) => p.name === 'gamma');
    expect(gamma?.origin).toBe('not-run');
    expect(gamma?.results['quality']).toMatchObject({ origin: 'not-run', lastKnown: true });
    expect(gamma?.results['quality']).not.toHaveProperty('taskStatus');
    expect(gamma?.gate.violations.join('\n')).not.toMatch(/this run's quality task was skipped/);
  });

  it('labels a failure replayed from the cache (NX_CACHE_FAILURES) cached: its result has the task hash and started before the run', async () => {
    // The fixture results started at 2026-01-02T03:04:05Z; this run started a second later.
    const runStart = Date.parse('2026-01-02T03:04:06.000Z');
    const testJson = (project: string) => `dist/quality/packages/${project}/test.json`;
    const withHash = (project: string, hash: string) => ws.write(testJson(project), { ...JSON.parse(readFileSync(join(ws.root, testJson(project)), 'utf8')), taskHash: hash });
    withHash('alpha', 'ha');
    withHash('beta', 'hb');
    const ran = (project: string, status: Status, hash: string) => restored(project, 'test', hash, status);
    await postTasksExecution({}, contextFor(ws.root, [ran('alpha', 'failure', 'ha'), ran('beta', 'success', 'hb')], runStart));
    let projects = report().projects;
    expect(projects.find((p) => p.name === 'alpha')?.results['test']).toMatchObject({ origin: 'cached', taskStatus: 'failure' });
    // A task that succeeded with the hash of the file it wrote: fresh, whatever the clocks say.
    expect(projects.find((p) => p.name === 'beta')?.results['test']).toMatchObject({ origin: 'fresh', taskStatus: 'success' });

    // Results that started at or after the run start and carry the task's hash were produced by it: fresh.
    await postTasksExecution({}, contextFor(ws.root, [ran('alpha', 'failure', 'ha')], Date.parse('2026-01-02T03:04:05.000Z')));
    expect(report().projects.find((p) => p.name === 'alpha')?.results['test']).toMatchObject({ origin: 'fresh', taskStatus: 'failure' });

    // The task failed with other inputs (a crash before it wrote anything): the file is an earlier run's, stale, and never passes.
    await postTasksExecution({}, contextFor(ws.root, [ran('alpha', 'failure', 'h-new'), ran('beta', 'failure', 'h-new')], runStart));
    projects = report().projects;
    const beta = projects.find((p) => p.name === 'beta');
    expect(beta?.results['test']).toMatchObject({ origin: 'stale', taskStatus: 'failure', status: 'passed', reason: expect.stringMatching(/^this run's task failed without replacing it; it was written by another task run \(hash hb/) });
    expect(beta?.gate.status).toBe('failed');
    expect(beta?.tests).toBeNull();
    const md = readFileSync(join(ws.root, 'dist/quality-report/report.md'), 'utf8');
    expect(md).toMatch(/Merged coverage leaves out 2 projects: alpha \(its test result is stale \(left by an earlier run\)\), beta/);
    expect(md).toMatch(/- beta test: stale \(dist\/quality\/packages\/beta\/test\.json\) – this run's task failed without replacing it/);
    expect(report().coverageLeftOut.map((x) => x.project)).toEqual(['alpha', 'beta']);
  });

  it('labels an older result stale when its task succeeded without writing one (no hash on either side: by time)', async () => {
    await postTasksExecution({}, contextFor(ws.root, [taskResult('beta', 'test', 'success')], Date.parse('2026-01-02T03:04:06.000Z')));
    const beta = report().projects.find((p) => p.name === 'beta');
    expect(beta?.results['test']).toMatchObject({ origin: 'stale', taskStatus: 'success' });
    expect(beta?.gate.status).toBe('failed');
  });

  it('takes the earliest task start as the run start when it precedes the context start time', async () => {
    const early = taskResult('alpha', 'test', 'failure');
    (early.task as { startTime?: number }).startTime = Date.parse('2026-01-02T03:04:00.000Z');
    await postTasksExecution({}, contextFor(ws.root, [early], Date.parse('2026-01-02T03:05:00.000Z')));
    expect(report().projects.find((p) => p.name === 'alpha')?.results['test']).toMatchObject({ origin: 'fresh' });
  });

  it('writes the report where the root quality-report target says, with its formats', async () => {
    graph = { ...ws.graph, nodes: { ...ws.graph.nodes, ws: { ...ws.graph.nodes['ws']!, data: { root: '.', targets: { 'quality-report': { executor: '@nx-quality/plugin:quality-report', options: { outputDir: 'reports/q', formats: ['md'] } } } } } } };
    await postTasksExecution({}, contextFor(ws.root, [taskResult('beta', 'quality', 'success')]));
    expect(existsSync(join(ws.root, 'reports/q/report.md'))).toBe(true);
    expect(existsSync(join(ws.root, 'reports/q/report.json'))).toBe(false);
  });

  it('does nothing when opted out, when no nx-quality task ran, or when quality-report itself ran', async () => {
    await postTasksExecution({ reportAfterRun: false }, contextFor(ws.root, [taskResult('alpha', 'test', 'success')]));
    await postTasksExecution({}, contextFor(ws.root, [taskResult('alpha', 'build', 'success')]));
    await postTasksExecution({}, contextFor(ws.root, [taskResult('alpha', 'test', 'success'), taskResult('ws', 'quality-report', 'success')]));
    expect(existsSync(join(ws.root, 'dist/quality-report'))).toBe(false);
    expect(stdout.join('')).toBe('');
  });

  it('never throws: a report that cannot be written is a warning', async () => {
    ws.write('dist/quality-report', 'a file where the folder should be');
    await expect(postTasksExecution({}, contextFor(ws.root, [taskResult('alpha', 'test', 'success')]))).resolves.toBeUndefined();
    expect(stderr.join('')).toMatch(/nx-quality: the workspace report could not be written after this run: .*(ENOTDIR|EEXIST)/);
  });

  describe('with what was read while the tasks ran (warmUpReport)', () => {
    const run = [taskResult('alpha', 'test', 'success'), taskResult('alpha', 'quality', 'success'), taskResult('beta', 'lint', 'local-cache')];
    const written = () => {
      const files = ['report.json', 'report.md', 'lcov.info', 'coverage-final.json', 'junit.xml'];
      return Object.fromEntries(files.map((file) => [file, readFileSync(join(ws.root, 'dist/quality-report', file), 'utf8').replace(/"generatedAt": ?"[^"]+"|Generated \S+ by/g, '')]));
    };

    it('writes the report it writes without, reading again what the run rewrote since', async () => {
      const warmUp = warmUpReport(ws.root);
      // The run rewrites alpha's test result (other counts) and its coverage, and beta's lint result.
      const alphaTest = 'dist/quality/packages/alpha/test.json';
      const rewritten = JSON.parse(readFileSync(join(ws.root, alphaTest), 'utf8')) as { counts: { passed: number; total: number } };
      rewritten.counts.passed += 5;
      rewritten.counts.total += 5;
      ws.write(alphaTest, rewritten);
      const alphaCoverage = sampleCoverage()[0]!;
      ws.write(alphaCoverage.file, { 'packages/alpha/src/a.ts': (alphaCoverage.data as Record<string, unknown>)['packages/alpha/src/a.ts'] });
      ws.write('dist/quality/packages/beta/lint.json', { ...JSON.parse(readFileSync(join(ws.root, 'dist/quality/packages/beta/lint.json'), 'utf8')), durationMs: 4321 });
      try {
        await postTasksExecution({}, contextFor(ws.root, run), undefined, warmUp);
      } finally {
        releaseWarmUp(warmUp);
      }
      const warm = written();
      expect(report().projects.find((p) => p.name === 'alpha')?.tests?.counts.passed).toBe(rewritten.counts.passed);
      expect(stderr.join('')).toBe('');

      rmSync(join(ws.root, 'dist/quality-report'), { recursive: true, force: true });
      await postTasksExecution({}, contextFor(ws.root, run));
      expect(written()).toEqual(warm);
    });

    it('is taken once, by the report of the same workspace', async () => {
      const afterPreload = () => new Promise((resolve) => setImmediate(resolve));
      prepareReport(ws.root);
      await afterPreload();
      const warmUp = takeReportWarmUp(ws.root);
      expect(warmUp?.workspaceRoot).toBe(ws.root);
      expect(takeReportWarmUp(ws.root)).toBeUndefined();
      releaseWarmUp(warmUp);

      prepareReport(ws.root);
      await afterPreload();
      expect(takeReportWarmUp(join(ws.root, 'elsewhere'))).toBeUndefined();
      expect(takeReportWarmUp(ws.root)).toBeUndefined();
      // Taken before it was ready (a run without tasks): nothing is prepared after.
      prepareReport(ws.root);
      expect(takeReportWarmUp(ws.root)).toBeUndefined();
      await afterPreload();
      expect(takeReportWarmUp(ws.root)).toBeUndefined();
    });
  });

  describe('a report whose inputs did not change', () => {
    const REPORT_JSON = 'dist/quality-report/report.json';
    const UNCHANGED = /\n {2}\(inputs unchanged since the report of \S+: its files were left as they are\)/;
    const warmRun = (overrides: Record<string, TaskResult> = {}) => {
      const results = { 'alpha:test': restored('alpha', 'test', 'h1'), 'alpha:lint': restored('alpha', 'lint', 'h2', 'local-cache-kept-existing'), 'beta:test': restored('beta', 'test', 'h3'), ...overrides };
      return postTasksExecution({}, contextFor(ws.root, Object.values(results)));
    };
    const printedSummary = () => stdout.join('').slice(stdout.join('').indexOf('nx-quality report:'));

    it('is left in place, with the same summary, annotations and step summary, although Nx rewrote the restored results', async () => {
      const stepSummary = join(ws.root, 'step-summary.md');
      writeFileSync(stepSummary, '');
      process.env['GITHUB_ACTIONS'] = 'true';
      process.env['GITHUB_STEP_SUMMARY'] = stepSummary;
      await warmRun();
      const first = { printed: stdout.join(''), versions: ['report.json', 'report.md', 'index.html', 'lcov.info'].map((f) => fileVersion(join(ws.root, 'dist/quality-report', f))), summary: readFileSync(stepSummary, 'utf8') };
      expect(first.printed).toMatch(/^::warning file=packages\/alpha\/src\/b c\.ts/m);
      expect(first.printed).not.toMatch(UNCHANGED);
      // Without the daemon Nx copies a cache hit's outputs back on every run: same bytes, new file times.
      const testJson = join(ws.root, 'dist/quality/packages/alpha/test.json');
      writeFileSync(testJson, readFileSync(testJson));
      stdout.length = 0;
      await warmRun();
      const again = stdout.join('');
      expect(['report.json', 'report.md', 'index.html', 'lcov.info'].map((f) => fileVersion(join(ws.root, 'dist/quality-report', f)))).toEqual(first.versions);
      expect(again).toMatch(UNCHANGED);
      expect(again.replace(UNCHANGED, '').trimEnd()).toBe(first.printed.trimEnd());
      expect(readFileSync(stepSummary, 'utf8')).toBe(first.summary + first.summary);
      expect(first.summary).toMatch(/^## nx-quality report/);
    });

    it.each<[string, () => void | Record<string, TaskResult>]>([
      ['a task is restored from another cache entry', () => ({ 'alpha:test': restored('alpha', 'test', 'h9') })],
      ['a task ran instead of being restored', () => ({ 'alpha:lint': taskResult('alpha', 'lint', 'success') })],
      ['a result came from the remote cache (another machine may have written it)', () => ({ 'beta:test': restored('beta', 'test', 'h3', 'remote-cache') })],
      ['a result of a task outside this run was rewritten', () => writeFileSync(join(ws.root, 'dist/quality/packages/beta/lint.json'), readFileSync(join(ws.root, 'dist/quality/packages/beta/lint.json')))],
      ['quality.config.json changed', () => ws.write('quality.config.json', { coverage: { lines: 10 } })],
      ['a source line quoted in SARIF changed', () => appendFileSync(join(ws.root, 'packages/alpha/src/a.ts'), '// edited\n')],
      ['a report file was deleted', () => rmSync(join(ws.root, 'dist/quality-report/report.md'))],
      ['a report file was edited', () => appendFileSync(join(ws.root, 'dist/quality-report/index.html'), ' ')],
      ['the stamp is corrupt', () => writeFileSync(join(ws.root, 'dist/quality-report/.nx-quality-stamp.json'), '{"stampVersion":1,')],
    ])('is written again when %s', async (_, change) => {
      await warmRun();
      const before = fileVersion(join(ws.root, REPORT_JSON));
      const overrides = change() ?? {};
      stdout.length = 0;
      await warmRun(overrides);
      expect(fileVersion(join(ws.root, REPORT_JSON))).not.toBe(before);
      expect(printedSummary()).toMatch(/^nx-quality report: /);
      expect(stdout.join('')).not.toMatch(UNCHANGED);
      expect(existsSync(join(ws.root, 'dist/quality-report/report.md'))).toBe(true);
    });

    it('is written again after quality-report rewrote it, and again left in place after that', async () => {
      await warmRun();
      writeFileSync(join(ws.root, REPORT_JSON), readFileSync(join(ws.root, REPORT_JSON)));
      stdout.length = 0;
      await warmRun();
      expect(stdout.join('')).not.toMatch(UNCHANGED);
      stdout.length = 0;
      await warmRun();
      expect(stdout.join('')).toMatch(UNCHANGED);
    });
  });
});
