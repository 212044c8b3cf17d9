import type { ExecutorContext, Task, TaskGraph } from '@nx/devkit';
import type { DeadTaskRecord } from './record-dead-worker-task';
import { exitAfterBatchResults } from './exit-after-batch-results';
import { isBatchWorker, resolveBatchWorkers, runBatchInWorkers, type WorkerDeath } from './run-batch-in-workers';
import type { BatchTaskUpdate } from './run-batch-tasks';

/** Runs a batch's tasks in this process; the state it shares between tasks (a loaded ESLint, parsed lib files) lives in its closure. */
export type RunTasksHere<Options> = (taskGraph: TaskGraph, inputs: Record<string, Options>, context: ExecutorContext) => AsyncIterableIterator<BatchTaskUpdate>;

/**
 * The batch implementation (`batchModule`'s default export) of a tool whose tasks share state only
 * inside one process: Nx runs one batch at a time with nothing beside it, so a batch of a
 * single-threaded tool in one process leaves every other CPU idle while its projects run one after
 * another. Spread over worker processes (`runBatchInWorkers`), each worker keeps one runner (made by
 * `createRunner`, once per process) for all the tasks it is handed; with one worker the batch runs
 * here, on a runner of its own. A task whose worker dies gets the `error` result `recordDeadTask`
 * writes for it.
 */
export function spreadBatchOverWorkers<Options>(
  batchModule: string,
  createRunner: () => RunTasksHere<Options>,
  recordDeadTask: (death: WorkerDeath, task: Task, rawOptions: Options, context: ExecutorContext) => DeadTaskRecord,
): (taskGraph: TaskGraph, inputs: Record<string, Options>, overrides: Options, context: ExecutorContext) => AsyncIterableIterator<BatchTaskUpdate> {
  const inWorker: { current?: RunTasksHere<Options> } = {};
  return (taskGraph, inputs, overrides, context) => {
    exitAfterBatchResults();
    if (isBatchWorker()) return (inWorker.current ??= createRunner())(taskGraph, inputs, context);
    const workers = resolveBatchWorkers(Object.keys(taskGraph.tasks).length);
    if (workers > 1) {
      return runBatchInWorkers(batchModule, taskGraph, inputs, overrides, context, workers, {
        onWorkerDied: (death) => recordDeadTask(death, taskGraph.tasks[death.task]!, inputs[death.task]!, context),
      });
    }
    return createRunner()(taskGraph, inputs, context);
  };
}
