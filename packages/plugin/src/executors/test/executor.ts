import type { ExecutorContext } from '@nx/devkit';
import type { TestResult } from '@nx-quality/core';
import { runToolExecutor } from '../shared/run-tool-executor';
import { formatTestSummary } from './format-test-summary';
import { normalizeTestOptions } from './normalize-test-options';
import type { TestExecutorOptions } from './options';
import { runTestsForProject } from './run-tests';

/** Nx executor `@nx-quality/plugin:test`: runs the tests, writes test.json on every outcome, prints a summary. */
export default function testExecutor(rawOptions: TestExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  return runToolExecutor(
    {
      kind: 'test',
      normalize: normalizeTestOptions,
      resultFile: (options) => options.testResultFile.absolute,
      run: (project, options) => runTestsForProject(project, options),
      errorResult: (header, raw): TestResult => ({
        kind: 'test',
        ...header,
        tool: { name: raw?.runner ?? 'jest', version: 'unknown' },
        runner: raw?.runner === 'node' ? 'node' : 'jest',
        counts: { total: 0, passed: 0, failed: 0, skipped: 0, todo: 0 },
        suites: { total: 0, passed: 0, failed: 0, errored: 0 },
        failures: [],
        failuresOmitted: 0,
        files: [],
      }),
      summarize: formatTestSummary,
    },
    rawOptions,
    context,
  );
}
