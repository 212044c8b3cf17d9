import { logger, type ExecutorContext } from '@nx/devkit';
import { QualityError } from '@nx-quality/core';
import { parseOptions } from '../shared/parse-options';
import { projectRefFromContext } from '../shared/project-ref';
import { formatQualitySummary } from './format-quality-summary';
import { optionsSchema, type QualityExecutorOptions } from './options';
import { runQuality } from './run-quality';
import { toolTargetNames } from './tool-target-names';

/** `@nx-quality/plugin:quality`: evaluates the project's gates and records quality.json. */
export default async function qualityExecutor(rawOptions: QualityExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  try {
    const options = parseOptions(optionsSchema, rawOptions, '@nx-quality/plugin:quality');
    const outcome = await runQuality(projectRefFromContext(context), options, toolTargetNames(context));
    const summary = formatQualitySummary(outcome);
    if (outcome.result.status === 'passed') logger.info(summary);
    else logger.error(summary);
    return { success: outcome.result.status === 'passed' };
  } catch (error) {
    logger.error(error instanceof QualityError ? error.describe() : `quality: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return { success: false };
  }
}
