import { recordDeadWorkerTask } from '../shared/record-dead-worker-task';
import { runToolBatch } from '../shared/run-tool-batch';
import { spreadBatchOverWorkers, type RunTasksHere } from '../shared/spread-batch-over-workers';
import { createLintRunCache } from './lint-run-cache';
import { lintTool } from './lint-tool';
import type { LintExecutorOptions } from './options';
import { presentAsCommandLineEslint } from './present-as-command-line-eslint';

/**
 * Lint tasks in one process: they share one ESLint and, for projects with the same config and
 * options, one ESLint instance (its config, plugins and parser loaded once); each project's
 * lint.json is what the single-task executor writes. The process presents itself as a command-line
 * ESLint run, so that @nx/eslint-plugin's rules read the project graph once, not for every file.
 */
export function createLintBatchRunner(): RunTasksHere<LintExecutorOptions> {
  const cache = createLintRunCache();
  let presented = false;
  return (taskGraph, inputs, context) => {
    if (!presented) presentAsCommandLineEslint(context.root);
    presented = true;
    return runToolBatch(lintTool(cache), taskGraph, inputs, context);
  };
}

/** Nx `batchImplementation` of `@nx-quality/plugin:lint` (`--batch`): the projects spread over one worker process per CPU. */
export default spreadBatchOverWorkers(__filename, createLintBatchRunner, (death, task, rawOptions, context) =>
  recordDeadWorkerTask(lintTool(), death, task, rawOptions, context),
);
