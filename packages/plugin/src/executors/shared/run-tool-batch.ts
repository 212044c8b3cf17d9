import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import type { ResultStatus } from '@nx-quality/core';
import { runBatchTasks, type BatchTaskUpdate } from './run-batch-tasks';
import { isolateTaskProcessState } from './isolate-task-process-state';
import { nxTaskEnv } from './nx-task-env';
import { recordToolResult, type ToolDefinition } from './record-tool-result';
import { taskOfContext } from './task-of-context';

export type { BatchTaskResult } from './run-batch-tasks';

/** One finished task of a batch, as Nx's batch runner expects it from an async iterator. */
export type ToolBatchTaskResult = BatchTaskUpdate;

/**
 * The body of a tool executor's Nx `batchImplementation` (`nx run-many … --batch`): every task of
 * the batch runs in this one process, one after another in dependency order, through the same
 * `recordToolResult` as the single-task executor, under the environment Nx would give the task
 * (and the official target it stands beside), so each project's result file is the same; the
 * the tool's `run` is where a batch shares state (loaded tool, parsed files) between projects. A task
 * whose dependency inside the batch failed is skipped, as Nx does outside batch mode.
 */
export function runToolBatch<Options, Normalized, Result extends { status: ResultStatus }>(
  tool: ToolDefinition<Options, Normalized, Result>,
  taskGraph: TaskGraph,
  inputs: Record<string, Options>,
  context: ExecutorContext,
): AsyncIterableIterator<ToolBatchTaskResult> {
  return runBatchTasks(tool.kind, taskGraph, inputs, context, async (project, rawOptions, taskContext) => {
    const task = taskOfContext(taskContext, taskGraph);
    const restore = isolateTaskProcessState(task ? nxTaskEnv(task, context, rawOptions) : undefined);
    try {
      return await recordToolResult(tool, rawOptions, project, taskContext);
    } finally {
      restore();
    }
  });
}
