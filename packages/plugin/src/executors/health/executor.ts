import { logger, type ExecutorContext } from '@nx/devkit';
import type { HealthExecutorOptions } from './options';
import { runHealthTask } from './run-health-task';

/** `@nx-quality/plugin:health`: analyses the project's code health and records health.json. */
export default async function healthExecutor(rawOptions: HealthExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  const { success, summary } = await runHealthTask(rawOptions, context);
  if (success) logger.info(summary);
  else logger.error(summary);
  return { success };
}
