import { logger, type ExecutorContext } from '@nx/devkit';
import {
  DEFAULT_RESULTS_DIR,
  InvalidOptionsError,
  RESULT_FILE_NAMES,
  resolveResultsDir,
  toWorkspacePath,
  writeJsonAtomic,
  type ResultError,
  type ResultStatus,
} from '@nx-quality/core';
import { join, resolve } from 'node:path';
import { describeError } from './describe-error';
import { projectRefFromContext, type ProjectRef } from './project-ref';
import { resultHeader, type ResultHeader } from './result-header';

/** Fields every tool result shares, as an options error records them (the spec adds its `kind`). */
export type ErrorResultHeader = Omit<ResultHeader<string>, 'kind'> & { status: 'error'; error: ResultError };

/** How one tool executor (test, lint, typecheck) normalizes, runs, records and summarizes. */
export interface ToolExecutorSpec<Options, Normalized, Result extends { status: ResultStatus }> {
  kind: 'test' | 'lint' | 'typecheck';
  normalize: (project: ProjectRef, raw: Options) => Normalized;
  resultFile: (normalized: Normalized) => string;
  run: (project: ProjectRef, normalized: Normalized) => Promise<Result>;
  /** The kind-specific empty result around an error header, for options that did not validate. */
  errorResult: (header: ErrorResultHeader, raw: Options) => Result;
  summarize: (result: Result, resultFile: string) => string;
}

/** What one tool task recorded: whether it passed and the summary to print for it. */
export interface ToolTaskOutcome {
  success: boolean;
  /** The compact summary; printed as an error line when `success` is false. */
  summary: string;
}

/**
 * The shared body of the tool executors: the result file is written on every outcome (Nx skips
 * `quality` when a dependency fails, so the report must find it), then a summary is printed.
 * Invalid options are recorded where the result would be by default, since the configured
 * location may be the invalid option.
 */
export async function runToolExecutor<Options, Normalized, Result extends { status: ResultStatus }>(
  spec: ToolExecutorSpec<Options, Normalized, Result>,
  rawOptions: Options,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  const outcome = await recordToolResult(spec, rawOptions, projectRefFromContext(context));
  if (outcome.success) logger.info(outcome.summary);
  else logger.error(outcome.summary);
  return { success: outcome.success };
}

/**
 * Normalizes, runs and writes one project's result without printing anything: the part of
 * `runToolExecutor` a batch implementation repeats per task (Nx prints a batch task's summary from
 * its `terminalOutput`).
 */
export async function recordToolResult<Options, Normalized, Result extends { status: ResultStatus }>(
  spec: ToolExecutorSpec<Options, Normalized, Result>,
  rawOptions: Options,
  project: ProjectRef,
): Promise<ToolTaskOutcome> {
  let result: Result;
  let resultFile: string;
  try {
    const normalized = spec.normalize(project, rawOptions);
    resultFile = spec.resultFile(normalized);
    result = await spec.run(project, normalized);
  } catch (error) {
    if (!(error instanceof InvalidOptionsError)) throw error;
    resultFile = join(resolve(project.workspaceRoot, resolveResultsDir(DEFAULT_RESULTS_DIR, project)), RESULT_FILE_NAMES[spec.kind]);
    const { kind: _kind, ...common } = resultHeader(spec.kind, project, new Date());
    const header: ErrorResultHeader = { ...common, status: 'error', error: describeError(error, 'INVALID_OPTIONS') };
    result = spec.errorResult(header, rawOptions);
  }
  writeJsonAtomic(resultFile, result);
  return { success: result.status === 'passed', summary: spec.summarize(result, toWorkspacePath(project.workspaceRoot, resultFile)) };
}
