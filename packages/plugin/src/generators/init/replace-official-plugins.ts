import type { NxJsonConfiguration, PluginConfiguration } from '@nx/devkit';
import { OFFICIAL_PLUGINS, pluginName } from '../../tool-facts/official-plugins';

/**
 * Removes @nx/jest/plugin and @nx/eslint/plugin registrations and sets `typecheck: false` on
 * @nx/js/typescript (its build target stays, and so do its include/exclude, which now only decide
 * its build target). Run after planOfficialCarryOver has taken what our options must carry over.
 * Returns the plugins it changed, for the log.
 */
export function replaceOfficialPlugins(nxJson: NxJsonConfiguration): string[] {
  const changed: string[] = [];
  const kept: PluginConfiguration[] = [];
  for (const entry of nxJson.plugins ?? []) {
    const name = pluginName(entry);
    if (name === OFFICIAL_PLUGINS.test || name === OFFICIAL_PLUGINS.lint) {
      changed.push(name);
      continue;
    }
    if (name === OFFICIAL_PLUGINS.typecheck) {
      const options = (typeof entry === 'string' ? {} : (entry.options ?? {})) as Record<string, unknown>;
      if (options['typecheck'] !== false) {
        changed.push(name);
        kept.push({ ...(typeof entry === 'string' ? { plugin: entry } : entry), options: { ...options, typecheck: false } });
        continue;
      }
    }
    kept.push(entry);
  }
  if (nxJson.plugins) nxJson.plugins = kept;
  return changed;
}
