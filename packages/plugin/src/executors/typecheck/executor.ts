import type { ExecutorContext } from '@nx/devkit';
import { runToolExecutor } from '../shared/run-tool-executor';
import type { TypecheckExecutorOptions } from './options';
import { typecheckTool } from './typecheck-tool';

/** Nx executor `@nx-quality/plugin:typecheck`: type-checks the project, writes typecheck.json on every outcome, prints a summary. */
export default function typecheckExecutor(rawOptions: TypecheckExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  return runToolExecutor(typecheckTool(), rawOptions, context);
}
