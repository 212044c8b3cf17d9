import { toWorkspacePath, type TestCase, type TestCounts, type TestFailure, type TestFileResult } from '@nx-quality/core';
import { firstMessageLines } from '../first-message-lines';
import type { MappedTestOutcome } from '../map-jest-results';
import { capTestCases } from '../cap-test-cases';
import { positionInStack } from '../position-in-stack';
import type { NodeTestError, NodeTestEvent } from './node-test-event';

// Failure types Node counts as "cancelled" rather than "fail"; we count them as failed (they did not pass).
const CANCELLED_FAILURE_TYPES = new Set(['cancelledByParent', 'testTimeoutFailure']);

interface FileState {
  file: string;
  counts: TestCounts;
  durationMs: number;
  ancestors: string[];
  tests: TestCase[];
  loadError?: string;
  stderr: string[];
}

/**
 * Maps our reporter's event stream to counts, per-file results and failures, counting exactly as
 * Node's own summary does: suites are not tests, skip and todo take precedence over pass/fail, and a
 * file that fails before reporting any test is one failed test named after the file.
 */
export function mapNodeTestEvents(events: NodeTestEvent[], workspaceRoot: string, failuresCap: number): MappedTestOutcome {
  const files = new Map<string, FileState>();
  const failures: TestFailure[] = [];
  const stateOf = (absolute: string): FileState => {
    let state = files.get(absolute);
    if (!state) {
      state = { file: toWorkspacePath(workspaceRoot, absolute), counts: zeroCounts(), durationMs: 0, ancestors: [], tests: [], stderr: [] };
      files.set(absolute, state);
    }
    return state;
  };

  for (const { type, data } of events) {
    if (!data.file) continue;
    const state = stateOf(data.file);
    const nesting = data.nesting ?? 0;
    if (type === 'test:stderr' && data.message) state.stderr.push(data.message);
    if (type === 'test:start') state.ancestors[nesting] = data.name ?? '';
    if (type !== 'test:pass' && type !== 'test:fail') continue;
    if (data.details?.type === 'suite') continue;
    if (nesting === 0) state.durationMs += data.details?.duration_ms ?? 0;

    const isFileLevel = nesting === 0 && data.name === data.file;
    const status: TestCase['status'] = data.skip ? 'skipped' : data.todo ? 'todo' : type === 'test:fail' ? 'failed' : 'passed';
    const fullName = isFileLevel
      ? status === 'failed'
        ? '(test file failed to run)'
        : '(test file)'
      : [...state.ancestors.slice(0, nesting), data.name ?? ''].join(' › ');
    state.counts[status]++;
    state.counts.total++;
    state.tests.push({ fullName, status, ...(data.details?.duration_ms !== undefined ? { durationMs: data.details.duration_ms } : {}) });
    if (status !== 'failed') continue;
    const error = data.details?.error;
    if (isFileLevel) {
      state.loadError = firstMessageLines(state.stderr.join('') || describeError(error));
      failures.push({ file: state.file, fullName, message: state.loadError });
    } else {
      failures.push(toFailure(state.file, data.file, fullName, error, data, CANCELLED_FAILURE_TYPES.has(error?.failureType ?? '')));
    }
  }

  const fileResults: TestFileResult[] = [...files.values()]
    .filter((state) => state.counts.total > 0)
    .map((state): TestFileResult => ({
      file: state.file,
      status: state.loadError !== undefined ? 'error' : state.counts.failed > 0 ? 'failed' : 'passed',
      counts: state.counts,
      durationMs: state.durationMs,
      ...(state.loadError !== undefined ? { failureMessage: state.loadError } : {}),
      tests: capTestCases(state.tests),
    }))
    .sort((a, b) => a.file.localeCompare(b.file));

  const counts = zeroCounts();
  for (const file of fileResults) for (const key of Object.keys(counts) as (keyof TestCounts)[]) counts[key] += file.counts[key];
  return {
    counts,
    suites: {
      total: fileResults.length,
      passed: fileResults.filter((file) => file.status === 'passed').length,
      failed: fileResults.filter((file) => file.status !== 'passed').length,
      errored: fileResults.filter((file) => file.status === 'error').length,
    },
    failures: failures.slice(0, failuresCap),
    failuresOmitted: Math.max(0, failures.length - failuresCap),
    files: fileResults,
  };
}

function toFailure(
  file: string,
  absoluteFile: string,
  fullName: string,
  error: NodeTestError | undefined,
  data: NodeTestEvent['data'],
  cancelled: boolean,
): TestFailure {
  const cause = error?.cause ?? error;
  const position = positionInStack(cause?.stack ?? '', absoluteFile) ?? (data.line ? { line: data.line, column: data.column ?? 0 } : undefined);
  return {
    file,
    fullName,
    message: firstMessageLines(`${cancelled ? '(cancelled) ' : ''}${describeError(error)}`),
    ...(position && position.line > 0 ? { line: position.line } : {}),
    ...(position && position.column > 0 ? { column: position.column } : {}),
  };
}

function describeError(error: NodeTestError | undefined): string {
  const cause = error?.cause ?? error;
  if (!cause) return 'Test failed';
  const name = cause.name && cause.name !== 'Error' && !(cause.message ?? '').startsWith(cause.name) ? `${cause.name}: ` : '';
  return `${name}${cause.message ?? 'Test failed'}`;
}

function zeroCounts(): TestCounts {
  return { total: 0, passed: 0, failed: 0, skipped: 0, todo: 0 };
}
