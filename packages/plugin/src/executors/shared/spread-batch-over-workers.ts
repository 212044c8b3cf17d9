import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import { isBatchWorker, resolveBatchWorkers, runBatchInWorkers } from './run-batch-in-workers';
import type { BatchTaskUpdate } from './run-batch-tasks';

/**
 * The batch implementation (`batchModule`'s default export) of a tool whose tasks share state only
 * inside one process (a loaded ESLint, parsed lib files): Nx runs one batch at a time with nothing
 * beside it, so a batch of a single-threaded tool in one process leaves every other CPU idle while
 * its projects run one after another. Spread over worker processes (`runBatchInWorkers`), each
 * worker keeps one state for all the tasks it is handed (`createState`, called once per process);
 * with one worker the batch runs here, on a state of its own.
 */
export function spreadBatchOverWorkers<Options, State>(
  batchModule: string,
  createState: () => State,
  runHere: (state: State, taskGraph: TaskGraph, inputs: Record<string, Options>, context: ExecutorContext) => AsyncIterableIterator<BatchTaskUpdate>,
): (taskGraph: TaskGraph, inputs: Record<string, Options>, overrides: Options, context: ExecutorContext) => AsyncIterableIterator<BatchTaskUpdate> {
  const inWorker: { current?: State } = {};
  return (taskGraph, inputs, overrides, context) => {
    if (isBatchWorker()) return runHere((inWorker.current ??= createState()), taskGraph, inputs, context);
    const workers = resolveBatchWorkers(Object.keys(taskGraph.tasks).length);
    if (workers > 1) return runBatchInWorkers(batchModule, taskGraph, inputs, overrides, context, workers);
    return runHere(createState(), taskGraph, inputs, context);
  };
}
