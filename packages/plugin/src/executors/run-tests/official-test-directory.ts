import { resolve } from 'node:path';
import type { ProjectRef } from '../../shared/project-ref';
import { officialCommandDirectory } from '../shared/official-command-directory';
import type { OfficialTargetOptions } from '../shared/read-official-target-options';

/**
 * The directory the workspace's own test target runs its runner in: tests see it as
 * `process.cwd()`, and Vitest resolves a relative `test.dir` against it. The official plugins
 * (@nx/jest/plugin, @nx/vitest/plugin) and package.json scripts run the runner in the project root,
 * run-commands in its `cwd` option (workspace-relative) or the workspace root, and an executor
 * (`@nx/jest:jest`, `@nx/vitest:test`) in the process Nx forks where it was invoked (`invokedIn`, the
 * executor context's `cwd`). Without an official target, the project root, where the official plugins
 * would run it.
 */
export function officialTestDirectory(project: ProjectRef, official: OfficialTargetOptions | undefined, invokedIn: string | undefined): string {
  if (!official) return resolve(project.workspaceRoot, project.root);
  return officialCommandDirectory(project, official) ?? invokedIn ?? project.workspaceRoot;
}
