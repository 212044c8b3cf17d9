import { QualityError } from '@nx-quality/core';
import { existsSync } from 'node:fs';
import type { ProjectRef } from '../../shared/project-ref';
import type { WorkspacePath } from '../../shared/workspace-path';

/** What a missing config of one test runner is reported with. */
export interface RunnerConfigFacts {
  runner: 'Jest' | 'Vitest';
  code: 'JEST_CONFIG_NOT_FOUND' | 'VITEST_CONFIG_NOT_FOUND';
  /** The executor option that names the config. */
  option: 'jestConfig' | 'vitestConfig';
  /** What was looked for in the project root. */
  lookedFor: string;
  /** How to give the project a config when none was found. */
  createHint: string;
}

/** The absolute config file the runner runs with: the one given or found, which must exist. */
export function requireRunnerConfig(project: ProjectRef, projectRoot: WorkspacePath, config: WorkspacePath | undefined, facts: RunnerConfigFacts): string {
  if (!config) {
    throw new QualityError(facts.code, `No ${facts.runner} config found for project "${project.name}" in ${projectRoot.relative} (looked for ${facts.lookedFor}).`, {
      file: projectRoot.relative,
      hint: facts.createHint,
    });
  }
  if (!existsSync(config.absolute)) {
    throw new QualityError(facts.code, `The ${facts.runner} config ${config.relative} of project "${project.name}" does not exist.`, {
      file: config.relative,
      hint: `Correct the \`${facts.option}\` option (a workspace-relative path) or remove it to use the project root's ${facts.runner.toLowerCase()}.config.*.`,
    });
  }
  return config.absolute;
}
