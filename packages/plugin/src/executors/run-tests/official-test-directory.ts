import { resolve } from 'node:path';
import type { ProjectRef } from '../../shared/project-ref';
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
  const projectRoot = resolve(project.workspaceRoot, project.root);
  if (!official || official.executor === 'nx:run-script') return projectRoot;
  // A target without an executor is a command, which Nx runs through run-commands.
  if (official.executor === undefined || official.executor === 'nx:run-commands') {
    const cwd = official.options['cwd'];
    return typeof cwd === 'string' && cwd !== '' ? resolve(project.workspaceRoot, cwd) : project.workspaceRoot;
  }
  return invokedIn ?? project.workspaceRoot;
}
