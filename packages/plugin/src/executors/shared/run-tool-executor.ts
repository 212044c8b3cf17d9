import { logger, type ExecutorContext } from '@nx/devkit';
import type { ResultStatus } from '@nx-quality/core';
import { isolateTaskProcessState } from './isolate-task-process-state';
import { nxTaskEnv } from './nx-task-env';
import { recordToolResult, type ToolDefinition } from './record-tool-result';
import { projectRefFromContext } from '../../shared/project-ref';
import { taskOfContext } from './task-of-context';

/**
 * The shared body of the tool executors: the tool gets the environment of the official target ours
 * stands beside (its `.env` files, see `nxTaskEnv`), the result file is written on every outcome,
 * then a summary is printed.
 */
export async function runToolExecutor<Options, Normalized, Result extends { status: ResultStatus }>(
  tool: ToolDefinition<Options, Normalized, Result>,
  rawOptions: Options,
  context: ExecutorContext,
  env: NodeJS.ProcessEnv | undefined = taskEnvOfContext(rawOptions, context),
): Promise<{ success: boolean }> {
  // The executor's process is the task's own: the environment stays as set for the rest of it.
  if (env) isolateTaskProcessState(env);
  const outcome = await recordToolResult(tool, rawOptions, projectRefFromContext(context), context);
  if (outcome.success) logger.info(outcome.summary);
  else logger.error(outcome.summary);
  return { success: outcome.success };
}

/** The environment of the task an executor context runs (undefined outside an Nx run, or inside a batch worker's task). */
export function taskEnvOfContext(rawOptions: unknown, context: ExecutorContext): NodeJS.ProcessEnv | undefined {
  const task = taskOfContext(context);
  return task ? nxTaskEnv(task, context, rawOptions) : undefined;
}
