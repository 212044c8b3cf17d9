import type { TestResult } from '@nx-quality/core';
import type { ProjectRef } from '../../shared/project-ref';
import { resultHeader } from '../../shared/result-header';
import { isolateTaskProcessState } from '../shared/isolate-task-process-state';
import { combineRunnerOutcomes, type TestRunOutcome } from './combine-runner-outcomes';
import { enterRunnerProcessState } from './enter-runner-process-state';
import type { NormalizedTestOptions } from './normalize-test-options';
import { runJestTests } from './run-jest-tests';
import { runNodeTests } from './node/run-node-tests';
import { runVitestTests } from './vitest/run-vitest-tests';
import { recordCoverage } from './record-coverage';
import type { RunnerOutcome } from './runner-outcome';

const NO_TESTS: NonNullable<RunnerOutcome['tests']> = {
  counts: { total: 0, passed: 0, failed: 0, skipped: 0, todo: 0 },
  suites: { total: 0, passed: 0, failed: 0, errored: 0 },
  failures: [],
  failuresOmitted: 0,
  files: [],
};

const RUNNERS = { jest: runJestTests, node: runNodeTests, vitest: runVitestTests } as const;

function runnerOf(runner: NormalizedTestOptions['runner']): (project: ProjectRef, options: NormalizedTestOptions) => Promise<RunnerOutcome> {
  return RUNNERS[runner];
}

/**
 * Runs `run` as the official target runs the runner (enterRunnerProcessState); a working directory
 * that cannot be entered is the run's error.
 */
async function runAsOfficialTarget(options: NormalizedTestOptions, run: () => Promise<RunnerOutcome>): Promise<RunnerOutcome> {
  let restore: () => void;
  try {
    restore = enterRunnerProcessState(options.runner, options.workingDirectory);
  } catch (error) {
    return {
      tool: { name: options.runner, version: 'unknown' },
      error: {
        code: 'TEST_DIRECTORY_MISSING',
        message: `The tests cannot run in ${options.workingDirectory}, the working directory of the official test target: ${error instanceof Error ? error.message : String(error)}`,
        hint: "Correct the official test target's cwd option, or create the directory.",
      },
    };
  }
  try {
    return await run();
  } finally {
    restore();
  }
}

/**
 * Runs a project's tests with the configured runner and returns its TestResult (also writing
 * coverage-final.json when coverage is on): the config of the official target ours stands beside,
 * then those of the project's other official test targets (`otherRuns`, each in its own directory
 * and environment), as one result. Never throws for tool problems: status 'error' + `error`.
 */
export async function runTestsForProject(project: ProjectRef, options: NormalizedTestOptions): Promise<TestResult> {
  const startedAt = new Date();
  const runs: TestRunOutcome[] = [{ ...(options.officialTarget ? { officialTarget: options.officialTarget } : {}), outcome: await runAsOfficialTarget(options, () => runnerOf(options.runner)(project, options)) }];
  for (const other of options.otherRuns) {
    const runOptions: NormalizedTestOptions = {
      ...options,
      ...(options.runner === 'vitest' ? { vitestConfig: other.config } : { jestConfig: other.config }),
      workingDirectory: other.workingDirectory,
      passWithNoTests: other.passWithNoTests,
    };
    const restore = other.env ? isolateTaskProcessState(other.env) : undefined;
    try {
      runs.push({ officialTarget: other.officialTarget, outcome: await runAsOfficialTarget(runOptions, () => runnerOf(options.runner)(project, runOptions)) });
    } finally {
      restore?.();
    }
  }
  const outcome = combineRunnerOutcomes(runs, options.failuresCap);
  const coverage = outcome.coverage ? recordCoverage(outcome.coverage.data, project, options, outcome.coverage.thresholds) : undefined;
  const tests = outcome.tests ?? NO_TESTS;
  const failed =
    tests.counts.failed > 0 ||
    tests.suites.failed > 0 ||
    tests.suites.errored > 0 ||
    outcome.runnerReportedFailure === true ||
    (coverage?.thresholdViolations.length ?? 0) > 0;
  return {
    ...resultHeader('test', { name: project.name, root: options.projectRoot.relative }, startedAt),
    status: outcome.error ? 'error' : failed ? 'failed' : 'passed',
    tool: outcome.tool,
    ...(outcome.error ? { error: outcome.error } : {}),
    runner: options.runner,
    ...tests,
    ...(coverage ? { coverage } : {}),
    ...(runs.length > 1 ? { officialTargets: runs.map((run) => run.officialTarget ?? '') } : {}),
    ...(options.officialTargetsNotRun.length > 0 ? { officialTargetsNotRun: options.officialTargetsNotRun } : {}),
  };
}
