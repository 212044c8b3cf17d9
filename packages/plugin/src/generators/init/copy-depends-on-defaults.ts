import type { NxJsonConfiguration } from '@nx/devkit';
import type { RenamedTarget } from './register-plugin';

type DefaultsValue = Record<string, unknown> | Record<string, unknown>[];

/**
 * Gives a renamed target (e.g. `quality-test`) the `dependsOn` the workspace's target defaults set
 * for the official one (`test`, typically `^build`), so it runs with the same prerequisites.
 * Reads both the object form and Nx 23's array form (entries for the official plugin or unfiltered;
 * the last matching one wins, as in Nx). Never overwrites an existing default of the new name.
 */
export function copyDependsOnDefaults(nxJson: NxJsonConfiguration, renamed: RenamedTarget[]): string[] {
  const defaults = nxJson.targetDefaults as Record<string, DefaultsValue> | undefined;
  if (!defaults) return [];
  const copied: string[] = [];
  for (const target of renamed) {
    const source = defaults[target.officialName];
    if (!source || defaults[target.ourName]) continue;
    const entries = Array.isArray(source) ? source : [source];
    let dependsOn: unknown;
    for (const entry of entries) {
      const filter = entry['filter'] as { plugin?: string; projects?: unknown; executor?: string } | undefined;
      const applies = !filter || (filter.plugin === target.officialPlugin && !filter.projects && !filter.executor);
      if (applies && entry['dependsOn'] !== undefined) dependsOn = entry['dependsOn'];
    }
    if (dependsOn === undefined) continue;
    defaults[target.ourName] = { dependsOn: structuredClone(dependsOn) };
    copied.push(target.ourName);
  }
  return copied;
}
