import type { ExecutorContext } from '@nx/devkit';
import type { ToolExecutorOptions } from './options';
import { splitToolOptions } from './split-tool-options';
import { loadToolExecutor } from './load-tool-executor';

/**
 * Nx executor `@nx-quality/plugin:tool`: runs the tool named by `tool` through that tool's own
 * executor (`@nx-quality/plugin:test`, `lint`, `typecheck` or `health`), which records its result
 * and prints its summary.
 */
export default function toolExecutor(rawOptions: ToolExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  const { tool, options } = splitToolOptions(rawOptions, `the tool executor of project "${context.projectName}"`);
  return loadToolExecutor(tool)(options, context);
}
