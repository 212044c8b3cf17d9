// Entry point Nx loads for `"plugins": ["@nx-quality/plugin"]`: keep it light, the graph loads it
// often. Executors and generators are loaded by Nx through executors.json / generators.json.
import type { PostTasksExecutionContext, PreTasksExecutionContext } from '@nx/devkit';
import { commandNamesOurTargets, preloadReportCode } from './report-hook/preload-report-code';
import { reportRunOf } from './report-hook/report-run';

export { createNodes, createNodesV2 } from './plugin/create-nodes';
export type { PluginOptions, NormalizedPluginOptions } from './plugin/plugin-options';

/**
 * Nx `preTasksExecution` hook: when the command names an nx-quality target, the report code is
 * loaded while the tasks run instead of after them.
 */
export function preTasksExecution(options: unknown, context: PreTasksExecutionContext): void {
  if (commandNamesOurTargets(options, context.argv)) preloadReportCode();
}

/**
 * Nx `postTasksExecution` hook (Nx 22-24 read it from the plugin module): writes the workspace
 * report after a run with nx-quality tasks. The report code is loaded only for such a run.
 */
export async function postTasksExecution(options: unknown, context: PostTasksExecutionContext): Promise<void> {
  const run = await reportRunOf(options, context);
  if (!run) return;
  const hook = require('./report-hook/post-tasks-execution') as typeof import('./report-hook/post-tasks-execution');
  return hook.postTasksExecution(options, context, run);
}
