import { stripAnsi, toWorkspacePath, type TestCase, type TestFailure, type TestFileResult, type TestResult } from '@nx-quality/core';
import { capTestCases } from './cap-test-cases';
import { firstMessageLines } from './first-message-lines';
import { positionInStack } from './position-in-stack';
import { testFailureAt } from './test-failure-at';
import type { JestAggregatedResult, JestAssertionResult, JestTestFileResult } from './jest-result-types';

/** Test outcome parts of a TestResult, from Jest's aggregated result. */
export type MappedTestOutcome = Pick<TestResult, 'counts' | 'suites' | 'failures' | 'failuresOmitted' | 'files'>;

/** Maps Jest's aggregated result to our counts, suites, per-file results and a capped failure list. */
export function mapJestResults(results: JestAggregatedResult, workspaceRoot: string, failuresCap: number): MappedTestOutcome {
  const failures: TestFailure[] = [];
  const files: TestFileResult[] = [];
  for (const fileResult of results.testResults) {
    const file = toWorkspacePath(workspaceRoot, fileResult.testFilePath);
    const execError = fileExecError(fileResult);
    for (const test of fileResult.testResults) {
      if (test.status === 'failed') failures.push(toFailure(test, file, fileResult.testFilePath));
    }
    const execMessage = execError === undefined ? undefined : firstMessageLines(essentialExecMessage(execError));
    if (execMessage !== undefined) {
      failures.push({ file, fullName: '(test file failed to run)', message: execMessage });
    }
    files.push({
      file,
      status: execError !== undefined ? 'error' : fileResult.numFailingTests > 0 ? 'failed' : 'passed',
      counts: {
        total: fileResult.testResults.length,
        passed: fileResult.numPassingTests,
        failed: fileResult.numFailingTests,
        skipped: fileResult.numPendingTests,
        todo: fileResult.numTodoTests,
      },
      durationMs: fileDuration(fileResult),
      ...(execMessage !== undefined ? { failureMessage: execMessage } : {}),
      tests: capTestCases(fileResult.testResults.map(toTestCase)),
    });
  }
  files.sort((a, b) => a.file.localeCompare(b.file));
  return {
    counts: {
      total: results.numTotalTests,
      passed: results.numPassedTests,
      failed: results.numFailedTests,
      skipped: results.numPendingTests,
      todo: results.numTodoTests,
    },
    suites: {
      total: results.numTotalTestSuites,
      passed: results.numPassedTestSuites,
      failed: results.numFailedTestSuites,
      errored: results.numRuntimeErrorTestSuites,
    },
    failures: failures.slice(0, failuresCap),
    failuresOmitted: Math.max(0, failures.length - failuresCap),
    files,
  };
}

/** Why a file could not run at all (syntax error, throwing import), or undefined when it ran. */
function fileExecError(fileResult: JestTestFileResult): string | undefined {
  if (fileResult.testExecError) {
    return fileResult.failureMessage || fileResult.testExecError.message || fileResult.testExecError.stack || 'Test file failed to run';
  }
  // Jest reports a file that failed outside any test (e.g. afterAll threw) with a message but no failing test.
  if (fileResult.failureMessage && fileResult.numFailingTests === 0) return fileResult.failureMessage;
  return undefined;
}

/** Jest prefixes parse errors with a long generic explanation; the cause follows its "Details:" line. */
function essentialExecMessage(message: string): string {
  const lines = stripAnsi(message).split(/\r?\n/);
  const details = lines.findIndex((line) => line.trim() === 'Details:');
  const kept = details >= 0 ? lines.slice(details + 1) : lines.filter((line) => line.trim() !== '● Test suite failed to run');
  return kept.map((line) => line.replace(/^ {4}/, '')).join('\n');
}

function toFailure(test: JestAssertionResult, file: string, absoluteFile: string): TestFailure {
  const message = test.failureMessages.join('\n');
  const position = positionInStack(message, absoluteFile) ?? (test.location ? { line: test.location.line, column: test.location.column + 1 } : undefined);
  return testFailureAt(file, fullNameOf(test), message, position);
}

function fullNameOf(test: JestAssertionResult): string {
  return [...test.ancestorTitles, test.title].join(' › ');
}

function toTestCase(test: JestAssertionResult): TestCase {
  return {
    fullName: fullNameOf(test),
    status: test.status === 'passed' || test.status === 'focused' ? 'passed' : test.status === 'failed' ? 'failed' : test.status === 'todo' ? 'todo' : 'skipped',
    ...(typeof test.duration === 'number' ? { durationMs: test.duration } : {}),
  };
}

function fileDuration(fileResult: JestTestFileResult): number {
  const { start, end, runtime } = fileResult.perfStats ?? {};
  if (typeof runtime === 'number' && runtime >= 0) return runtime;
  if (typeof start === 'number' && typeof end === 'number' && end >= start) return end - start;
  return 0;
}
