import { logger, type ExecutorContext } from '@nx/devkit';
import { QualityError } from '@nx-quality/core';
import { parseOptions } from '../shared/parse-options';
import { projectRefFromContext } from '../shared/project-ref';
import { formatHealthSummary } from './format-health-summary';
import { optionsSchema, type HealthExecutorOptions } from './options';
import { runHealth } from './run-health';

/** `@nx-quality/plugin:health`: analyses the project's code health and records health.json. */
export default async function healthExecutor(rawOptions: HealthExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  try {
    const options = parseOptions(optionsSchema, rawOptions, '@nx-quality/plugin:health');
    const project = projectRefFromContext(context);
    const outcome = await runHealth(project, options);
    const success = outcome.health?.status !== 'error';
    const summary = formatHealthSummary(project.name, outcome);
    if (success) logger.info(summary);
    else logger.error(summary);
    return { success };
  } catch (error) {
    logger.error(error instanceof QualityError ? error.describe() : `health: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return { success: false };
  }
}
