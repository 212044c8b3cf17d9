import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectTools } from './detect-project-tools';
import type { ExplicitTargets } from './explicit-targets';

/**
 * The project's tools with the config its declared official test target runs (`jestConfig` of
 * `@nx/jest:jest`, `configFile` of `@nx/vitest:test`) in place of the one found by file name, so ours
 * runs the same tests: code-pushup's `unit-test` targets run `vitest.unit.config.ts`, which no search
 * by file name finds. Unchanged when the official target names no config or a file that does not exist
 * (its executor then fails, or searches the project root as we do).
 */
export function withOfficialTestConfig(tools: ProjectTools, config: ExplicitTargets['officialTestConfig'], workspaceRoot: string): ProjectTools {
  if (!config || !existsSync(join(workspaceRoot, config.file))) return tools;
  const { jestConfig: _jest, vitestConfig: _vitest, ...rest } = tools;
  return config.runner === 'jest' ? { ...rest, jestConfig: config.file, nodeTests: false } : { ...rest, vitestConfig: config.file, nodeTests: false };
}
