import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExecutorContext, PostTasksExecutionContext, ProjectGraph, TaskResult } from '@nx/devkit';
import { ReportSchema, type ReportJson } from '@nx-quality/core';
import { postTasksExecution } from '../index';
import qualityReport from '../executors/quality-report/executor';
import { createReportWorkspace, type ReportWorkspace } from '../report/__fixtures__/report-workspace';
import { QualityGatesFailedError } from '../verdict/gate-verdict';

let graph: ProjectGraph;
jest.mock('@nx/devkit', () => ({ ...jest.requireActual('@nx/devkit'), readCachedProjectGraph: () => graph }));

/** Every target of the projects with a quality target, as a `nx run-many -t quality` run that ran them all. */
function runOfQuality(ws: ReportWorkspace): PostTasksExecutionContext {
  const results: TaskResult[] = [];
  for (const node of Object.values(ws.graph.nodes)) {
    if (!node.data.targets?.['quality']) continue;
    for (const target of ['test', 'lint', 'typecheck', 'quality']) {
      const id = `${node.name}:${target}`;
      results.push({ task: { id, target: { project: node.name, target }, overrides: {}, outputs: [], cache: true }, status: 'success', code: 0 } as TaskResult);
    }
  }
  return {
    id: 'run',
    workspaceRoot: ws.root,
    nxJsonConfiguration: { plugins: ['@nx-quality/plugin'] },
    taskResults: Object.fromEntries(results.map((r) => [r.task.id, r])),
    argv: ['nx', 'run-many', '-t', 'quality'],
    startTime: 0,
    endTime: 1,
  };
}

const gates = (report: ReportJson) => Object.fromEntries(report.projects.map((p) => [p.name, { status: p.gate.status, violations: p.gate.violations }]));

/**
 * The three answers a user sees after `nx run-many -t quality` (the after-run hook's report, its
 * verdict on the command, and `nx run <root>:quality-report` afterwards) read one set of quality.json
 * files and give one answer.
 */
async function answersOf(ws: ReportWorkspace) {
  await ws.evaluate();
  graph = ws.graph;
  let verdict: string[] = [];
  await postTasksExecution({}, runOfQuality(ws)).catch((error: unknown) => {
    if (!(error instanceof QualityGatesFailedError)) throw error;
    verdict = error.violations;
  });
  const readReport = () => ReportSchema.parse(JSON.parse(readFileSync(join(ws.root, 'dist/quality-report/report.json'), 'utf8')));
  const hook = readReport();
  const context = { root: ws.root, cwd: ws.root, isVerbose: false, projectName: 'ws', targetName: 'quality-report', projectGraph: ws.graph } as ExecutorContext;
  await qualityReport({ formats: ['json'] }, { ...context, projectsConfigurations: { version: 2, projects: Object.fromEntries(Object.entries(ws.graph.nodes).map(([n, p]) => [n, p.data])) } });
  return { verdict, hook, executor: readReport() };
}

describe('the after-run hook, its verdict and quality-report agree', () => {
  let ws: ReportWorkspace;
  beforeEach(() => {
    ws = createReportWorkspace('agree-ws');
    for (const stream of [process.stdout, process.stderr]) jest.spyOn(stream, 'write').mockImplementation(() => true);
    delete process.env['GITHUB_ACTIONS'];
  });
  afterEach(() => {
    jest.restoreAllMocks();
    ws.cleanup();
  });

  it('gives each project the gate its quality.json records, and the command the same violations', async () => {
    const { verdict, hook, executor } = await answersOf(ws);
    expect(gates(hook)).toEqual(gates(executor));
    expect(gates(executor)).toMatchObject({ alpha: { status: 'failed' }, beta: { status: 'passed' }, gamma: { status: 'failed' }, evil: { status: 'not-evaluated' } });
    const quality = (project: string) => JSON.parse(readFileSync(join(ws.root, `dist/quality/packages/${project}/quality.json`), 'utf8')).violations;
    expect(executor.projects.find((p) => p.name === 'alpha')?.gate.violations).toEqual(quality('alpha'));
    expect(verdict).toEqual([...quality('alpha'), ...quality('gamma')]);
  });

  it('agree on an invalid quality.config.json: every project fails, each saying why', async () => {
    ws.write('quality.config.json', { gates: { defaults: 'none' } });
    const { verdict, hook, executor } = await answersOf(ws);
    expect(gates(hook)).toEqual(gates(executor));
    const beta = executor.projects.find((p) => p.name === 'beta');
    expect(beta?.gate.status).toBe('failed');
    expect(beta?.gate.violations[0]).toMatch(/^quality\.config\.json.*gates\.defaults.* \(project beta\)$/);
    expect(verdict).toEqual(executor.projects.filter((p) => p.gate.status === 'failed').flatMap((p) => p.gate.violations));
    expect(executor.problems.join('\n')).toMatch(/quality\.config\.json/);
  });
});
