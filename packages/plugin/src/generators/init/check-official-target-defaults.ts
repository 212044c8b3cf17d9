import type { NxJsonConfiguration } from '@nx/devkit';
import { optionsSchema as lintOptionsSchema } from '../../executors/lint/options';
import { optionsSchema as testOptionsSchema } from '../../executors/run-tests/options';
import { optionsSchema as typecheckOptionsSchema } from '../../executors/typecheck/options';
import { OFFICIAL_PLUGINS, type ToolKind } from '../../tool-facts/official-plugins';
import { OfficialPluginNotCarriedError } from './official-plugin-not-carried-error';
import type { CarriedEntry } from './plan-official-carry-over';
import { PLUGIN_NAME } from './register-plugin';

const EXECUTOR_OPTIONS: Record<ToolKind, ReadonlySet<string>> = {
  test: new Set(Object.keys(testOptionsSchema.shape)),
  lint: new Set(Object.keys(lintOptionsSchema.shape)),
  typecheck: new Set(Object.keys(typecheckOptionsSchema.shape)),
};

/**
 * Once our targets carry the official names, Nx applies the target defaults written for those
 * names to ours. What changes how the tool runs carries over as it is when our executor has the
 * option (`passWithNoTests`, `ci`, `maxWorkers`…); dependsOn, cache and the like apply unchanged.
 * Refused, because they would break or silently change our targets: options our executor does not
 * have (its options are strict, so every run would fail), and inputs, outputs, executor or command,
 * which replace ours (outputs are the result files Nx caches).
 */
export function checkOfficialTargetDefaults(nxJson: NxJsonConfiguration, carried: Partial<Record<ToolKind, CarriedEntry>>): void {
  const defaults = nxJson.targetDefaults as Record<string, unknown> | undefined;
  for (const [kind, entry] of Object.entries(carried) as [ToolKind, CarriedEntry][]) {
    const value = defaults?.[entry.targetName];
    if (value === undefined) continue;
    const applying = (Array.isArray(value) ? value : [value]).filter((item): item is Record<string, unknown> => {
      if (typeof item !== 'object' || item === null) return false;
      const filter = (item as { filter?: { plugin?: string; executor?: string } }).filter;
      return !filter?.executor && (!filter?.plugin || filter.plugin === OFFICIAL_PLUGINS[kind] || filter.plugin === PLUGIN_NAME);
    });
    for (const item of applying) {
      const where = `targetDefaults["${entry.targetName}"]`;
      const replaced = ['inputs', 'outputs', 'executor', 'command'].filter((key) => item[key] !== undefined);
      if (replaced.length > 0) {
        throw new OfficialPluginNotCarriedError(
          'OFFICIAL_DEFAULTS_NOT_SUPPORTED',
          `${where} sets ${replaced.join(', ')}, which would replace those of nx-quality's ${kind} target once it is named "${entry.targetName}".`,
          `Remove ${replaced.join(', ')} from ${where}, or key that default by the official executor, or run init without --replaceOfficial.`,
        );
      }
      const settings: [string, unknown][] = [['options', item['options']], ...Object.entries((item['configurations'] as Record<string, unknown> | undefined) ?? {}).map(([name, options]): [string, unknown] => [`configurations.${name}`, options])];
      for (const [path, options] of settings) {
        const unknownKeys = Object.keys((options as Record<string, unknown> | undefined) ?? {}).filter((key) => !EXECUTOR_OPTIONS[kind].has(key));
        if (unknownKeys.length === 0) continue;
        throw new OfficialPluginNotCarriedError(
          'OFFICIAL_DEFAULTS_NOT_SUPPORTED',
          `${where}.${path} sets ${unknownKeys.map((key) => `"${key}"`).join(', ')}, which the options of nx-quality's ${kind} tool do not include (it would fail every run).`,
          `Remove ${unknownKeys.join(', ')} from ${where}.${path} or use the executor's equivalent (see its schema.json), or run init without --replaceOfficial.`,
        );
      }
    }
  }
}
