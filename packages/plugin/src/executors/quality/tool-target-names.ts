import type { ExecutorContext } from '@nx/devkit';
import type { QualityTool } from './options';

/** The names of the project's test/lint/typecheck/health targets (found by executor), so messages name the real target. */
export function toolTargetNames(context: ExecutorContext): Partial<Record<QualityTool | 'health', string>> {
  const targets = context.projectName ? context.projectsConfigurations?.projects?.[context.projectName]?.targets : undefined;
  const names: Partial<Record<QualityTool | 'health', string>> = {};
  for (const [name, target] of Object.entries(targets ?? {})) {
    const match = /^@nx-quality\/plugin:(test|lint|typecheck|health)$/.exec(target.executor ?? '');
    if (match) names[match[1] as QualityTool | 'health'] ??= name;
  }
  return names;
}
