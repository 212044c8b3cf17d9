import type { NxJsonConfiguration, TargetConfiguration } from '@nx/devkit';
import { officialDefaultDependsOn } from '../tool-facts/official-default-depends-on';
import type { OfficialEntry, ToolKind } from '../tool-facts/official-plugins';
import type { NormalizedPluginOptions } from './plugin-options';
import { TARGET_NAME_OPTIONS, type InferredTargetKind } from './resolve-target-names';

/**
 * Per kind, the `dependsOn` our target takes over from the official target it gave its name to
 * (ours `quality-test` beside the `test` of an @nx/jest/plugin registered after `init`): what the
 * target defaults give that name, so both run after the same tasks (e.g. `^build`). As `init` does
 * for the names it chooses, a target default of our target's own name is left to apply instead.
 */
export function inheritedDependsOn(
  options: NormalizedPluginOptions,
  targetNames: Record<InferredTargetKind, string>,
  officialEntries: Partial<Record<ToolKind, OfficialEntry>>,
  targetDefaults: NxJsonConfiguration['targetDefaults'],
): Partial<Record<ToolKind, TargetConfiguration['dependsOn']>> {
  const inherited: Partial<Record<ToolKind, TargetConfiguration['dependsOn']>> = {};
  for (const kind of Object.keys(officialEntries) as ToolKind[]) {
    const entry = officialEntries[kind];
    if (!entry) continue;
    const gaveWay = entry.targetName === options[TARGET_NAME_OPTIONS[kind]] && targetNames[kind] !== entry.targetName;
    if (!gaveWay || targetDefaults?.[targetNames[kind]]) continue;
    const dependsOn = officialDefaultDependsOn(targetDefaults, entry.targetName, entry.plugin);
    if (dependsOn !== undefined) inherited[kind] = dependsOn;
  }
  return inherited;
}
