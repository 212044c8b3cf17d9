import type { ExecutorContext } from '@nx/devkit';
import { QualityError } from '@nx-quality/core';
import type { BatchTaskOutcome } from '../shared/run-batch-tasks';
import { parseOptions } from '../../shared/parse-options';
import { projectRefFromContext } from '../../shared/project-ref';
import { formatHealthSummary } from './format-health-summary';
import type { HealthTaskCache } from './health-task-cache';
import { optionsSchema, type HealthExecutorOptions } from './options';
import { runHealth } from './run-health';
import { gatesJudgeThisRun } from '../../verdict/gates-judge';

/**
 * One health task without the printing: options validated, health.json written (see `runHealth`),
 * and the text the executor prints. Invalid target options write nothing and fail the task with
 * the option named. Tasks given the same `cache` (a batch) share loaded tools and configs.
 */
export async function runHealthTask(rawOptions: HealthExecutorOptions, context: ExecutorContext, cache?: HealthTaskCache): Promise<BatchTaskOutcome> {
  try {
    const options = parseOptions(optionsSchema, rawOptions, '@nx-quality/plugin:health');
    const project = projectRefFromContext(context);
    const outcome = await runHealth(project, options, cache);
    return { success: outcome.health?.status !== 'error' || gatesJudgeThisRun(), summary: formatHealthSummary(project.name, outcome) };
  } catch (error) {
    return { success: false, summary: error instanceof QualityError ? error.describe() : `health: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` };
  }
}
