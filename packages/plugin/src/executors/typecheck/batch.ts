import { runToolBatch } from '../shared/run-tool-batch';
import { spreadBatchOverWorkers } from '../shared/spread-batch-over-workers';
import type { TypecheckExecutorOptions } from './options';
import { createTypecheckRunCache, type TypecheckRunCache } from './typecheck-run-cache';
import { typecheckTool } from './typecheck-tool';

/**
 * Nx `batchImplementation` of `@nx-quality/plugin:typecheck` (`--batch`): the projects spread over
 * one worker process per CPU (`spreadBatchOverWorkers`); inside a process they share one TypeScript
 * and its parsed files (the default libs and `@types` are parsed once per process, not once per
 * project); each project's typecheck.json is what the single-task executor writes.
 */
export default spreadBatchOverWorkers<TypecheckExecutorOptions, TypecheckRunCache>(__filename, createTypecheckRunCache, (cache, taskGraph, inputs, context) =>
  runToolBatch(typecheckTool(cache), taskGraph, inputs, context),
);
