import { logger, type ExecutorContext } from '@nx/devkit';
import {
  DEFAULT_RESULTS_DIR,
  InvalidOptionsError,
  RESULT_FILE_NAMES,
  RESULT_SCHEMA_VERSION,
  resolveResultsDir,
  toWorkspacePath,
  writeJsonAtomic,
  type TypecheckResult,
} from '@nx-quality/core';
import { join, resolve } from 'node:path';
import { describeError } from '../shared/describe-error';
import { projectRefFromContext, type ProjectRef } from '../shared/project-ref';
import { formatTypecheckSummary } from './format-typecheck-summary';
import { normalizeTypecheckOptions } from './normalize-typecheck-options';
import type { TypecheckExecutorOptions } from './options';
import { runTypecheckForProject } from './run-typecheck';

/** Nx executor `@nx-quality/plugin:typecheck`: type-checks the project, writes typecheck.json on every outcome, prints a summary. */
export default async function typecheckExecutor(rawOptions: TypecheckExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  const project = projectRefFromContext(context);
  let result: TypecheckResult;
  let resultFile: string;
  try {
    const options = normalizeTypecheckOptions(project, rawOptions);
    resultFile = options.typecheckResultFile.absolute;
    result = await runTypecheckForProject(project, options);
  } catch (error) {
    // Only invalid options are expected here (the run itself never throws): record them where typecheck.json would be by default.
    if (!(error instanceof InvalidOptionsError)) throw error;
    resultFile = join(resolve(project.workspaceRoot, resolveResultsDir(DEFAULT_RESULTS_DIR, project)), RESULT_FILE_NAMES.typecheck);
    result = optionsErrorResult(project, error);
  }
  writeJsonAtomic(resultFile, result);
  const summary = formatTypecheckSummary(result, toWorkspacePath(project.workspaceRoot, resultFile));
  if (result.status === 'passed') logger.info(summary);
  else logger.error(summary);
  return { success: result.status === 'passed' };
}

function optionsErrorResult(project: ProjectRef, error: unknown): TypecheckResult {
  return {
    kind: 'typecheck',
    schemaVersion: RESULT_SCHEMA_VERSION,
    project: project.name,
    projectRoot: project.root,
    status: 'error',
    startedAt: new Date().toISOString(),
    durationMs: 0,
    tool: { name: 'typescript', version: 'unknown' },
    error: describeError(error, 'INVALID_OPTIONS'),
    tsconfig: `${project.root}/tsconfig.json`,
    configs: [],
    counts: { errors: 0, warnings: 0, filesChecked: 0 },
    codes: {},
    diagnostics: [],
    diagnosticsOmitted: 0,
  };
}
