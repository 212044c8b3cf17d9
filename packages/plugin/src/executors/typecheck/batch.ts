import { recordDeadWorkerTask } from '../shared/record-dead-worker-task';
import { runToolBatch } from '../shared/run-tool-batch';
import { spreadBatchOverWorkers, type RunTasksHere } from '../shared/spread-batch-over-workers';
import type { TypecheckExecutorOptions } from './options';
import { createTypecheckRunCache } from './typecheck-run-cache';
import { typecheckTool } from './typecheck-tool';

/**
 * Typecheck tasks in one process: they share one TypeScript and its parsed files (the default libs
 * and `@types` are parsed once per process, not once per project); each project's typecheck.json is
 * what the single-task executor writes.
 */
export function createTypecheckBatchRunner(): RunTasksHere<TypecheckExecutorOptions> {
  const cache = createTypecheckRunCache();
  return (taskGraph, inputs, context) => runToolBatch(typecheckTool(cache), taskGraph, inputs, context);
}

/** Nx `batchImplementation` of `@nx-quality/plugin:typecheck` (`--batch`): the projects spread over one worker process per CPU. */
export default spreadBatchOverWorkers(__filename, createTypecheckBatchRunner, (death, task, rawOptions, context) =>
  recordDeadWorkerTask(typecheckTool(), death, task, rawOptions, context),
);
