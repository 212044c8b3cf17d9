import type { ExecutorContext } from '@nx/devkit';
import { RESULT_FILE_NAMES } from '@nx-quality/core';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectRef } from '../../shared/project-ref';
import type { WorkspacePath } from '../../shared/workspace-path';
import { parseToolOptions } from '../shared/parse-tool-options';
import { readOfficialTargetOptions } from '../shared/read-official-target-options';
import { findVitestConfigFile } from '../../tool-facts/vitest-config-files';
import { findJestConfig } from './find-jest-config';
import { officialPassesWithNoTests } from './official-passes-with-no-tests';
import { officialTestDirectory } from './official-test-directory';
import { otherTestRuns, type OtherTestRun } from './other-test-runs';
import { optionsSchema, type ParsedTestOptions } from './options';

/** Test executor options with defaults applied and every path resolved. */
export interface NormalizedTestOptions extends Omit<ParsedTestOptions, 'jestConfig' | 'vitestConfig' | 'resultsDir'> {
  projectRoot: WorkspacePath;
  /** Absent when the runner is 'node' or no config was given or found (the run then reports JEST_CONFIG_NOT_FOUND). */
  jestConfig?: WorkspacePath;
  /** Absent unless the runner is 'vitest' and a config was given or found (the run then reports VITEST_CONFIG_NOT_FOUND). */
  vitestConfig?: WorkspacePath;
  resultsDir: WorkspacePath;
  testResultFile: WorkspacePath;
  coverageFile: WorkspacePath;
  /** Absolute: the runner's working directory, the official test target's (see officialTestDirectory). */
  workingDirectory: string;
  /** The project's other official test targets whose tests the task runs after these, each as its executor would (otherTestRuns). */
  otherRuns: OtherTestRun[];
  /** The project's other official test targets whose tests the task does not run. */
  officialTargetsNotRun: string[];
}

/**
 * Validates raw options (throws InvalidOptionsError naming each bad option) and resolves paths
 * against the project. Unless the options set `passWithNoTests`, the official target's applies
 * (read from `context`), so a project without tests passes or fails as under the official target;
 * the runner works in the official target's directory. The project's other official test targets
 * on the same runner are run after it (`otherRuns`), the rest named (`officialTargetsNotRun`).
 */
export function normalizeTestOptions(project: ProjectRef, raw: unknown, context?: ExecutorContext): NormalizedTestOptions {
  const { parsed, toPath, projectRoot, resultsDir } = parseToolOptions(optionsSchema, project, raw, 'test');
  const official = readOfficialTargetOptions(project, raw, context);
  const ownPassWithNoTests = (raw as { passWithNoTests?: unknown } | undefined)?.passWithNoTests !== undefined;
  if (!ownPassWithNoTests && officialPassesWithNoTests(project, official)) {
    parsed.passWithNoTests = true;
  }

  let jestConfig: WorkspacePath | undefined;
  if (parsed.runner === 'jest') {
    if (parsed.jestConfig) {
      jestConfig = toPath(parsed.jestConfig);
    } else {
      const found = findJestConfig(projectRoot.absolute);
      if (found) jestConfig = toPath(found);
    }
  }

  let vitestConfig: WorkspacePath | undefined;
  if (parsed.runner === 'vitest') {
    if (parsed.vitestConfig) {
      vitestConfig = toPath(parsed.vitestConfig);
    } else {
      const found = findVitestConfigFile(projectRoot.absolute, existsSync, (file) => readFileSync(file, 'utf8'), join);
      if (found) vitestConfig = toPath(found);
    }
  }

  const others = otherTestRuns(
    project,
    {
      officialTarget: official?.target,
      runner: parsed.runner,
      config: jestConfig ?? vitestConfig,
      include: parsed.otherOfficialTargets,
      ...(ownPassWithNoTests ? { passWithNoTests: parsed.passWithNoTests } : {}),
      rawOptions: raw,
    },
    toPath,
    context,
  );

  return {
    ...parsed,
    projectRoot,
    jestConfig,
    vitestConfig,
    resultsDir,
    testResultFile: toPath(join(resultsDir.absolute, RESULT_FILE_NAMES.test)),
    coverageFile: toPath(join(resultsDir.absolute, RESULT_FILE_NAMES.coverage)),
    workingDirectory: officialTestDirectory(project, official, context?.cwd),
    otherRuns: others.runs,
    officialTargetsNotRun: others.notRun,
  };
}
