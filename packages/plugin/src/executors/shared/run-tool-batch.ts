import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import type { ResultStatus } from '@nx-quality/core';
import { describeError } from './describe-error';
import { projectRefFromContext } from './project-ref';
import { recordToolResult, type ToolExecutorSpec } from './run-tool-executor';

/** A batch task's outcome as Nx's batch runner reads it (`TaskResult` of Nx's executor interfaces). */
export interface BatchTaskResult {
  success: boolean;
  /** What Nx prints (and caches) as the task's output. */
  terminalOutput: string;
  startTime: number;
  endTime: number;
  /** Nx 23+: tells a task skipped because a dependency failed from a failure of its own. */
  status?: 'skipped';
}

/** One finished task of a batch, as Nx's batch runner expects it from an async iterator. */
export interface ToolBatchTaskResult {
  task: string;
  result: BatchTaskResult;
}

/**
 * The body of a tool executor's Nx `batchImplementation` (`nx run-many … --batch`): every task of
 * the batch runs in this one process, one after another in dependency order, through the same
 * `recordToolResult` as the single-task executor, so each project's result file is the same; the
 * spec's `run` is where a batch shares state (loaded tool, parsed files) between projects. A task
 * whose dependency inside the batch failed is skipped, as Nx does outside batch mode.
 */
export async function* runToolBatch<Options, Normalized, Result extends { status: ResultStatus }>(
  spec: ToolExecutorSpec<Options, Normalized, Result>,
  taskGraph: TaskGraph,
  inputs: Record<string, Options>,
  context: ExecutorContext,
): AsyncIterableIterator<ToolBatchTaskResult> {
  const succeeded = new Map<string, boolean>();
  for (const taskId of dependencyOrder(taskGraph)) {
    const task = taskGraph.tasks[taskId]!;
    const startTime = Date.now();
    const inBatch = (taskGraph.dependencies[taskId] ?? []).filter((dependency) => succeeded.has(dependency));
    let result: BatchTaskResult;
    if (inBatch.some((dependency) => !succeeded.get(dependency))) {
      result = { success: false, status: 'skipped', terminalOutput: '', startTime, endTime: startTime };
    } else {
      const taskContext: ExecutorContext = { ...context, projectName: task.target.project, targetName: task.target.target, configurationName: task.target.configuration };
      try {
        const outcome = await recordToolResult(spec, inputs[taskId] as Options, projectRefFromContext(taskContext));
        result = { success: outcome.success, terminalOutput: `${outcome.summary}\n`, startTime, endTime: Date.now() };
        // eslint-disable-next-line @nx-quality/no-generic-catch -- batch boundary: what would fail one task outside a batch must not abort the others
      } catch (error) {
        const described = describeError(error, `${spec.kind.toUpperCase()}_FAILED`);
        result = { success: false, terminalOutput: `${spec.kind}: ${described.message}\n`, startTime, endTime: Date.now() };
      }
    }
    succeeded.set(taskId, result.success);
    yield { task: taskId, result };
  }
}

/** The batch's task ids, every task after the tasks it depends on inside the batch. */
function dependencyOrder(taskGraph: TaskGraph): string[] {
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (taskId: string, path: Set<string>): void => {
    if (placed.has(taskId) || path.has(taskId) || !taskGraph.tasks[taskId]) return;
    path.add(taskId);
    for (const dependency of taskGraph.dependencies[taskId] ?? []) visit(dependency, path);
    placed.add(taskId);
    ordered.push(taskId);
  };
  for (const taskId of Object.keys(taskGraph.tasks)) visit(taskId, new Set());
  return ordered;
}
