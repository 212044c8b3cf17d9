import type { HealthResult } from '@nx-quality/core';
import { classifyTestKind } from './classify-test-kind';
import type { NormalizedHealthOptions } from './health-options';

/** A test file as the scan saw it (workspace-relative path). */
export interface ScannedTestFile {
  file: string;
  projectFile: string;
  testCalls: number;
  mockCalls: number;
}

/**
 * Classifies test files into kinds and counts their declared test calls per kind. The health target
 * does not depend on the test target (it runs when tests fail), so it never reads test.json: the
 * report puts the executed counts (`it.each` rows included) over these where a test result has them.
 */
export function summarizeTestFiles(
  files: ScannedTestFile[],
  options: Pick<NormalizedHealthOptions, 'testKinds' | 'defaultTestKind'>,
): Pick<HealthResult, 'testFiles' | 'testKinds'> {
  const testKinds: HealthResult['testKinds'] = { [options.defaultTestKind]: { files: 0, tests: 0 } };
  for (const kind of Object.keys(options.testKinds)) testKinds[kind] = { files: 0, tests: 0 };
  const testFiles = files.map((entry) => {
    const kind = classifyTestKind(entry.projectFile, options);
    const tests = entry.testCalls;
    const bucket = testKinds[kind] ?? { files: 0, tests: 0 };
    bucket.files += 1;
    bucket.tests += tests;
    testKinds[kind] = bucket;
    return { file: entry.file, kind, tests, mockCalls: entry.mockCalls };
  });
  return { testFiles, testKinds };
}
