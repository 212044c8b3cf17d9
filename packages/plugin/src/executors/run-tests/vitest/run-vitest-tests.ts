import { QualityError, type CoverageThresholds, type TestFailure } from '@nx-quality/core';
import type { CoverageMapData } from 'istanbul-lib-coverage';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProjectRef } from '../../../shared/project-ref';
import { describeError } from '../../shared/describe-error';
import { VITEST_CONFIG_FILE_NAMES } from '../../../tool-facts/vitest-config-files';
import { firstMessageLines } from '../first-message-lines';
import type { NormalizedTestOptions } from '../normalize-test-options';
import { noTestsFoundOutcome } from '../no-tests-found-outcome';
import { withThresholds } from '../with-thresholds';
import { requireRunnerConfig } from '../require-runner-config';
import { unexpectedRunnerError } from '../unexpected-runner-error';
import type { RunnerOutcome } from '../runner-outcome';
import { mapVitestModules } from './map-vitest-modules';
import { resolveVitest } from './resolve-vitest';
import type { Vitest, VitestCoverageReporter, VitestSerializedError } from './vitest-api-types';

/**
 * Runs a project's Vitest tests in-process through the user's own Vitest Node API (`createVitest`):
 * results from its test modules, coverage from the istanbul map its coverage provider (v8 or
 * istanbul, as configured) hands the reporters, also when tests fail. Never throws for tool problems.
 */
export async function runVitestTests(project: ProjectRef, options: NormalizedTestOptions): Promise<RunnerOutcome> {
  let tool = { name: 'vitest', version: 'unknown' };
  // Coverage reports and Vitest's temporary coverage files go here, never into the user's reportsDirectory.
  const reportsDirectory = mkdtempSync(join(tmpdir(), 'nx-quality-vitest-'));
  const exitCodeBefore = process.exitCode;
  try {
    const configFile = requireRunnerConfig(project, options.projectRoot, options.vitestConfig, {
      runner: 'Vitest',
      code: 'VITEST_CONFIG_NOT_FOUND',
      option: 'vitestConfig',
      lookedFor: `${VITEST_CONFIG_FILE_NAMES.join(', ')}; a vite.config.* counts when it has a test block`,
      createHint: 'Create a vitest.config.ts in the project root or set the `vitestConfig` option.',
    });
    const vitest = await resolveVitest([options.projectRoot.absolute, project.workspaceRoot]);
    tool = { name: 'vitest', version: vitest.version };

    let coverageData: CoverageMapData | undefined;
    const coverageReporter: VitestCoverageReporter = {
      onCoverage(map) {
        coverageData = JSON.parse(JSON.stringify(map ?? {})) as CoverageMapData;
      },
    };
    let ctx: Vitest | undefined;
    let run;
    try {
      ctx = await vitest.api.createVitest('test', {
        root: options.projectRoot.absolute,
        config: configFile,
        run: true,
        watch: false,
        includeTaskLocation: true,
        // Only ever set: `false` would override `test.passWithNoTests` in the project's Vitest config.
        ...(options.passWithNoTests ? { passWithNoTests: true } : {}),
        ...(options.testNamePattern ? { testNamePattern: options.testNamePattern } : {}),
        ...(options.maxWorkers !== undefined ? { maxWorkers: options.maxWorkers } : {}),
        ...(options.runInBand ? { fileParallelism: false } : {}),
        reporters: ['default', coverageReporter],
        coverage: options.coverage
          ? { enabled: true, reportOnFailure: true, reportsDirectory, reporter: [], clean: true, thresholds: { autoUpdate: false } }
          : { enabled: false },
      });
      run = await startRun(ctx);
    } catch (error) {
      throw new QualityError('VITEST_RUN_FAILED', `Vitest could not run the tests of project "${project.name}": ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
        file: options.vitestConfig?.relative,
        hint: `Check ${options.vitestConfig?.relative} and that the modules it names (plugins, the coverage provider @vitest/coverage-v8 or @vitest/coverage-istanbul) are installed.`,
      });
    } finally {
      await ctx?.close();
    }

    const tests = mapVitestModules(run.testModules, project.workspaceRoot, options.failuresCap);
    const unhandled = run.unhandledErrors.map((error) => unhandledFailure(error, options.vitestConfig?.relative ?? options.projectRoot.relative));
    if (unhandled.length > 0) {
      const room = Math.max(0, options.failuresCap - tests.failures.length);
      tests.failures.push(...unhandled.slice(0, room));
      tests.failuresOmitted += unhandled.length - Math.min(room, unhandled.length);
    }
    const coverage = options.coverage
      ? withThresholds(coverageData ?? {}, mergeThresholds(ctx?.config.coverage.thresholds, options.coverageThreshold))
      : undefined;
    if (run.testModules.length === 0 && !options.passWithNoTests && ctx?.config.passWithNoTests !== true) {
      return noTestsFoundOutcome({ tool, tests, coverage }, project, options.vitestConfig, "Add tests, check the config's test.include, or set the passWithNoTests option.");
    }
    // Vitest fails a run on an error outside any test (an unhandled rejection), which the counts do not show.
    return { tool, tests, coverage, runnerReportedFailure: unhandled.length > 0 };
  } catch (error) {
    // The "never throws" boundary: our errors carry code, file and hint; anything else keeps its message.
    return { tool, error: error instanceof QualityError ? describeError(error, 'VITEST_RUN_FAILED') : unexpectedRunnerError(error, 'VITEST_RUN_FAILED', 'Vitest/config') };
  } finally {
    // Vitest sets the exit code for failing tests; the executor's return value says whether the task failed.
    process.exitCode = exitCodeBefore;
    rmSync(reportsDirectory, { recursive: true, force: true });
  }
}

/** Vitest's start() throws when no test file matches (its CLI then exits 0 or 1 by passWithNoTests): an empty run here. */
async function startRun(ctx: Vitest): ReturnType<Vitest['start']> {
  try {
    return await ctx.start();
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'VITEST_FILES_NOT_FOUND') return { testModules: [], unhandledErrors: [] };
    throw error;
  }
}

function unhandledFailure(error: unknown, file: string): TestFailure {
  const serialized = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as VitestSerializedError;
  const text = serialized.stack ?? [serialized.name, serialized.message].filter(Boolean).join(': ');
  return { file, fullName: '(unhandled error during the test run)', message: firstMessageLines(text) };
}

/**
 * Vitest's own coverage.thresholds apply to dimensions the executor's option leaves unset; only
 * percentages (a negative number is Vitest's "at most this many uncovered", which we do not judge).
 */
function mergeThresholds(fromVitest: Record<string, unknown> | undefined, fromOptions: CoverageThresholds | undefined): CoverageThresholds | undefined {
  const merged: CoverageThresholds = {};
  const all100 = fromVitest?.['100'] === true;
  for (const dimension of ['lines', 'statements', 'functions', 'branches'] as const) {
    const own = fromVitest?.[dimension];
    const value = fromOptions?.[dimension] ?? (typeof own === 'number' && own >= 0 ? own : all100 ? 100 : undefined);
    if (value !== undefined) merged[dimension] = value;
  }
  return Object.keys(merged).length > 0 ? merged : undefined;
}
