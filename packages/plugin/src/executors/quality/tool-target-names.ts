import type { ExecutorContext } from '@nx/devkit';
import { qualityTargetKind } from '../../shared/quality-target-kind';
import type { QualityTool } from './options';

/** The names of the project's test/lint/typecheck/health targets (found by executor), so messages name the real target. */
export function toolTargetNames(context: ExecutorContext): Partial<Record<QualityTool | 'health', string>> {
  const targets = context.projectName ? context.projectsConfigurations?.projects?.[context.projectName]?.targets : undefined;
  const names: Partial<Record<QualityTool | 'health', string>> = {};
  for (const [name, target] of Object.entries(targets ?? {})) {
    const kind = qualityTargetKind(target);
    if (kind && kind !== 'quality') names[kind] ??= name;
  }
  return names;
}
