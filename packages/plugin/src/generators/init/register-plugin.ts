import type { NxJsonConfiguration } from '@nx/devkit';
import { findOfficialVitestEntries, officialTargetName, OFFICIAL_PLUGINS, pluginName, pluginOptions, type ToolKind } from '../../tool-facts/official-plugins';
import { TARGET_NAME_OPTIONS } from '../../inference/resolve-target-names';
import { KIND_OPTION_KEYS, type CarriedEntry } from './plan-official-carry-over';

/** The plugin's package name as registered in nx.json. */
export const PLUGIN_NAME = '@nx-quality/plugin';

/** The options of our registration in nx.json, `{}` when absent or registered as a string. */
export function ourPluginOptions(nxJson: NxJsonConfiguration): Record<string, unknown> {
  const entry = (nxJson.plugins ?? []).find((candidate) => pluginName(candidate) === PLUGIN_NAME);
  return entry ? pluginOptions(entry) : {};
}

/** A target of ours renamed because an official plugin infers the default name. */
export interface RenamedTarget {
  kind: ToolKind;
  /** The official plugin's target name (the one we avoid). */
  officialName: string;
  officialPlugin: string;
  ourName: string;
}

/**
 * Registers @nx-quality/plugin in nx.json (last, once). When an official plugin still infers
 * `test`/`lint`/`typecheck`, our target of that kind is named `quality-<kind>` so both coexist; a
 * target name the user already set in our options is kept. What `--replaceOfficial` carries over from
 * the official entries it removed (their target name and include/exclude) becomes our options, so
 * the same projects keep a target of the same name. Idempotent.
 */
export function registerPlugin(nxJson: NxJsonConfiguration, nxVersion: string | undefined, carried: Partial<Record<ToolKind, CarriedEntry>> = {}): RenamedTarget[] {
  const plugins = (nxJson.plugins ??= []);
  const renamed: RenamedTarget[] = [];
  for (const kind of Object.keys(OFFICIAL_PLUGINS) as ToolKind[]) {
    // One rename per kind, however many registrations infer the name (@nx/js/typescript twice, with other includes).
    const inferring = plugins.some((entry) => pluginName(entry) === OFFICIAL_PLUGINS[kind] && officialTargetName(kind, entry) === kind);
    if (inferring) renamed.push({ kind, officialName: kind, officialPlugin: OFFICIAL_PLUGINS[kind], ourName: `quality-${kind}` });
  }
  // @nx/vitest infers `test` beside (or instead of) @nx/jest/plugin: ours must not take its name either.
  const vitest = findOfficialVitestEntries(plugins, nxVersion).find((entry) => entry.targetName === 'test');
  if (vitest && !carried.test && !renamed.some((r) => r.kind === 'test')) renamed.push({ kind: 'test', officialName: 'test', officialPlugin: vitest.plugin, ourName: 'quality-test' });
  const index = plugins.findIndex((entry) => pluginName(entry) === PLUGIN_NAME);
  const existing = index >= 0 ? plugins[index] : undefined;
  const options: Record<string, unknown> = { ...(typeof existing === 'object' ? (existing.options as Record<string, unknown> | undefined) : undefined) };
  for (const kind of Object.keys(OFFICIAL_PLUGINS) as ToolKind[]) {
    const key = TARGET_NAME_OPTIONS[kind];
    const rename = renamed.find((r) => r.kind === kind);
    if (rename && options[key] === undefined) options[key] = rename.ourName;
    // A name we chose earlier to avoid a plugin that is gone now goes back to the default.
    if (!rename && options[key] === `quality-${kind}`) delete options[key];
    const taken = carried[kind];
    if (taken) {
      const keys = KIND_OPTION_KEYS[kind];
      // Set even when it is the default: a name the options set is ours in every project the official
      // plugin covered, also where another project declares a target of that name (resolveTargetNames).
      options[key] = taken.targetName;
      if (taken.include) options[keys.include] = taken.include;
      if (taken.exclude) options[keys.exclude] = taken.exclude;
    }
  }
  const entry = Object.keys(options).length > 0 || typeof existing === 'object' ? { ...(typeof existing === 'object' ? existing : {}), plugin: PLUGIN_NAME, options } : PLUGIN_NAME;
  if (index >= 0) plugins[index] = entry;
  else plugins.push(entry);
  return renamed.filter((r) => options[TARGET_NAME_OPTIONS[r.kind]] === r.ourName);
}
