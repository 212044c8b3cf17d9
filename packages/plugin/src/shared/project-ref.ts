import type { ExecutorContext } from '@nx/devkit';
import { QualityError } from '@nx-quality/core';

/** What an executor needs to know about its project; independent of Nx so a batch runner can build it too. */
export interface ProjectRef {
  workspaceRoot: string;
  name: string;
  /** Workspace-relative POSIX root, "." for the root project. */
  root: string;
  tags: string[];
}

/** Reads the project of the running task from Nx's executor context. */
export function projectRefFromContext(context: ExecutorContext): ProjectRef {
  const name = context.projectName;
  const config = name ? context.projectsConfigurations?.projects?.[name] : undefined;
  if (!name || !config) {
    throw new QualityError('NO_PROJECT', `This executor must run as a target of a project (got project "${name ?? ''}").`, {
      hint: 'Run it through `nx run <project>:<target>`.',
    });
  }
  return { workspaceRoot: context.root, name, root: config.root === '' ? '.' : config.root, tags: config.tags ?? [] };
}
