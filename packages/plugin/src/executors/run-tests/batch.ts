import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import { resolve } from 'node:path';
import { captureProcessOutput } from '../shared/capture-process-output';
import { exitAfterBatchResults } from '../shared/exit-after-batch-results';
import { isBatchWorker, resolveBatchWorkers, runBatchInWorkers } from '../shared/run-batch-in-workers';
import { runBatchTasks, type BatchTaskUpdate } from '../shared/run-batch-tasks';
import { recordToolResult, type ToolTaskOutcome } from '../shared/record-tool-result';
import { isolateTaskProcessState } from '../shared/isolate-task-process-state';
import { nxTaskEnv } from '../shared/nx-task-env';
import type { RunTasksHere } from '../shared/spread-batch-over-workers';
import { taskOfContext } from '../shared/task-of-context';
import type { TestExecutorOptions } from './options';
import { releaseJestTransformCaches, watchJestTransformCaches } from './release-jest-transform-caches';
import { testTool } from './test-tool';
import { testWorkerHooks } from './test-worker-hooks';

/**
 * Test tasks inside a batch worker, one after another through the single executor's code path
 * with the environment Nx would give the task (and the official target it stands beside), so Node,
 * Jest, the transformer and the coverage instrumentation load once per worker. What a project
 * prints becomes its task's terminal output, followed by the summary; its test.json and
 * coverage-final.json are what the single-task executor writes. Jest's transform caches are emptied
 * after each project, so memory does not grow with the batch.
 */
export function createTestBatchRunner(): RunTasksHere<TestExecutorOptions> {
  const tool = testTool();
  return (taskGraph, inputs, context) =>
    runBatchTasks('test', taskGraph, inputs, context, async (project, rawOptions, taskContext) => {
      await watchJestTransformCaches([resolve(project.workspaceRoot, project.root), project.workspaceRoot]);
      const task = taskOfContext(taskContext, taskGraph);
      const restore = isolateTaskProcessState(task ? nxTaskEnv(task, context, rawOptions) : undefined);
      const capture = captureProcessOutput();
      let outcome: ToolTaskOutcome | undefined;
      let output: string;
      try {
        outcome = await recordToolResult(tool, rawOptions, project, taskContext);
      } finally {
        output = capture.stop();
        restore();
        releaseJestTransformCaches();
        // A throw fails the task with the error message alone (runBatchTasks); what the task printed
        // goes to the batch process's own output, which Nx shows live, rather than nowhere.
        if (!outcome) process.stdout.write(output);
      }
      return { success: outcome.success, summary: output + outcome.summary };
    });
}

/**
 * Nx `batchImplementation` of `@nx-quality/plugin:test`. The batch spreads its projects over
 * worker processes (`runBatchInWorkers`: one per CPU, Nx runs nothing beside a batch), grouped by
 * the NODE_OPTIONS each task's environment gives it (`testWorkerHooks`). A worker that dies leaves
 * an `error` result naming the cause for the task it was running.
 */
export default function testBatch(
  taskGraph: TaskGraph,
  inputs: Record<string, TestExecutorOptions>,
  overrides: TestExecutorOptions,
  context: ExecutorContext,
): AsyncIterableIterator<BatchTaskUpdate> {
  exitAfterBatchResults();
  if (isBatchWorker()) return createTestBatchRunner()(taskGraph, inputs, context);
  const workers = resolveBatchWorkers(Object.keys(taskGraph.tasks).length);
  return runBatchInWorkers(__filename, taskGraph, inputs, overrides, context, workers, testWorkerHooks(taskGraph, inputs, context));
}
