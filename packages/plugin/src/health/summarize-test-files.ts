import type { HealthResult, TestResult } from '@nx-quality/core';
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
 * Classifies test files into kinds and counts tests per kind: the test executor's per-file count when its
 * result has the file (what really ran, `it.each` rows included), else the declared test calls.
 */
export function summarizeTestFiles(
  files: ScannedTestFile[],
  options: Pick<NormalizedHealthOptions, 'testKinds' | 'defaultTestKind'>,
  test: TestResult | undefined,
): Pick<HealthResult, 'testFiles' | 'testKinds'> {
  const executed = new Map((test?.files ?? []).map((entry) => [entry.file, entry.counts.total]));
  const testKinds: HealthResult['testKinds'] = { [options.defaultTestKind]: { files: 0, tests: 0 } };
  for (const kind of Object.keys(options.testKinds)) testKinds[kind] = { files: 0, tests: 0 };
  const testFiles = files.map((entry) => {
    const kind = classifyTestKind(entry.projectFile, options);
    const tests = executed.get(entry.file) ?? entry.testCalls;
    const bucket = testKinds[kind] ?? { files: 0, tests: 0 };
    bucket.files += 1;
    bucket.tests += tests;
    testKinds[kind] = bucket;
    return { file: entry.file, kind, tests, mockCalls: entry.mockCalls };
  });
  return { testFiles, testKinds };
}
