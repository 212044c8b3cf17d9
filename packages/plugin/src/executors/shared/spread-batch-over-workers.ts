import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import { isBatchWorker, resolveBatchWorkers, runBatchInWorkers } from './run-batch-in-workers';
import type { BatchTaskUpdate } from './run-batch-tasks';

/**
 * The body of a batch implementation whose tasks share state only inside one process (a loaded
 * ESLint, parsed lib files): Nx runs one batch at a time with nothing beside it, so a batch of a
 * single-threaded tool in one process leaves every other CPU idle while its projects run one after
 * another. Spread over worker processes (`runBatchInWorkers`), each worker keeps one state for all
 * the tasks it is handed (`processState`, made once per process); with one worker the batch runs
 * here, on a state of its own.
 */
export function spreadBatchOverWorkers<State>(
  batchModule: string,
  taskGraph: TaskGraph,
  inputs: Record<string, unknown>,
  overrides: unknown,
  context: ExecutorContext,
  processState: { create: () => State; inWorker: { current?: State } },
  runHere: (state: State) => AsyncIterableIterator<BatchTaskUpdate>,
): AsyncIterableIterator<BatchTaskUpdate> {
  if (isBatchWorker()) return runHere((processState.inWorker.current ??= processState.create()));
  const workers = resolveBatchWorkers(Object.keys(taskGraph.tasks).length);
  if (workers > 1) return runBatchInWorkers(batchModule, taskGraph, inputs, overrides, context, workers);
  return runHere(processState.create());
}
