import type { ResultError } from '@nx-quality/core';
import { describeError } from '../shared/describe-error';

/** A failure of a test runner that is none of our errors: its message, and a hint that it is ours to report, not one of `knownProblems`. */
export function unexpectedRunnerError(error: unknown, fallbackCode: string, knownProblems: string): ResultError {
  return { ...describeError(error, fallbackCode), hint: `An unexpected failure inside the test executor, not a known ${knownProblems} problem: please report it with this test.json.` };
}
