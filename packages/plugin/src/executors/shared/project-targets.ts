import type { ExecutorContext, TargetConfiguration } from '@nx/devkit';

/**
 * A project's targets as the task's executor context gives them: each as the project graph has it,
 * else as the project configurations have it.
 */
export function projectTargets(context: ExecutorContext, projectName: string): Record<string, TargetConfiguration> {
  return { ...context.projectsConfigurations?.projects[projectName]?.targets, ...context.projectGraph?.nodes[projectName]?.data.targets };
}
