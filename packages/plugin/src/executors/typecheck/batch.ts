import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import { runToolBatch, type ToolBatchTaskResult } from '../shared/run-tool-batch';
import type { TypecheckExecutorOptions } from './options';
import { createTypecheckRunCache } from './typecheck-run-cache';
import { typecheckTool } from './typecheck-tool';

/**
 * Nx `batchImplementation` of `@nx-quality/plugin:typecheck` (`--batch`): every project in one
 * process sharing one TypeScript and its parsed files (the default libs and `@types` are parsed
 * once, not once per project); each project's typecheck.json is what the single-task executor writes.
 */
export default function typecheckBatch(
  taskGraph: TaskGraph,
  inputs: Record<string, TypecheckExecutorOptions>,
  _overrides: TypecheckExecutorOptions,
  context: ExecutorContext,
): AsyncIterableIterator<ToolBatchTaskResult> {
  return runToolBatch(typecheckTool(createTypecheckRunCache()), taskGraph, inputs, context);
}
