import type { NxJsonConfiguration } from '@nx/devkit';
import { PLUGIN_NAME } from './register-plugin';

/**
 * After official plugins are replaced, Nx 23 array-form target defaults filtered to them
 * (`{ "filter": { "plugin": "@nx/jest/plugin" }, "dependsOn": [...] }`) would match nothing; they
 * are pointed at @nx-quality/plugin, whose targets now carry those names.
 */
export function retargetPluginDefaults(nxJson: NxJsonConfiguration, removedPlugins: string[], ourTargetNames: string[]): number {
  const defaults = nxJson.targetDefaults as Record<string, unknown> | undefined;
  let count = 0;
  for (const [key, value] of Object.entries(defaults ?? {})) {
    if (!Array.isArray(value) || !ourTargetNames.includes(key)) continue;
    for (const entry of value as { filter?: { plugin?: string } }[]) {
      if (entry.filter?.plugin && removedPlugins.includes(entry.filter.plugin)) {
        entry.filter.plugin = PLUGIN_NAME;
        count += 1;
      }
    }
  }
  return count;
}
