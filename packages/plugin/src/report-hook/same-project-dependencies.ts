import type { ProjectGraph } from '@nx/devkit';

/**
 * The targets a target depends on in its own project, from the project graph: `dependsOn` entries
 * without `^` (which reach the project's dependencies) and objects naming no other projects.
 */
export function sameProjectDependencies(graph: ProjectGraph): (project: string, target: string) => string[] {
  return (project, target) =>
    (graph.nodes[project]?.data.targets?.[target]?.dependsOn ?? []).flatMap((dependency) => {
      if (typeof dependency === 'string') return dependency.startsWith('^') ? [] : [dependency];
      return dependency.target && !dependency.projects && !dependency.dependencies ? [dependency.target] : [];
    });
}
