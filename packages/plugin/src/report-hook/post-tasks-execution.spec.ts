import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PostTasksExecutionContext, ProjectGraph, TaskResult } from '@nx/devkit';
import { ReportSchema, type Report } from '@nx-quality/core';
import { createReportWorkspace } from '../executors/quality-report/__fixtures__/report-workspace';
import { postTasksExecution } from './post-tasks-execution';

let graph: ProjectGraph;
jest.mock('@nx/devkit', () => ({ ...jest.requireActual('@nx/devkit'), readCachedProjectGraph: () => graph }));

type Status = TaskResult['status'];

function taskResult(project: string, target: string, status: Status): TaskResult {
  const id = `${project}:${target}`;
  return { task: { id, target: { project, target }, overrides: {}, outputs: [], cache: true }, status, code: status === 'failure' ? 1 : 0 } as TaskResult;
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
  beforeEach(() => {
    ws = createReportWorkspace('hook-ws');
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
  const report = (): Report => ReportSchema.parse(JSON.parse(readFileSync(join(ws.root, 'dist/quality-report/report.json'), 'utf8')));

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
    // quality was skipped because test failed: health is its last known result, and the gates are still evaluated.
    expect(alpha?.results['health']).toMatchObject({ origin: 'not-run', taskStatus: 'skipped', lastKnown: true });
    expect(alpha?.gate.violations).toContain('tests.failed 1 != 0 (project alpha)');
    const beta = r.projects.find((p) => p.name === 'beta');
    expect(beta?.results['lint']).toMatchObject({ origin: 'cached' });
    expect(beta?.results['typecheck']).toMatchObject({ origin: 'not-run', lastKnown: true });
    // gamma was not part of this (affected) run: its unreadable results are not-run, not failures.
    const gamma = r.projects.find((p) => p.name === 'gamma');
    expect(gamma?.origin).toBe('not-run');
    expect(gamma?.gate.status).toBe('not-evaluated');
    const printed = stdout.join("");
    expect(printed).toMatch(/nx-quality report: 2 of 4 projects fail their gates \(1 not evaluated\)/);
    expect(printed).toMatch(/not run in this invocation: .*gamma/);
    expect(printed).toMatch(/✗ tests.failed 1 != 0 \(project alpha\)/);
    expect(printed).toMatch(/report: dist\/quality-report\/index.html/);
  });

  it('labels a failure replayed from the cache (NX_CACHE_FAILURES) cached: its result started before the run', async () => {
    // The fixture results started at 2026-01-02T03:04:05Z; this run started a second later.
    const runStart = Date.parse('2026-01-02T03:04:06.000Z');
    await postTasksExecution({}, contextFor(ws.root, [taskResult('alpha', 'test', 'failure'), taskResult('beta', 'test', 'success')], runStart));
    const projects = report().projects;
    expect(projects.find((p) => p.name === 'alpha')?.results['test']).toMatchObject({ origin: 'cached', taskStatus: 'failure' });
    expect(projects.find((p) => p.name === 'beta')?.results['test']).toMatchObject({ origin: 'cached', taskStatus: 'success' });

    // Results that started at or after the run start were produced by it: fresh.
    await postTasksExecution({}, contextFor(ws.root, [taskResult('alpha', 'test', 'failure')], Date.parse('2026-01-02T03:04:05.000Z')));
    expect(report().projects.find((p) => p.name === 'alpha')?.results['test']).toMatchObject({ origin: 'fresh', taskStatus: 'failure' });
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
});
