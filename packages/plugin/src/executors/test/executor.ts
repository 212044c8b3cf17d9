import type { ExecutorContext, Task, TaskGraph } from '@nx/devkit';
import { isBatchWorker } from '../shared/run-batch-in-workers';
import { runToolExecutor } from '../shared/run-tool-executor';
import testBatch from './batch';
import { isolateTaskProcessState } from './isolate-task-process-state';
import { nxTaskEnv, officialTargetOf } from './nx-task-env';
import type { TestExecutorOptions } from './options';
import { testToolSpec } from './test-tool-spec';

/**
 * Nx executor `@nx-quality/plugin:test`: runs the tests, writes test.json on every outcome, prints a
 * summary. The tools get the environment of the official target ours stands beside (its `.env`
 * files): variables are set in this process, and when they change NODE_OPTIONS, which Node reads
 * only at start, the task runs in a child process started with them.
 */
export default async function testExecutor(rawOptions: TestExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  const task = isBatchWorker() ? undefined : thisTask(context);
  const env = task ? nxTaskEnv(task, context, officialTargetOf(rawOptions)) : undefined;
  if (task && env && (env['NODE_OPTIONS'] ?? '') !== (process.env['NODE_OPTIONS'] ?? '')) {
    const taskGraph = { roots: [task.id], tasks: { [task.id]: task }, dependencies: { [task.id]: [] }, continuousDependencies: { [task.id]: [] } } as unknown as TaskGraph;
    for await (const done of testBatch(taskGraph, { [task.id]: rawOptions }, rawOptions, context)) {
      process.stdout.write(done.result.terminalOutput);
      return { success: done.result.success };
    }
    return { success: false };
  }
  // The executor's process is the task's own: the environment stays as set for the rest of it.
  if (env) isolateTaskProcessState(env);
  return runToolExecutor(testToolSpec(), rawOptions, context);
}

/** The task Nx runs this executor for, from the run's task graph. */
function thisTask(context: ExecutorContext): Task | undefined {
  return Object.values(context.taskGraph?.tasks ?? {}).find(
    ({ target }) => target.project === context.projectName && target.target === context.targetName && (target.configuration ?? undefined) === (context.configurationName ?? undefined),
  );
}
