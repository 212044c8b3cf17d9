import type { ExecutorContext, Task, TaskGraph } from '@nx/devkit';
import { nxTaskEnv } from '../shared/nx-task-env';
import type { WorkerPoolHooks } from '../shared/run-batch-in-workers';
import type { TestExecutorOptions } from './options';

/**
 * How test tasks are placed in batch workers: each in a worker started under the NODE_OPTIONS its
 * environment gives it (its .env files and the official target's; Node reads NODE_OPTIONS only at
 * start), and a task whose worker died gets an `error` result naming the cause (`recordDeadWorkerTask`).
 */
export function testWorkerHooks(taskGraph: TaskGraph, inputs: Record<string, TestExecutorOptions>, context: ExecutorContext): Required<Pick<WorkerPoolHooks, 'nodeOptionsOf' | 'onWorkerDied'>> {
  return {
    nodeOptionsOf: (taskId) => taskNodeOptions(taskGraph.tasks[taskId]!, inputs[taskId], context),
    onWorkerDied: (death) => {
      // Loaded only when a worker died: the batch process places its tasks before it starts its workers.
      const { recordDeadWorkerTask } = require('../shared/record-dead-worker-task') as typeof import('../shared/record-dead-worker-task');
      const { testTool } = require('./test-tool') as typeof import('./test-tool');
      return recordDeadWorkerTask(testTool(), death, taskGraph.tasks[death.task]!, inputs[death.task]!, context);
    },
  };
}

/** The NODE_OPTIONS the task's environment (its .env files and the official target's) gives it; undefined leaves the batch's own. */
function taskNodeOptions(task: Task, rawOptions: unknown, context: ExecutorContext): string | undefined {
  return nxTaskEnv(task, context, rawOptions)?.['NODE_OPTIONS'];
}
