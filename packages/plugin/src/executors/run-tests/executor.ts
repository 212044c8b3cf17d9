import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import { isBatchWorker } from '../shared/run-batch-in-workers';
import { runToolExecutor, taskEnvOfContext } from '../shared/run-tool-executor';
import { taskOfContext } from '../shared/task-of-context';
import testBatch from './batch';
import type { TestExecutorOptions } from './options';
import { testTool } from './test-tool';

/**
 * Nx executor `@nx-quality/plugin:test`: runs the tests, writes test.json on every outcome, prints a
 * summary. The tools get the environment of the official target ours stands beside (its `.env`
 * files): variables are set in this process, and when they change NODE_OPTIONS, which Node reads
 * only at start, the task runs in a child process started with them.
 */
export default async function testExecutor(rawOptions: TestExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  const task = isBatchWorker() ? undefined : taskOfContext(context);
  const env = task ? taskEnvOfContext(rawOptions, context) : undefined;
  if (task && env && (env['NODE_OPTIONS'] ?? '') !== (process.env['NODE_OPTIONS'] ?? '')) {
    const taskGraph = { roots: [task.id], tasks: { [task.id]: task }, dependencies: { [task.id]: [] }, continuousDependencies: { [task.id]: [] } } as unknown as TaskGraph;
    for await (const done of testBatch(taskGraph, { [task.id]: rawOptions }, rawOptions, context)) {
      process.stdout.write(done.result.terminalOutput);
      return { success: done.result.success };
    }
    return { success: false };
  }
  return runToolExecutor(testTool(), rawOptions, context, env);
}
