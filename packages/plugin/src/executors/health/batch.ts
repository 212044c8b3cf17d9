import { runBatchTasks } from '../shared/run-batch-tasks';
import { spreadBatchOverWorkers } from '../shared/spread-batch-over-workers';
import { createHealthTaskCache, type HealthTaskCache } from './health-task-cache';
import type { HealthExecutorOptions } from './options';

/**
 * Nx `batchImplementation` of `@nx-quality/plugin:health`: the projects spread over one worker
 * process per CPU (`spreadBatchOverWorkers`); inside a process ESLint, typescript-eslint and
 * TypeScript load once, quality.config.json is read once, the workspace listed and shared tsconfigs
 * parsed once; each project's health.json and summary are what the single-task executor writes and
 * prints.
 */
export default spreadBatchOverWorkers<HealthExecutorOptions, HealthTaskCache>(__filename, createHealthTaskCache, (cache, taskGraph, inputs, context) => {
  // Loaded only where the tasks run: ESLint, typescript-eslint and TypeScript are not needed (nor held in memory) by a batch process that hands its tasks to workers.
  const { runHealthTask } = require('./run-health-task') as typeof import('./run-health-task');
  return runBatchTasks('health', taskGraph, inputs, context, (_project, rawOptions, taskContext) => runHealthTask(rawOptions, taskContext, cache));
});
