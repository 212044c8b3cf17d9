import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LintResult } from '@nx-quality/core';
import { runInChild } from './run-in-child';

const EXECUTOR = join(__dirname, '../executors/lint/executor.ts');

/**
 * Runs the lint executor on one project of a workspace in a child process, as Nx would, as the task
 * of a `quality-lint` target beside the project's other `targets`; returns its lint.json and output.
 */
export async function runLintExecutor(
  ws: string,
  root: string,
  options: Record<string, unknown> = {},
  targets: Record<string, unknown> = {},
): Promise<{ success: boolean; result: LintResult; stdout: string }> {
  const name = root.split('/').pop()!;
  const context = { root: ws, cwd: ws, isVerbose: false, projectName: name, targetName: 'quality-lint', projectsConfigurations: { version: 2, projects: { [name]: { root, targets } } } };
  const { value, stdout, stderr } = await runInChild<{ success: boolean }>(EXECUTOR, 'default', [options, context]);
  const result = JSON.parse(readFileSync(join(ws, 'dist/quality', root, 'lint.json'), 'utf8')) as LintResult;
  return { success: value.success, result, stdout: stdout + stderr };
}
