import { toWorkspacePath, type TestCase, type TestCounts, type TestFailure, type TestFileResult } from '@nx-quality/core';
import { capTestCases } from '../cap-test-cases';
import { firstMessageLines } from '../first-message-lines';
import { positionInStack } from '../position-in-stack';
import type { RunnerOutcome } from '../runner-outcome';
import { testFailureAt } from '../test-failure-at';
import type { VitestSerializedError, VitestTestCase, VitestTestModule } from './vitest-api-types';

/**
 * Maps the test modules of a Vitest run to our counts, suites, per-file results and a capped failure
 * list. A test counts as Vitest's json reporter counts it: todo by its mode, otherwise passed,
 * failed, or skipped (skipped, skipIf, or never run).
 */
export function mapVitestModules(modules: readonly VitestTestModule[], workspaceRoot: string, failuresCap: number): NonNullable<RunnerOutcome['tests']> {
  const failures: TestFailure[] = [];
  const files: TestFileResult[] = [];
  const counts: TestCounts = { total: 0, passed: 0, failed: 0, skipped: 0, todo: 0 };
  const suites = { total: 0, passed: 0, failed: 0, errored: 0 };
  // Modules come in the order they finished; failures are listed in file order, as the file results are.
  for (const module of [...modules].sort((a, b) => a.moduleId.localeCompare(b.moduleId))) {
    const file = toWorkspacePath(workspaceRoot, module.moduleId);
    const fileCounts: TestCounts = { total: 0, passed: 0, failed: 0, skipped: 0, todo: 0 };
    const cases: TestCase[] = [];
    for (const test of module.children.allTests()) {
      const status = statusOf(test);
      fileCounts.total += 1;
      fileCounts[status] += 1;
      const duration = test.diagnostic()?.duration;
      cases.push({ fullName: fullNameOf(test), status, ...(typeof duration === 'number' && duration >= 0 ? { durationMs: duration } : {}) });
      if (status === 'failed') failures.push(toFailure(test, file, module.moduleId));
    }
    const moduleErrors = module.errors();
    const execMessage = moduleErrors.length > 0 ? firstMessageLines(moduleErrors.map(errorText).join('\n')) : undefined;
    if (execMessage !== undefined) failures.push({ file, fullName: '(test file failed to run)', message: execMessage });
    const failed = module.state() === 'failed' || fileCounts.failed > 0 || execMessage !== undefined;
    suites.total += 1;
    if (failed) suites.failed += 1;
    else suites.passed += 1;
    if (execMessage !== undefined) suites.errored += 1;
    for (const key of Object.keys(counts) as (keyof TestCounts)[]) counts[key] += fileCounts[key];
    files.push({
      file,
      status: execMessage !== undefined ? 'error' : failed ? 'failed' : 'passed',
      counts: fileCounts,
      durationMs: Math.max(0, module.diagnostic().duration || 0),
      ...(execMessage !== undefined ? { failureMessage: execMessage } : {}),
      tests: capTestCases(cases),
    });
  }
  return { counts, suites, failures: failures.slice(0, failuresCap), failuresOmitted: Math.max(0, failures.length - failuresCap), files };
}

function statusOf(test: VitestTestCase): TestCase['status'] {
  if (test.options.mode === 'todo') return 'todo';
  const { state } = test.result();
  return state === 'passed' ? 'passed' : state === 'failed' ? 'failed' : 'skipped';
}

/** Suite names and the test's name joined by " › ", as the Jest and Node runners record them. */
function fullNameOf(test: VitestTestCase): string {
  const names = [test.name];
  for (let parent = test.parent as { type?: string; name?: string; parent?: unknown } | undefined; parent?.type === 'suite'; parent = parent.parent as typeof parent) {
    names.unshift(parent.name ?? '');
  }
  return names.join(' › ');
}

function errorText(error: VitestSerializedError): string {
  return error.stack && error.stack.includes(error.message ?? '') ? error.stack : [error.name && error.message ? `${error.name}: ${error.message}` : error.message, error.stack].filter(Boolean).join('\n');
}

function toFailure(test: VitestTestCase, file: string, absoluteFile: string): TestFailure {
  const errors = test.result().errors ?? [];
  const text = errors.map(errorText).join('\n');
  const position = errors.map((error) => positionInStack(error.stack ?? '', absoluteFile)).find((found) => found !== undefined) ?? test.location;
  return testFailureAt(file, fullNameOf(test), text, position);
}
