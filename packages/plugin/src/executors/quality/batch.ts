import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import type { QualityConfigCache } from '../shared/load-quality-config-once';
import { runBatchTasks, type BatchTaskUpdate } from '../shared/run-batch-tasks';
import type { QualityExecutorOptions } from './options';
import { runQualityTask } from './run-quality-task';

/**
 * Nx `batchImplementation` of `@nx-quality/plugin:quality`: the gates of every project of the batch
 * in one process, quality.config.json read once; each project's quality.json and summary are what
 * the single-task executor writes and prints. Nx only puts a quality task in a batch once its
 * test/lint/typecheck/health tasks have finished, and skips it when one of them failed.
 */
export default function qualityBatch(
  taskGraph: TaskGraph,
  inputs: Record<string, QualityExecutorOptions>,
  _overrides: QualityExecutorOptions,
  context: ExecutorContext,
): AsyncIterableIterator<BatchTaskUpdate> {
  const configs: QualityConfigCache = new Map();
  return runBatchTasks('quality', taskGraph, inputs, context, (_project, rawOptions, taskContext) => runQualityTask(rawOptions, taskContext, configs));
}
