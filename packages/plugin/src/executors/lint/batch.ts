import { runToolBatch } from '../shared/run-tool-batch';
import { spreadBatchOverWorkers } from '../shared/spread-batch-over-workers';
import { createLintRunCache, type LintRunCache } from './lint-run-cache';
import { lintTool } from './lint-tool';
import type { LintExecutorOptions } from './options';

/**
 * Nx `batchImplementation` of `@nx-quality/plugin:lint` (`--batch`): the projects spread over one
 * worker process per CPU (`spreadBatchOverWorkers`); inside a process they share one ESLint and,
 * for projects with the same config and options, one ESLint instance (its config, plugins and
 * parser loaded once); each project's lint.json is what the single-task executor writes.
 */
export default spreadBatchOverWorkers<LintExecutorOptions, LintRunCache>(__filename, createLintRunCache, (cache, taskGraph, inputs, context) =>
  runToolBatch(lintTool(cache), taskGraph, inputs, context),
);
