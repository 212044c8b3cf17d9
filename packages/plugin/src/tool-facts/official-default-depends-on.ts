import type { NxJsonConfiguration, TargetConfiguration } from '@nx/devkit';

type DefaultsEntry = Record<string, unknown>;

/**
 * The `dependsOn` the workspace's target defaults give an official plugin's inferred target
 * (`test`, typically `^build`), for ours standing beside it under another name to run with the same
 * prerequisites. Reads the object form and Nx 23's array form: entries without a filter or filtered
 * to that plugin alone; the last one that sets `dependsOn` wins, as in Nx. Undefined when none does.
 */
export function officialDefaultDependsOn(
  targetDefaults: NxJsonConfiguration['targetDefaults'],
  officialName: string,
  officialPlugin: string,
): TargetConfiguration['dependsOn'] | undefined {
  const source = (targetDefaults as Record<string, DefaultsEntry | DefaultsEntry[]> | undefined)?.[officialName];
  if (!source) return undefined;
  let dependsOn: TargetConfiguration['dependsOn'] | undefined;
  for (const entry of Array.isArray(source) ? source : [source]) {
    const filter = entry['filter'] as { plugin?: string; projects?: unknown; executor?: string } | undefined;
    const applies = !filter || (filter.plugin === officialPlugin && !filter.projects && !filter.executor);
    if (applies && entry['dependsOn'] !== undefined) dependsOn = entry['dependsOn'] as TargetConfiguration['dependsOn'];
  }
  return dependsOn === undefined ? undefined : structuredClone(dependsOn);
}
