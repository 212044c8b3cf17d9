import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import type { BatchTaskResult, BatchTaskUpdate } from '../executors/shared/run-batch-tasks';
import { runInChild } from './run-in-child';

/** What a batch implementation reported: each task's result, and the order the tasks finished in. */
export interface DrainedBatch {
  results: Record<string, BatchTaskResult>;
  order: string[];
}

type BatchImplementation<Options> = (taskGraph: TaskGraph, inputs: Record<string, Options>, overrides: Options, context: ExecutorContext) => AsyncIterableIterator<BatchTaskUpdate>;

/**
 * A task graph as Nx hands it to a batch implementation: one `<project>:<target>` task per project,
 * with the given in-batch dependencies (task id → task ids).
 */
export function taskGraphOf(projects: string[], target: string, dependencies: Record<string, string[]> = {}): TaskGraph {
  const tasks = Object.fromEntries(projects.map((project) => [`${project}:${target}`, { id: `${project}:${target}`, target: { project, target }, overrides: {}, outputs: [] }]));
  const ids = Object.keys(tasks);
  return {
    roots: ids.filter((id) => (dependencies[id] ?? []).length === 0),
    tasks,
    dependencies: Object.fromEntries(ids.map((id) => [id, dependencies[id] ?? []])),
    continuousDependencies: Object.fromEntries(ids.map((id) => [id, []])),
  } as unknown as TaskGraph;
}

/**
 * Runs in the child process: calls the batch implementation (default export of `batchModule`) as
 * Nx's batch worker does and drains its async iterator into a plain object.
 */
export async function drainBatch<Options>(batchModule: string, taskGraph: TaskGraph, inputs: Record<string, Options>, context: ExecutorContext): Promise<DrainedBatch> {
  const batch = (require(batchModule) as { default: BatchImplementation<Options> }).default;
  const results: Record<string, BatchTaskResult> = {};
  const order: string[] = [];
  for await (const done of batch(taskGraph, inputs, {} as Options, context)) {
    results[done.task] = done.result;
    order.push(done.task);
  }
  return { results, order };
}

/**
 * Runs a batch implementation (a `batch.ts`) in a fresh Node process with the real tools, as Nx
 * would in its batch worker, and returns what it reported plus the process output.
 */
export function runBatchInChild<Options>(
  batchModule: string,
  taskGraph: TaskGraph,
  inputs: Record<string, Options>,
  context: Pick<ExecutorContext, 'root' | 'cwd' | 'isVerbose' | 'projectsConfigurations'> & Partial<ExecutorContext>,
  options: Parameters<typeof runInChild>[3] = {},
): Promise<{ value: DrainedBatch; stdout: string; stderr: string }> {
  return runInChild<DrainedBatch>(__filename, 'drainBatch', [batchModule, taskGraph, inputs, context], options);
}
