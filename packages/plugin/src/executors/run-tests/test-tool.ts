import { RESULT_FILE_NAMES, type TestResult } from '@nx-quality/core';
import type { ToolDefinition } from '../shared/record-tool-result';
import { formatTestSummary } from './format-test-summary';
import { normalizeTestOptions, type NormalizedTestOptions } from './normalize-test-options';
import type { TestExecutorOptions } from './options';
import { runTestsForProject } from './run-tests';

/** How the test executor normalizes, runs, records and summarizes one project (single task or batch). */
export function testTool(): ToolDefinition<TestExecutorOptions, NormalizedTestOptions, TestResult> {
  return {
    kind: 'test',
    normalize: normalizeTestOptions,
    resultFile: (options) => options.testResultFile.absolute,
    companionFiles: (options) => [options.coverageFile.absolute],
    companionFileNames: [RESULT_FILE_NAMES.coverage],
    run: (project, options) => runTestsForProject(project, options),
    errorResult: (header, raw): TestResult => ({
      kind: 'test',
      ...header,
      tool: { name: raw?.runner ?? 'jest', version: 'unknown' },
      runner: raw?.runner === 'node' || raw?.runner === 'vitest' ? raw.runner : 'jest',
      counts: { total: 0, passed: 0, failed: 0, skipped: 0, todo: 0 },
      suites: { total: 0, passed: 0, failed: 0, errored: 0 },
      failures: [],
      failuresOmitted: 0,
      files: [],
    }),
    summarize: formatTestSummary,
  };
}
