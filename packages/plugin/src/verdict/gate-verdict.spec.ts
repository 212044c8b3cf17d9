import type { PostTasksExecutionContext, ProjectGraph } from '@nx/devkit';
import { writeJsonAtomic } from '@nx-quality/core';
import { tempDirPerTest } from '@nx-quality/core/test-support';
import { join } from 'node:path';
import { assertGatesPassed, QualityGatesFailedError } from './gate-verdict';

const QUALITY = { executor: '@nx-quality/plugin:quality', options: { resultsDir: 'dist/quality/{projectRoot}' } };

function graphOf(projects: string[], quality: { executor: string; options: Record<string, unknown> } = QUALITY): ProjectGraph {
  return {
    nodes: Object.fromEntries(projects.map((name) => [name, { name, type: 'lib', data: { root: `libs/${name}`, targets: { quality, test: { executor: '@nx-quality/plugin:test' } } } }])),
    dependencies: {},
  } as unknown as ProjectGraph;
}

function qualityJson(project: string, violations: string[], taskHash?: string) {
  return {
    kind: 'quality',
    schemaVersion: 1,
    project,
    projectRoot: `libs/${project}`,
    status: violations.length === 0 ? 'passed' : 'failed',
    evaluatedAt: new Date().toISOString(),
    ...(taskHash ? { taskHash } : {}),
    inputs: {},
    metrics: {},
    conditions: [],
    violations,
  };
}

function contextOf(workspaceRoot: string, statuses: Record<string, string>): PostTasksExecutionContext {
  const taskResults = Object.fromEntries(
    Object.entries(statuses).map(([id, status]) => {
      const [project, target] = id.split(':') as [string, string];
      return [id, { status, task: { id, target: { project, target }, hash: `hash-${project}`, outputs: [], overrides: {} } }];
    }),
  );
  return { workspaceRoot, taskResults, argv: [], nxJsonConfiguration: {} } as unknown as PostTasksExecutionContext;
}

describe('assertGatesPassed', () => {
  const ws = tempDirPerTest('nxq-verdict-');

  it('passes when every quality task of the run recorded passing gates, cached ones included', () => {
    writeJsonAtomic(join(ws(), 'dist/quality/libs/a/quality.json'), qualityJson('a', [], 'hash-a'));
    writeJsonAtomic(join(ws(), 'dist/quality/libs/b/quality.json'), qualityJson('b', [], 'hash-b'));
    expect(() => assertGatesPassed(contextOf(ws(), { 'a:quality': 'success', 'b:quality': 'local-cache', 'a:test': 'success' }), graphOf(['a', 'b']))).not.toThrow();
  });

  it('reads the quality target that runs on the tool executor (Nx 23+), whose quality.json records no provisional hash', () => {
    const onTool = { executor: '@nx-quality/plugin:tool', options: { ...QUALITY.options, tool: 'quality' } };
    writeJsonAtomic(join(ws(), 'dist/quality/libs/a/quality.json'), qualityJson('a', ['lint.errors 3 > 0 (project a)']));
    writeJsonAtomic(join(ws(), 'dist/quality/libs/b/quality.json'), qualityJson('b', []));
    expect(() => assertGatesPassed(contextOf(ws(), { 'a:quality': 'success', 'b:quality': 'success' }), graphOf(['a', 'b'], onTool))).toThrow(
      new QualityGatesFailedError(1, 2, ['lint.errors 3 > 0 (project a)']),
    );
  });

  it('lists every violation of every failing project, one sentence each', () => {
    writeJsonAtomic(join(ws(), 'dist/quality/libs/a/quality.json'), qualityJson('a', ['coverage.lines 71.2 < 85 (project a)', 'tests.failed 2 > 0 (project a, tag:scope:core)'], 'hash-a'));
    writeJsonAtomic(join(ws(), 'dist/quality/libs/b/quality.json'), qualityJson('b', [], 'hash-b'));
    writeJsonAtomic(join(ws(), 'dist/quality/libs/c/quality.json'), qualityJson('c', ['lint.errors 3 > 0'], 'hash-c'));
    let thrown: unknown;
    try {
      assertGatesPassed(contextOf(ws(), { 'a:quality': 'success', 'b:quality': 'success', 'c:quality': 'remote-cache' }), graphOf(['a', 'b', 'c']));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(QualityGatesFailedError);
    expect((thrown as QualityGatesFailedError).code).toBe('QUALITY_GATES_FAILED');
    expect((thrown as Error).message).toBe(
      [
        'nx-quality: 2 of 3 projects fail their quality gates in this run',
        '  coverage.lines 71.2 < 85 (project a)',
        '  tests.failed 2 > 0 (project a, tag:scope:core)',
        '  lint.errors 3 > 0 (project c)',
      ].join('\n'),
    );
  });

  it("fails on a quality.json that is missing or was not written by this run's task", () => {
    writeJsonAtomic(join(ws(), 'dist/quality/libs/a/quality.json'), qualityJson('a', [], 'hash-of-an-earlier-run'));
    expect(() => assertGatesPassed(contextOf(ws(), { 'a:quality': 'success', 'b:quality': 'success' }), graphOf(['a', 'b']))).toThrow(
      [
        'nx-quality: 2 of 2 projects fail their quality gates in this run',
        "  dist/quality/libs/a/quality.json was not written by this run's quality task (project a)",
        '  dist/quality/libs/b/quality.json is missing (project b)',
      ].join('\n'),
    );
  });

  it('leaves quality tasks Nx failed or skipped to Nx, which already fails the run', () => {
    expect(() => assertGatesPassed(contextOf(ws(), { 'a:quality': 'failure', 'b:quality': 'skipped' }), graphOf(['a', 'b']))).not.toThrow();
  });
});
