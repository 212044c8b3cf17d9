// Entry point Nx loads for `"plugins": ["@nx-quality/plugin"]`: keep it light, the graph loads it
// often. Executors and generators are loaded by Nx through executors.json / generators.json.
import type { PostTasksExecutionContext } from '@nx/devkit';

export { createNodes, createNodesV2 } from './plugin/create-nodes';
export type { PluginOptions, NormalizedPluginOptions } from './plugin/plugin-options';

/**
 * Nx `postTasksExecution` hook (Nx 22-24 read it from the plugin module): writes the workspace
 * report after a run with nx-quality tasks. The report code is loaded only when a run ends.
 */
export async function postTasksExecution(options: unknown, context: PostTasksExecutionContext): Promise<void> {
  const hook = require('./report-hook/post-tasks-execution') as typeof import('./report-hook/post-tasks-execution');
  return hook.postTasksExecution(options, context);
}
