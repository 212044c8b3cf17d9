import type { TargetConfiguration } from '@nx/devkit';

/**
 * A `dependsOn` taken over from the target `from` for ours named `to`: where it names `from` itself
 * in other projects (`^typecheck`, `{ target: 'typecheck', dependencies: true }` or with `projects`),
 * it names ours. The official target runs after the same target of its dependencies; ours runs
 * after ours there, not after the official one, which would run the official tool too.
 */
export function retargetSelfDependencies(dependsOn: NonNullable<TargetConfiguration['dependsOn']>, from: string, to: string): NonNullable<TargetConfiguration['dependsOn']> {
  return dependsOn.map((entry) => {
    if (typeof entry === 'string') return entry === `^${from}` ? `^${to}` : entry;
    const self = entry.projects === 'self' || entry.projects === '{self}';
    const otherProjects = entry.dependencies === true || (entry.projects !== undefined && !self);
    return entry.target === from && otherProjects ? { ...entry, target: to } : entry;
  });
}
