import { QualityError, type CoverageThresholds } from '@nx-quality/core';
import type { CoverageMapData } from 'istanbul-lib-coverage';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ProjectRef } from '../../shared/project-ref';
import { describeError } from '../shared/describe-error';
import { buildJestArgv } from './build-jest-argv';
import { JEST_CONFIG_FILE_NAMES } from './find-jest-config';
import { loadJestConfig } from './load-jest-config';
import { mapJestResults } from './map-jest-results';
import type { NormalizedTestOptions } from './normalize-test-options';
import { prepareJestConfig } from './prepare-jest-config';
import { noTestsFoundOutcome } from './no-tests-found-outcome';
import { withThresholds } from './with-thresholds';
import { requireRunnerConfig } from './require-runner-config';
import { unexpectedRunnerError } from './unexpected-runner-error';
import { resolveJest } from './resolve-jest';
import type { RunnerOutcome } from './runner-outcome';

/** Runs a project's Jest tests in-process through the user's own `runCLI`; never throws for tool problems. */
export async function runJestTests(project: ProjectRef, options: NormalizedTestOptions): Promise<RunnerOutcome> {
  let tool = { name: 'jest', version: 'unknown' };
  try {
    const configFile = requireRunnerConfig(project, options.projectRoot, options.jestConfig, {
      runner: 'Jest',
      code: 'JEST_CONFIG_NOT_FOUND',
      option: 'jestConfig',
      lookedFor: JEST_CONFIG_FILE_NAMES.join(', '),
      createHint: 'Create a jest.config.ts in the project root, set the `jestConfig` option, or use `runner: "node"`.',
    });
    const jest = resolveJest([options.projectRoot.absolute, dirname(configFile), project.workspaceRoot]);
    tool = { name: 'jest', version: jest.version };

    const loaded = await loadJestConfig(configFile, project.workspaceRoot);
    const config = await prepareJestConfig(loaded, configFile, project.workspaceRoot);
    const multiProjectConfigFile = writeMultiProjectConfig(config);
    const argv = buildJestArgv(config, options, jest.major, multiProjectConfigFile);

    let output;
    try {
      output = await jest.runCLI(argv, [config['rootDir'] as string]);
    } catch (error) {
      throw new QualityError('JEST_RUN_FAILED', `Jest could not run the tests of project "${project.name}": ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
        hint: `Check ${options.jestConfig?.relative} (preset, transform, testEnvironment) and that the modules it names are installed.`,
      });
    } finally {
      if (multiProjectConfigFile) rmSync(dirname(multiProjectConfigFile), { recursive: true, force: true });
    }

    const { results, globalConfig } = output;
    const tests = mapJestResults(results, project.workspaceRoot, options.failuresCap);
    const coverage = options.coverage
      ? withThresholds(coverageDataOf(results.coverageMap), mergeThresholds(globalConfig.coverageThreshold?.global, options.coverageThreshold))
      : undefined;
    const noTests = results.numTotalTestSuites === 0;
    // Jest was told to pass without tests (see buildJestArgv); whether the run passes is the option's or the project's config's word.
    const passWithNoTests = options.passWithNoTests || config['passWithNoTests'] === true;
    if (noTests && !passWithNoTests) {
      return noTestsFoundOutcome({ tool, tests, coverage }, project, options.jestConfig, 'Add tests, check testMatch/testPathPatterns, or set the passWithNoTests option.');
    }
    return { tool, tests, coverage, runnerReportedFailure: !results.success && !(noTests && passWithNoTests) };
  } catch (error) {
    // The "never throws" boundary: our errors carry code, file and hint; anything else keeps its message.
    return { tool, error: error instanceof QualityError ? describeError(error, 'JEST_RUN_FAILED') : unexpectedRunnerError(error, 'JEST_RUN_FAILED', 'Jest/Node/config') };
  }
}

/**
 * Jest merges a JSON `--config` string into every project's options (overwriting their rootDir), so a
 * config with `projects` goes to Jest as a JSON file instead; every rootDir in it is absolute already.
 */
function writeMultiProjectConfig(config: Record<string, unknown>): string | undefined {
  if (!Array.isArray(config['projects']) || config['projects'].length === 0) return undefined;
  const file = join(mkdtempSync(join(tmpdir(), 'nx-quality-jest-')), 'jest.config.json');
  writeFileSync(file, JSON.stringify(config));
  return file;
}

/** Jest's own global coverageThreshold applies to dimensions the executor's option leaves unset. */
function mergeThresholds(fromJest: Record<string, number> | undefined, fromOptions: CoverageThresholds | undefined): CoverageThresholds | undefined {
  const merged: CoverageThresholds = {};
  for (const dimension of ['lines', 'statements', 'functions', 'branches'] as const) {
    const value = fromOptions?.[dimension] ?? (typeof fromJest?.[dimension] === 'number' && fromJest[dimension]! >= 0 ? fromJest[dimension] : undefined);
    if (value !== undefined) merged[dimension] = value;
  }
  return Object.keys(merged).length > 0 ? merged : undefined;
}

/** Plain istanbul data from Jest's CoverageMap (its FileCoverage objects belong to Jest's copy of istanbul). */
function coverageDataOf(map: { toJSON(): unknown } | null | undefined): CoverageMapData {
  return map ? (JSON.parse(JSON.stringify(map)) as CoverageMapData) : {};
}
