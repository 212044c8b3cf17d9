import { logger, type ExecutorContext } from '@nx/devkit';
import {
  DEFAULT_RESULTS_DIR,
  InvalidOptionsError,
  RESULT_FILE_NAMES,
  RESULT_SCHEMA_VERSION,
  resolveResultsDir,
  toWorkspacePath,
  writeJsonAtomic,
  type TestResult,
} from '@nx-quality/core';
import { join, resolve } from 'node:path';
import { describeError } from '../shared/describe-error';
import { projectRefFromContext, type ProjectRef } from '../shared/project-ref';
import { formatTestSummary } from './format-test-summary';
import { normalizeTestOptions } from './normalize-test-options';
import type { TestExecutorOptions } from './options';
import { runTestsForProject } from './run-tests';

/** Nx executor `@nx-quality/plugin:test`: runs the tests, writes test.json on every outcome, prints a summary. */
export default async function testExecutor(rawOptions: TestExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  const project = projectRefFromContext(context);
  let result: TestResult;
  let resultFile: string;
  try {
    const options = normalizeTestOptions(project, rawOptions);
    resultFile = options.testResultFile.absolute;
    result = await runTestsForProject(project, options);
  } catch (error) {
    // Only invalid options are expected here (the run itself never throws): record them where test.json would be by default.
    if (!(error instanceof InvalidOptionsError)) throw error;
    resultFile = join(resolve(project.workspaceRoot, resolveResultsDir(DEFAULT_RESULTS_DIR, project)), RESULT_FILE_NAMES.test);
    result = optionsErrorResult(project, rawOptions, error);
  }
  writeJsonAtomic(resultFile, result);
  const summary = formatTestSummary(result, toWorkspacePath(project.workspaceRoot, resultFile));
  if (result.status === 'passed') logger.info(summary);
  else logger.error(summary);
  return { success: result.status === 'passed' };
}

function optionsErrorResult(project: ProjectRef, rawOptions: TestExecutorOptions, error: unknown): TestResult {
  return {
    kind: 'test',
    schemaVersion: RESULT_SCHEMA_VERSION,
    project: project.name,
    projectRoot: project.root,
    status: 'error',
    startedAt: new Date().toISOString(),
    durationMs: 0,
    tool: { name: rawOptions?.runner ?? 'jest', version: 'unknown' },
    error: describeError(error, 'INVALID_OPTIONS'),
    runner: rawOptions?.runner === 'node' ? 'node' : 'jest',
    counts: { total: 0, passed: 0, failed: 0, skipped: 0, todo: 0 },
    suites: { total: 0, passed: 0, failed: 0, errored: 0 },
    failures: [],
    failuresOmitted: 0,
    files: [],
  };
}
