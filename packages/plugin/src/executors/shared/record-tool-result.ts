import type { ExecutorContext } from '@nx/devkit';
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
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gatesJudgeThisRun, toolTaskSucceeds } from '../../verdict/gates-judge';
import { isBatchWorker } from './run-batch-in-workers';
import { describeError } from './describe-error';
import { hintForToolCrash } from './hint-for-tool-crash';
import type { ProjectRef } from '../../shared/project-ref';
import { resultHeader, type ResultHeader } from '../../shared/result-header';

/** Fields every tool result shares, as an error result records them (the tool adds its `kind`). */
export type ErrorResultHeader = Omit<ResultHeader<string>, 'kind'> & { status: 'error'; error: ResultError };

/** How one tool executor (test, lint, typecheck) normalizes, runs, records and summarizes. */
export interface ToolDefinition<Options, Normalized, Result extends { status: ResultStatus }> {
  kind: 'test' | 'lint' | 'typecheck';
  /** `context` is the task's (a batch's narrowed to the task), absent where a task's result is only located. */
  normalize: (project: ProjectRef, raw: Options, context?: ExecutorContext) => Normalized;
  resultFile: (normalized: Normalized) => string;
  /** Files the run writes beside the result (coverage): they live and die with it. */
  companionFiles?: (normalized: Normalized) => string[];
  /** Their names in the results folder, for when options are invalid and only the default folder is known. */
  companionFileNames?: string[];
  run: (project: ProjectRef, normalized: Normalized) => Promise<Result>;
  /** The kind-specific empty result around an error header (invalid options, a crash, a task that did not finish). */
  errorResult: (header: ErrorResultHeader, raw: Options) => Result;
  summarize: (result: Result, resultFile: string) => string;
}

/** What one tool task recorded: whether it passed and the summary to print for it. */
export interface ToolTaskOutcome {
  success: boolean;
  /** The compact summary; printed as an error line when `success` is false. */
  summary: string;
}

/** Code of the result a task leaves while its tool runs: what remains when the task never finishes. */
export const TASK_DID_NOT_FINISH = 'TASK_DID_NOT_FINISH';
/** Code of the result a task leaves when its tool (or a test) calls process.exit mid-run. */
export const TASK_PROCESS_EXITED = 'TASK_PROCESS_EXITED';

/**
 * Normalizes, runs and writes one project's result without printing anything: the part of
 * `runToolExecutor` a batch implementation repeats per task.
 *
 * The previous result never outlives the start of a task: before the tool starts, the result file
 * is replaced by an `error` result saying the task did not finish, and the coverage beside it is
 * deleted; the real result replaces it at the end. So a task that is killed, or whose tool calls
 * `process.exit` (recorded with its exit code on the way out), leaves an honest result, never the
 * last run's passing one. Invalid options are recorded where the result would be by default, since
 * the configured location may be the invalid option.
 */
export async function recordToolResult<Options, Normalized, Result extends { status: ResultStatus }>(
  tool: ToolDefinition<Options, Normalized, Result>,
  rawOptions: Options,
  project: ProjectRef,
  context?: ExecutorContext,
): Promise<ToolTaskOutcome> {
  const startedAt = new Date();
  const errorResultOf = (error: ResultError): Result => {
    const { kind: _kind, ...common } = resultHeader(tool.kind, project, startedAt);
    return tool.errorResult({ ...common, status: 'error', error }, rawOptions);
  };
  const located = locateToolResult(tool, rawOptions, project, context);
  const { resultFile, companions } = located;
  // What an earlier run left beside the result (coverage) must not outlive it, whatever happens next.
  if (located.invalid) {
    for (const companion of companions) rmSync(companion, { force: true });
    return finish(tool, project, resultFile, errorResultOf(describeError(located.invalid, 'INVALID_OPTIONS')));
  }
  const normalized = located.normalized as Normalized;

  writeJsonAtomic(resultFile, errorResultOf(didNotFinish(tool.kind)));
  for (const companion of companions) rmSync(companion, { force: true });
  const file = resultFile;
  // Runs when the tool (or a test) calls process.exit mid-run: only synchronous work survives it.
  const onExit = (code: number): void => {
    writeJsonAtomic(file, errorResultOf(exitedDuringRun(tool.kind, code)));
    // In a quality run the recorded error is the task's outcome (the gates fail on it, the result is
    // cached like any other). A batch worker must still die visibly: its parent accounts for the task.
    if (gatesJudgeThisRun() && !isBatchWorker()) process.exitCode = 0;
  };
  process.once('exit', onExit);
  let result: Result;
  try {
    result = await tool.run(project, normalized);
  } catch (error) {
    // Tool boundary: an Error the tool threw is this task's error result, with a hint; anything else
    // thrown is not a tool failure we can describe, and fails the task as it is.
    if (!(error instanceof Error)) throw error;
    const described = describeError(error, 'TOOL_CRASHED');
    result = errorResultOf({ ...described, hint: described.hint ?? hintForToolCrash(error) });
  } finally {
    process.removeListener('exit', onExit);
  }
  return finish(tool, project, resultFile, result);
}

/**
 * Records `error` as the result of a task that cannot record it itself (its worker died), where the
 * task would have written its result, and removes the files that live and die with it.
 */
export function recordToolError<Options, Normalized, Result extends { status: ResultStatus }>(
  tool: ToolDefinition<Options, Normalized, Result>,
  rawOptions: Options,
  project: ProjectRef,
  error: ResultError,
  taskHash?: string,
): string {
  const { resultFile, companions } = locateToolResult(tool, rawOptions, project);
  // The hash is the task's, not that of whatever task this process runs in.
  const { kind: _kind, taskHash: _ownHash, ...common } = resultHeader(tool.kind, project, new Date());
  writeJsonAtomic(resultFile, tool.errorResult({ ...common, ...(taskHash ? { taskHash } : {}), status: 'error', error }, rawOptions));
  for (const file of companions) rmSync(file, { force: true });
  return toWorkspacePath(project.workspaceRoot, resultFile);
}

/** Where a task records its result and the files that live and die with it; `invalid` when the options are. */
export interface LocatedToolResult<Normalized> {
  resultFile: string;
  companions: string[];
  normalized?: Normalized;
  invalid?: InvalidOptionsError;
}

/**
 * Where a task's result goes: where its options say, or, when they are invalid, the default results
 * folder (the configured location may be the invalid option), with the companions' names there.
 */
export function locateToolResult<Options, Normalized, Result extends { status: ResultStatus }>(
  tool: ToolDefinition<Options, Normalized, Result>,
  rawOptions: Options,
  project: ProjectRef,
  context?: ExecutorContext,
): LocatedToolResult<Normalized> {
  try {
    const normalized = tool.normalize(project, rawOptions, context);
    return { resultFile: tool.resultFile(normalized), companions: tool.companionFiles?.(normalized) ?? [], normalized };
  } catch (error) {
    if (!(error instanceof InvalidOptionsError)) throw error;
    const defaultDir = resolve(project.workspaceRoot, resolveResultsDir(DEFAULT_RESULTS_DIR, project));
    return {
      resultFile: join(defaultDir, RESULT_FILE_NAMES[tool.kind]),
      companions: (tool.companionFileNames ?? []).map((name) => join(defaultDir, name)),
      invalid: error,
    };
  }
}

function finish<Options, Normalized, Result extends { status: ResultStatus }>(
  tool: ToolDefinition<Options, Normalized, Result>,
  project: ProjectRef,
  resultFile: string,
  result: Result,
): ToolTaskOutcome {
  writeJsonAtomic(resultFile, result);
  return { success: toolTaskSucceeds(result.status), summary: tool.summarize(result, toWorkspacePath(project.workspaceRoot, resultFile)) };
}

/** The error a result file holds while its task runs: what remains when the task's process dies. */
export function didNotFinish(kind: string): ResultError {
  return {
    code: TASK_DID_NOT_FINISH,
    message: `The ${kind} task started but did not finish: its process ended (killed, out of memory, or interrupted) before the result was written.`,
    hint: `Run the task again; if it dies again, run it alone with --batch=false and look at its output.`,
  };
}

function exitedDuringRun(kind: string, code: number): ResultError {
  return {
    code: TASK_PROCESS_EXITED,
    message: `The process running the ${kind} task exited with code ${code} before the ${kind} run finished: process.exit was called by a test, a setup file, the config, or the tool itself after an error it could not report.`,
    hint: "Remove the process.exit call (in Jest, let the test fail or throw instead); if none is yours, run the tool alone (e.g. `npx jest -c <config>`) to see the error it stopped on.",
  };
}
