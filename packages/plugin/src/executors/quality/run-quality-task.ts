import type { ExecutorContext } from '@nx/devkit';
import { QualityError } from '@nx-quality/core';
import type { QualityConfigCache } from '../shared/load-quality-config-once';
import { parseOptions } from '../../shared/parse-options';
import { projectRefFromContext } from '../../shared/project-ref';
import type { BatchTaskOutcome } from '../shared/run-batch-tasks';
import { formatQualitySummary } from './format-quality-summary';
import { optionsSchema, type QualityExecutorOptions } from './options';
import { runQuality } from './run-quality';
import { toolTargetNames } from './tool-target-names';
import { gatesJudgeThisRun } from '../../verdict/gates-judge';

/**
 * One quality task without the printing: options validated, gates evaluated and quality.json
 * written (see `runQuality`), and the text the executor prints. Tasks given the same `configs`
 * cache (a batch) read quality.config.json once.
 */
export async function runQualityTask(rawOptions: QualityExecutorOptions, context: ExecutorContext, configs?: QualityConfigCache): Promise<BatchTaskOutcome> {
  try {
    const options = parseOptions(optionsSchema, rawOptions, '@nx-quality/plugin:quality');
    const outcome = await runQuality(projectRefFromContext(context), options, toolTargetNames(context), configs);
    // Inside a quality run the verdict after the run fails the command, so this task stays cacheable.
    return { success: outcome.result.status === 'passed' || gatesJudgeThisRun(), summary: formatQualitySummary(outcome) };
  } catch (error) {
    return { success: false, summary: error instanceof QualityError ? error.describe() : `quality: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` };
  }
}
