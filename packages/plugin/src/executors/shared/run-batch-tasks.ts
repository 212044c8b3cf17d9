import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import { projectRefFromContext, type ProjectRef } from '../../shared/project-ref';
import { dependencyOrder } from './dependency-order';

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
export interface BatchTaskUpdate {
  task: string;
  result: BatchTaskResult;
}

/** What one task of a batch did: whether it passed and the text the single-task executor would print. */
export interface BatchTaskOutcome {
  success: boolean;
  summary: string;
}

/**
 * One task's work inside a batch: the same as the single-task executor's, minus the printing.
 * `context` is the batch context narrowed to the task (projectName, targetName, configurationName).
 */
export type RunBatchTask<Options> = (project: ProjectRef, rawOptions: Options, context: ExecutorContext) => Promise<BatchTaskOutcome>;

/**
 * The body of an Nx `batchImplementation`: every task of the batch runs in this one process, one
 * after another, each after the tasks it depends on inside the batch. A task whose in-batch
 * dependency failed is reported `skipped` without running, as Nx does outside batch mode (Nx itself
 * skips tasks whose dependency outside the batch failed: they never reach a batch). A task that
 * throws fails alone, reported as `<label>: <message>`; the batch goes on.
 */
export async function* runBatchTasks<Options>(
  label: string,
  taskGraph: TaskGraph,
  inputs: Record<string, Options>,
  context: ExecutorContext,
  runTask: RunBatchTask<Options>,
): AsyncIterableIterator<BatchTaskUpdate> {
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
      // Results record the hash of the task that wrote them, as a task Nx forks gets it in NX_TASK_HASH;
      // a task given without one (its hash is not final yet) records none rather than the batch's.
      const savedHash = process.env['NX_TASK_HASH'];
      if (task.hash) process.env['NX_TASK_HASH'] = task.hash;
      else delete process.env['NX_TASK_HASH'];
      try {
        const outcome = await runTask(projectRefFromContext(taskContext), inputs[taskId] as Options, taskContext);
        result = { success: outcome.success, terminalOutput: `${outcome.summary}\n`, startTime, endTime: Date.now() };
      } catch (error) {
        // Outside a batch this would fail only its own task's process: it must not abort the others.
        const message = error instanceof Error ? error.message : String(error);
        result = { success: false, terminalOutput: `${label}: ${message}\n`, startTime, endTime: Date.now() };
      }
      if (savedHash === undefined) delete process.env['NX_TASK_HASH'];
      else process.env['NX_TASK_HASH'] = savedHash;
    }
    succeeded.set(taskId, result.success);
    yield { task: taskId, result };
  }
}
