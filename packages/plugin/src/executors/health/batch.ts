import { runBatchTasks } from '../shared/run-batch-tasks';
import { recordDeadHealthTask } from './record-dead-health-task';
import { spreadBatchOverWorkers, type RunTasksHere } from '../shared/spread-batch-over-workers';
import { createHealthTaskCache } from './health-task-cache';
import type { HealthExecutorOptions } from './options';

/**
 * Health tasks in one process: ESLint, typescript-eslint and TypeScript load once,
 * quality.config.json is read once, the workspace listed and shared tsconfigs parsed once; each
 * project's health.json and summary are what the single-task executor writes and prints.
 */
export function createHealthBatchRunner(): RunTasksHere<HealthExecutorOptions> {
  const cache = createHealthTaskCache();
  // Loaded only where the tasks run: a batch process that hands its tasks to workers needs (and holds) none of ESLint, typescript-eslint and TypeScript.
  const { runHealthTask } = require('./run-health-task') as typeof import('./run-health-task');
  return (taskGraph, inputs, context) => runBatchTasks('health', taskGraph, inputs, context, (_project, rawOptions, taskContext) => runHealthTask(rawOptions, taskContext, cache));
}

/** Nx `batchImplementation` of `@nx-quality/plugin:health`: the projects spread over one worker process per CPU. */
export default spreadBatchOverWorkers(__filename, createHealthBatchRunner, recordDeadHealthTask);
