import type { NxJsonConfiguration, TargetConfiguration } from '@nx/devkit';
import { applyingTargetDefaults, type TargetDefaultsMatch } from './applying-target-defaults';

/**
 * The `dependsOn` the workspace's target defaults give the target `targetName` (an official
 * plugin's inferred `test`, or a project's own `lint` target), for ours standing beside it under
 * another name to run with the same prerequisites: of the entries Nx applies to it
 * (`applyingTargetDefaults`), the last that sets `dependsOn`. Undefined when none sets it.
 */
export function targetDefaultDependsOn(
  targetDefaults: NxJsonConfiguration['targetDefaults'],
  targetName: string,
  target: TargetDefaultsMatch = {},
): TargetConfiguration['dependsOn'] | undefined {
  let dependsOn: TargetConfiguration['dependsOn'] | undefined;
  for (const entry of applyingTargetDefaults(targetDefaults, targetName, target)) {
    if (entry['dependsOn'] !== undefined) dependsOn = entry['dependsOn'] as TargetConfiguration['dependsOn'];
  }
  return dependsOn === undefined ? undefined : structuredClone(dependsOn);
}
