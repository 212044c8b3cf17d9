import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import { runBatchTasks, type BatchTaskUpdate } from '../shared/run-batch-tasks';
import { createHealthTaskCache } from './health-task-cache';
import type { HealthExecutorOptions } from './options';
import { runHealthTask } from './run-health-task';

/**
 * Nx `batchImplementation` of `@nx-quality/plugin:health`: every project in one process, ESLint,
 * typescript-eslint and TypeScript loaded once, quality.config.json read once, the workspace listed
 * and shared tsconfigs parsed once; each project's health.json and summary are what the single-task
 * executor writes and prints.
 */
export default function healthBatch(
  taskGraph: TaskGraph,
  inputs: Record<string, HealthExecutorOptions>,
  _overrides: HealthExecutorOptions,
  context: ExecutorContext,
): AsyncIterableIterator<BatchTaskUpdate> {
  const cache = createHealthTaskCache();
  return runBatchTasks('health', taskGraph, inputs, context, (_project, rawOptions, taskContext) => runHealthTask(rawOptions, taskContext, cache));
}
