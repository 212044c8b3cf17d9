import { getProjects, type ProjectConfiguration, type Tree } from '@nx/devkit';
import { QualityError } from '@nx-quality/core';

/** Reads a project's configuration, failing with the list of known projects when the name is wrong. */
export function resolveProject(tree: Tree, name: string, subject: string): ProjectConfiguration & { name: string } {
  const projects = getProjects(tree);
  const project = projects.get(name);
  if (!project) {
    const known = [...projects.keys()].sort();
    throw new QualityError('UNKNOWN_PROJECT', `${subject}: no project named "${name}" in this workspace.`, {
      hint: known.length > 0 ? `Pass --project with one of: ${known.join(', ')}.` : 'Create a project first (e.g. nx g @nx/js:lib).',
    });
  }
  return { ...project, name };
}
