import { logger, type ExecutorContext } from '@nx/devkit';
import type { QualityExecutorOptions } from './options';
import { runQualityTask } from './run-quality-task';

/** `@nx-quality/plugin:quality`: evaluates the project's gates and records quality.json. */
export default async function qualityExecutor(rawOptions: QualityExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  const { success, summary } = await runQualityTask(rawOptions, context);
  if (success) logger.info(summary);
  else logger.error(summary);
  return { success };
}
