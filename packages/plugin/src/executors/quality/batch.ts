import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import { exitAfterBatchResults } from '../shared/exit-after-batch-results';
import type { QualityConfigCache } from '../shared/load-quality-config-once';
import { runBatchTasks, type BatchTaskUpdate } from '../shared/run-batch-tasks';
import type { RunTasksHere } from '../shared/spread-batch-over-workers';
import type { QualityExecutorOptions } from './options';
import { runQualityTask } from './run-quality-task';

/**
 * Quality tasks in one process, quality.config.json read once; each project's quality.json and
 * summary are what the single-task executor writes and prints. The tool batch runs the gates of
 * each project through one of these as soon as the project's tools have finished.
 */
export function createQualityBatchRunner(): RunTasksHere<QualityExecutorOptions> {
  const configs: QualityConfigCache = new Map();
  return (taskGraph, inputs, context) => runBatchTasks('quality', taskGraph, inputs, context, (_project, rawOptions, taskContext) => runQualityTask(rawOptions, taskContext, configs));
}

/**
 * Nx `batchImplementation` of `@nx-quality/plugin:quality`: the gates of every project of the
 * batch. Nx only puts a quality task in a batch once its test/lint/typecheck/health tasks have
 * finished, and skips it when one of them failed.
 */
export default function qualityBatch(
  taskGraph: TaskGraph,
  inputs: Record<string, QualityExecutorOptions>,
  _overrides: QualityExecutorOptions,
  context: ExecutorContext,
): AsyncIterableIterator<BatchTaskUpdate> {
  exitAfterBatchResults();
  return createQualityBatchRunner()(taskGraph, inputs, context);
}
