import type { ExecutorContext, Task } from '@nx/devkit';
import type { BatchTaskResult } from './run-batch-tasks';

/** What `runBatchInWorkers` sends a worker: load the batch module once, run one task, or finish. */
export type BatchWorkerRequest =
  | { type: 'init'; batchModule: string; overrides: unknown; context: ExecutorContext }
  | { type: 'run'; task: Task; input: unknown }
  | { type: 'exit' };

/** What a worker answers when a task is done. */
export interface BatchWorkerReply {
  type: 'done';
  task: string;
  result: BatchTaskResult;
  /** The worker's resident memory after the task, in MiB. */
  rssMb: number;
}
