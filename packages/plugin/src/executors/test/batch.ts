import type { ExecutorContext, Task, TaskGraph } from '@nx/devkit';
import { resolve } from 'node:path';
import { captureProcessOutput } from '../shared/capture-process-output';
import { resolveBatchWorkers, runBatchInWorkers } from '../shared/run-batch-in-workers';
import { runBatchTasks, type BatchTaskUpdate } from '../shared/run-batch-tasks';
import { recordToolResult, type ToolTaskOutcome } from '../shared/run-tool-executor';
import { isolateTaskProcessState } from './isolate-task-process-state';
import { nxTaskEnv } from './nx-task-env';
import type { TestExecutorOptions } from './options';
import { releaseJestTransformCaches, watchJestTransformCaches } from './release-jest-transform-caches';
import { testToolSpec } from './test-tool-spec';

/**
 * Nx `batchImplementation` of `@nx-quality/plugin:test`: every project's tests run in this one
 * process, one project after another, so Node, Jest, the transformer and the coverage
 * instrumentation load once instead of once per project. Each project runs through the single
 * executor's code path with the environment Nx would give its own task, and what it prints (Jest's
 * reporters, the node runner's output) becomes that task's terminal output, followed by the
 * summary; its test.json and coverage-final.json are what the single-task executor writes. Jest's
 * transform caches are emptied after each project, so memory does not grow with the batch.
 * Jest runs in band here, so the batch spreads its projects over one worker process per CPU
 * (`runBatchInWorkers`): Nx runs nothing beside a batch.
 */
export default function testBatch(
  taskGraph: TaskGraph,
  inputs: Record<string, TestExecutorOptions>,
  overrides: TestExecutorOptions,
  context: ExecutorContext,
): AsyncIterableIterator<BatchTaskUpdate> {
  const workers = resolveBatchWorkers(Object.keys(taskGraph.tasks).length);
  if (workers > 1) return runBatchInWorkers(__filename, taskGraph, inputs, overrides, context, workers);
  const spec = testToolSpec();
  return runBatchTasks('test', taskGraph, inputs, context, async (project, rawOptions, taskContext) => {
    await watchJestTransformCaches([resolve(project.workspaceRoot, project.root), project.workspaceRoot]);
    const task = taskOf(taskGraph, taskContext);
    const restore = isolateTaskProcessState(task ? nxTaskEnv(task, context) : undefined);
    const capture = captureProcessOutput();
    let outcome: ToolTaskOutcome | undefined;
    let output: string;
    try {
      outcome = await recordToolResult(spec, rawOptions, project);
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

/** The batch's task that `taskContext` (the batch context narrowed to one task) stands for. */
function taskOf(taskGraph: TaskGraph, taskContext: ExecutorContext): Task | undefined {
  return Object.values(taskGraph.tasks).find(
    ({ target }) =>
      target.project === taskContext.projectName && target.target === taskContext.targetName && (target.configuration ?? undefined) === (taskContext.configurationName ?? undefined),
  );
}
