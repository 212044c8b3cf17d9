import type { ExecutorContext } from '@nx/devkit';
import { runToolExecutor } from '../shared/run-tool-executor';
import type { TestExecutorOptions } from './options';
import { testToolSpec } from './test-tool-spec';

/** Nx executor `@nx-quality/plugin:test`: runs the tests, writes test.json on every outcome, prints a summary. */
export default function testExecutor(rawOptions: TestExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  return runToolExecutor(testToolSpec(), rawOptions, context);
}
