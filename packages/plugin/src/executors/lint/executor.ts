import { logger, type ExecutorContext } from '@nx/devkit';
import {
  DEFAULT_RESULTS_DIR,
  InvalidOptionsError,
  RESULT_FILE_NAMES,
  RESULT_SCHEMA_VERSION,
  resolveResultsDir,
  toWorkspacePath,
  writeJsonAtomic,
  type LintResult,
} from '@nx-quality/core';
import { join, resolve } from 'node:path';
import { describeError } from '../shared/describe-error';
import { projectRefFromContext, type ProjectRef } from '../shared/project-ref';
import { formatLintSummary } from './format-lint-summary';
import { normalizeLintOptions } from './normalize-lint-options';
import type { LintExecutorOptions } from './options';
import { runLintForProject } from './run-lint';

/** Nx executor `@nx-quality/plugin:lint`: lints the project, writes lint.json on every outcome, prints a summary. */
export default async function lintExecutor(rawOptions: LintExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  const project = projectRefFromContext(context);
  let result: LintResult;
  let resultFile: string;
  try {
    const options = normalizeLintOptions(project, rawOptions);
    resultFile = options.lintResultFile.absolute;
    result = await runLintForProject(project, options);
  } catch (error) {
    // Only invalid options are expected here (the run itself never throws): record them where lint.json would be by default.
    if (!(error instanceof InvalidOptionsError)) throw error;
    resultFile = join(resolve(project.workspaceRoot, resolveResultsDir(DEFAULT_RESULTS_DIR, project)), RESULT_FILE_NAMES.lint);
    result = optionsErrorResult(project, error);
  }
  writeJsonAtomic(resultFile, result);
  const summary = formatLintSummary(result, toWorkspacePath(project.workspaceRoot, resultFile));
  if (result.status === 'passed') logger.info(summary);
  else logger.error(summary);
  return { success: result.status === 'passed' };
}

function optionsErrorResult(project: ProjectRef, error: unknown): LintResult {
  return {
    kind: 'lint',
    schemaVersion: RESULT_SCHEMA_VERSION,
    project: project.name,
    projectRoot: project.root,
    status: 'error',
    startedAt: new Date().toISOString(),
    durationMs: 0,
    tool: { name: 'eslint', version: 'unknown' },
    error: describeError(error, 'INVALID_OPTIONS'),
    counts: { errors: 0, warnings: 0, fixableErrors: 0, fixableWarnings: 0, fatal: 0, filesLinted: 0, filesWithProblems: 0 },
    rules: {},
    messages: [],
    messagesOmitted: 0,
    fixed: false,
  };
}
