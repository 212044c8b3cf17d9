import type { NxJsonConfiguration } from '@nx/devkit';
import { minimatch } from 'minimatch';

/** One target-defaults entry as nx.json writes it (Nx 23's array form may carry a `filter`). */
export type TargetDefaultsEntry = Record<string, unknown>;

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
 * The target-defaults entries Nx applies to the target `targetName`, in nx.json order: those of the
 * first key with an entry that applies, of the target's executor, then its name, then the glob keys
 * matching its name (longest first). Reads the object form and Nx 23's array form, whose entries
 * apply without a filter or filtered to this plugin or executor (an entry filtered to projects is not
 * read). Empty when none applies.
 */
export function applyingTargetDefaults(
  targetDefaults: NxJsonConfiguration['targetDefaults'],
  targetName: string,
  target: TargetDefaultsMatch = {},
): TargetDefaultsEntry[] {
  const all = targetDefaults as Record<string, TargetDefaultsEntry | TargetDefaultsEntry[]> | undefined;
  const applies = (entry: TargetDefaultsEntry): boolean => {
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
    if (entries.length > 0) return entries;
  }
  return [];
}
