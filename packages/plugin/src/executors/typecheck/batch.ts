import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import { runToolBatch, type ToolBatchTaskResult } from '../shared/run-tool-batch';
import { spreadBatchOverWorkers } from '../shared/spread-batch-over-workers';
import type { TypecheckExecutorOptions } from './options';
import { createTypecheckRunCache, type TypecheckRunCache } from './typecheck-run-cache';
import { typecheckTool } from './typecheck-tool';

const workerCache: { current?: TypecheckRunCache } = {};

/**
 * Nx `batchImplementation` of `@nx-quality/plugin:typecheck` (`--batch`): the projects spread over
 * one worker process per CPU (`spreadBatchOverWorkers`); inside a process they share one TypeScript
 * and its parsed files (the default libs and `@types` are parsed once per process, not once per
 * project); each project's typecheck.json is what the single-task executor writes.
 */
export default function typecheckBatch(
  taskGraph: TaskGraph,
  inputs: Record<string, TypecheckExecutorOptions>,
  overrides: TypecheckExecutorOptions,
  context: ExecutorContext,
): AsyncIterableIterator<ToolBatchTaskResult> {
  return spreadBatchOverWorkers(__filename, taskGraph, inputs, overrides, context, { create: createTypecheckRunCache, inWorker: workerCache }, (cache) =>
    runToolBatch(typecheckTool(cache), taskGraph, inputs, context),
  );
}
