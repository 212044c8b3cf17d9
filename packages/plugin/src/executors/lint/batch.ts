import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import { runToolBatch, type ToolBatchTaskResult } from '../shared/run-tool-batch';
import { createLintRunCache } from './lint-run-cache';
import { lintTool } from './lint-tool';
import type { LintExecutorOptions } from './options';

/**
 * Nx `batchImplementation` of `@nx-quality/plugin:lint` (`--batch`): every project in one process
 * sharing one ESLint and, for projects with the same config and options, one ESLint instance (its
 * config, plugins and parser loaded once); each project's lint.json is what the single-task executor writes.
 */
export default function lintBatch(
  taskGraph: TaskGraph,
  inputs: Record<string, LintExecutorOptions>,
  _overrides: LintExecutorOptions,
  context: ExecutorContext,
): AsyncIterableIterator<ToolBatchTaskResult> {
  return runToolBatch(lintTool(createLintRunCache()), taskGraph, inputs, context);
}
