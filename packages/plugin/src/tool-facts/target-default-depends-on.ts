import type { NxJsonConfiguration, TargetConfiguration } from '@nx/devkit';
import { minimatch } from 'minimatch';

type DefaultsEntry = Record<string, unknown>;

/** A target-defaults key that is a pattern rather than a name (Nx matches those with minimatch). */
const GLOB = /[*?[\]{}!()]/;

/** What a target is, for choosing the target defaults that apply to it. */
export interface TargetDefaultsMatch {
  /** The official plugin that infers it (`@nx/jest/plugin`), for Nx 23 entries filtered to a plugin. */
  plugin?: string;
  /** Its executor (`nx:run-commands` for a `command` target): Nx reads the executor's key first. */
  executor?: string;
}

/**
 * The `dependsOn` the workspace's target defaults give the target `targetName` (an official
 * plugin's inferred `test`, or a project's own `lint` target), for ours standing beside it under
 * another name to run with the same prerequisites. As Nx chooses: the first key with an entry that
 * applies, of the target's executor, then its name, then the glob keys matching its name (longest
 * first); within that key, the last applying entry that sets `dependsOn` wins. Reads the object form
 * and Nx 23's array form, whose entries apply without a filter or filtered to this plugin or executor
 * (an entry filtered to projects is not read). Undefined when none sets it.
 */
export function targetDefaultDependsOn(
  targetDefaults: NxJsonConfiguration['targetDefaults'],
  targetName: string,
  target: TargetDefaultsMatch = {},
): TargetConfiguration['dependsOn'] | undefined {
  const all = targetDefaults as Record<string, DefaultsEntry | DefaultsEntry[]> | undefined;
  const applies = (entry: DefaultsEntry): boolean => {
    const filter = entry['filter'] as { plugin?: string; projects?: unknown; executor?: string } | undefined;
    if (!filter) return true;
    if (filter.projects !== undefined) return false;
    if (filter.plugin !== undefined && filter.plugin !== target.plugin) return false;
    return filter.executor === undefined || filter.executor === target.executor;
  };
  const globs = Object.keys(all ?? {})
    .filter((key) => key !== targetName && key !== target.executor && GLOB.test(key) && minimatch(targetName, key))
    .sort((a, b) => b.length - a.length);
  const keys = [...(target.executor ? [target.executor] : []), targetName, ...globs];
  for (const key of keys) {
    const source = all?.[key];
    if (!source) continue;
    const entries = (Array.isArray(source) ? source : [source]).filter(applies);
    if (entries.length === 0) continue;
    let dependsOn: TargetConfiguration['dependsOn'] | undefined;
    for (const entry of entries) {
      if (entry['dependsOn'] !== undefined) dependsOn = entry['dependsOn'] as TargetConfiguration['dependsOn'];
    }
    return dependsOn === undefined ? undefined : structuredClone(dependsOn);
  }
  return undefined;
}
