import type { ExecutorContext } from '@nx/devkit';
import { runToolExecutor } from '../shared/run-tool-executor';
import { lintToolSpec } from './lint-tool-spec';
import type { LintExecutorOptions } from './options';

/** Nx executor `@nx-quality/plugin:lint`: lints the project, writes lint.json on every outcome, prints a summary. */
export default function lintExecutor(rawOptions: LintExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  return runToolExecutor(lintToolSpec(), rawOptions, context);
}
