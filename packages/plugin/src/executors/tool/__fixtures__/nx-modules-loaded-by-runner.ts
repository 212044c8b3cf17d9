import { loadToolBatchRunner } from '../load-tool-batch-runner';
import type { ToolKind } from '../options';

/** The Nx modules (nx, @nx/devkit) in this process's module cache once `tool`'s batch runner is loaded. */
export function nxModulesLoadedByRunner(tool: ToolKind): string[] {
  loadToolBatchRunner(tool);
  return Object.keys(require.cache).filter((file) => /[\\/]node_modules[\\/](nx|@nx[\\/]devkit)[\\/]/.test(file));
}
