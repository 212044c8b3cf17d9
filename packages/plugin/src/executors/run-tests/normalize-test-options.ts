import { RESULT_FILE_NAMES, resolveResultsDir } from '@nx-quality/core';
import { isAbsolute, join, resolve } from 'node:path';
import type { ProjectRef } from '../../shared/project-ref';
import { workspacePath, type WorkspacePath } from '../../shared/workspace-path';
import { parseOptions } from '../../shared/parse-options';
import { findJestConfig } from './find-jest-config';
import { optionsSchema, type ParsedTestOptions } from './options';

/** Test executor options with defaults applied and every path resolved. */
export interface NormalizedTestOptions extends Omit<ParsedTestOptions, 'jestConfig' | 'resultsDir'> {
  projectRoot: WorkspacePath;
  /** Absent when the runner is 'node' or no config was given or found (the run then reports JEST_CONFIG_NOT_FOUND). */
  jestConfig?: WorkspacePath;
  resultsDir: WorkspacePath;
  testResultFile: WorkspacePath;
  coverageFile: WorkspacePath;
}

/** Validates raw options (throws InvalidOptionsError naming each bad option) and resolves paths against the project. */
export function normalizeTestOptions(project: ProjectRef, raw: unknown): NormalizedTestOptions {
  const parsed = parseOptions(optionsSchema, raw, `test executor of project "${project.name}"`);
  const { workspaceRoot } = project;
  const toResolved = (absolute: string): WorkspacePath => workspacePath(workspaceRoot, absolute);
  const projectRoot = toResolved(resolve(workspaceRoot, project.root));

  let jestConfig: WorkspacePath | undefined;
  if (parsed.runner === 'jest') {
    if (parsed.jestConfig) {
      jestConfig = toResolved(isAbsolute(parsed.jestConfig) ? parsed.jestConfig : resolve(workspaceRoot, parsed.jestConfig));
    } else {
      const found = findJestConfig(projectRoot.absolute);
      if (found) jestConfig = toResolved(found);
    }
  }

  const resultsDir = toResolved(resolve(workspaceRoot, resolveResultsDir(parsed.resultsDir, project)));
  return {
    ...parsed,
    projectRoot,
    jestConfig,
    resultsDir,
    testResultFile: toResolved(join(resultsDir.absolute, RESULT_FILE_NAMES.test)),
    coverageFile: toResolved(join(resultsDir.absolute, RESULT_FILE_NAMES.coverage)),
  };
}
