import type { ExecutorContext } from '@nx/devkit';
import { runToolExecutor } from '../shared/run-tool-executor';
import { lintTool } from './lint-tool';
import type { LintExecutorOptions } from './options';

/** Nx executor `@nx-quality/plugin:lint`: lints the project, writes lint.json on every outcome, prints a summary. */
export default function lintExecutor(rawOptions: LintExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  return runToolExecutor(lintTool(), rawOptions, context);
}
