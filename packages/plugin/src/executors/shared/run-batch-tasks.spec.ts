import type { ExecutorContext } from '@nx/devkit';
import { taskGraphOf } from '../../test-support/run-batch-in-child';
import type { ProjectRef } from '../../shared/project-ref';
import { runBatchTasks, type BatchTaskOutcome, type BatchTaskResult } from './run-batch-tasks';

const PROJECTS = ['a', 'b', 'c', 'd'];

const context = {
  root: '/ws',
  cwd: '/ws',
  isVerbose: false,
  projectsConfigurations: { version: 2, projects: Object.fromEntries(PROJECTS.map((name) => [name, { root: `libs/${name}`, tags: [`scope:${name}`] }])) },
} as unknown as ExecutorContext;

interface Call {
  project: ProjectRef;
  options: { n: number };
  context: ExecutorContext;
}

async function drain(
  behaviour: Record<string, 'pass' | 'fail' | 'throw'>,
  dependencies: Record<string, string[]>,
): Promise<{ order: string[]; calls: Call[]; results: Record<string, BatchTaskResult> }> {
  const calls: Call[] = [];
  const run = async (project: ProjectRef, options: { n: number }, taskContext: ExecutorContext): Promise<BatchTaskOutcome> => {
    calls.push({ project, options, context: taskContext });
    const what = behaviour[project.name] ?? 'pass';
    if (what === 'throw') throw new Error(`boom in ${project.name}`);
    return { success: what === 'pass', summary: `${project.name} ${what}ed` };
  };
  const inputs = Object.fromEntries(PROJECTS.map((name, index) => [`${name}:t`, { n: index }]));
  const order: string[] = [];
  const results: Record<string, BatchTaskResult> = {};
  // Listed last-first, so the dependency order cannot come from the listing order.
  for await (const done of runBatchTasks('thing', taskGraphOf([...PROJECTS].reverse(), 't', dependencies), inputs, context, run)) {
    order.push(done.task);
    results[done.task] = done.result;
  }
  return { order, calls, results };
}

describe('runBatchTasks', () => {
  it("runs every task after its in-batch dependencies, with its own options, project and context, and reports each summary", async () => {
    const { order, calls, results } = await drain({}, { 'd:t': ['c:t'], 'c:t': ['b:t', 'a:t'], 'b:t': ['a:t'] });
    expect(order).toEqual(['a:t', 'b:t', 'c:t', 'd:t']);
    expect(calls.map((call) => [call.project, call.options, call.context.projectName, call.context.targetName])).toEqual(
      PROJECTS.map((name, index) => [{ workspaceRoot: '/ws', name, root: `libs/${name}`, tags: [`scope:${name}`] }, { n: index }, name, 't']),
    );
    expect(results['c:t']).toMatchObject({ success: true, terminalOutput: 'c passed\n' });
    expect(results['c:t']!.status).toBeUndefined();
    expect(results['c:t']!.endTime).toBeGreaterThanOrEqual(results['c:t']!.startTime);
  });

  it('skips the tasks depending on a failed task, transitively, and still runs the independent ones', async () => {
    const { calls, results } = await drain({ a: 'fail' }, { 'b:t': ['a:t'], 'c:t': ['b:t'] });
    expect(calls.map((call) => call.project.name).sort()).toEqual(['a', 'd']);
    expect(results['a:t']).toMatchObject({ success: false, terminalOutput: 'a failed\n' });
    expect(results['a:t']!.status).toBeUndefined();
    expect(results['b:t']).toMatchObject({ success: false, status: 'skipped', terminalOutput: '' });
    expect(results['c:t']).toMatchObject({ success: false, status: 'skipped' });
    expect(results['d:t']).toMatchObject({ success: true, terminalOutput: 'd passed\n' });
  });

  it('fails a throwing task alone with its message, skips its dependents and goes on with the others', async () => {
    const { order, results } = await drain({ b: 'throw' }, { 'c:t': ['b:t'] });
    expect(order).toHaveLength(4);
    expect(results['b:t']).toMatchObject({ success: false, terminalOutput: 'thing: boom in b\n' });
    expect(results['b:t']!.status).toBeUndefined();
    expect(results['c:t']).toMatchObject({ status: 'skipped' });
    expect(results['a:t']!.success).toBe(true);
    expect(results['d:t']!.success).toBe(true);
  });

  it('ignores dependencies outside the batch (Nx ran them before and skips the batch tasks of failed ones)', async () => {
    const { calls, results } = await drain({}, { 'a:t': ['a:build'], 'b:t': ['x:t'] });
    expect(calls).toHaveLength(4);
    expect(Object.values(results).every((result) => result.success)).toBe(true);
  });
});
