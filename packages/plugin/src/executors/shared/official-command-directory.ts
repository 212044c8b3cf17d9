import { resolve } from 'node:path';
import type { ProjectRef } from '../../shared/project-ref';
import type { OfficialTargetOptions } from './read-official-target-options';

/**
 * The directory a command target runs its command in: a package.json script (`nx:run-script`) in
 * the project root, run-commands (also a target with a `command` and no executor, which Nx runs
 * through run-commands) in its `cwd` option (workspace-relative) or the workspace root. Undefined for
 * a target of any other executor.
 */
export function officialCommandDirectory(project: ProjectRef, official: OfficialTargetOptions): string | undefined {
  if (official.executor === 'nx:run-script') return resolve(project.workspaceRoot, project.root);
  if (official.executor !== undefined && official.executor !== 'nx:run-commands') return undefined;
  const cwd = official.options['cwd'];
  return typeof cwd === 'string' && cwd !== '' ? resolve(project.workspaceRoot, cwd) : project.workspaceRoot;
}
