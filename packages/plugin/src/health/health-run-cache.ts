import type * as TS from 'typescript';
import type { ResolutionSettings, ResolveModule } from './module-resolver';

/**
 * State a batch of health analyses in one process can share without changing any project's result:
 * everything is keyed by all it depends on, and nothing in it depends on which project asked first.
 * ESLint instances are not kept: see `runHealthEslint`.
 */
export interface HealthRunCache {
  /** The workspace's ESLint module, by workspace root. */
  eslint: Map<string, typeof import('eslint')>;
  /** The workspace's TypeScript module, by workspace root. */
  typescript: Map<string, typeof TS>;
  /** Code files of the whole workspace (workspace-relative POSIX), by real workspace root. */
  workspaceCodeFiles: Map<string, string[]>;
  /** Resolution settings by tsconfig path; `undefined` for a tsconfig that cannot be read. */
  compilerOptions: Map<string, ResolutionSettings | undefined>;
  /** tsconfigs that others extend, parsed once (TypeScript's own extended-config cache). */
  extendedConfigs: Map<string, TS.ExtendedConfigCacheEntry>;
  /** Module resolvers by `workspaceRoot\0tsconfig` (the same tsconfig gives the same options). */
  resolvers: Map<string, ResolveModule>;
}

/** An empty cache for `analyzeHealth`; pass the same one to every project of a batch. */
export function createHealthRunCache(): HealthRunCache {
  return {
    eslint: new Map(),
    typescript: new Map(),
    workspaceCodeFiles: new Map(),
    compilerOptions: new Map(),
    extendedConfigs: new Map(),
    resolvers: new Map(),
  };
}

/** `map`'s value for `key`, computed (and stored) on the first call; without a map, computed every time. */
export function remembered<K, V>(map: Map<K, V> | undefined, key: K, compute: () => V): V {
  if (!map) return compute();
  if (map.has(key)) return map.get(key) as V;
  const value = compute();
  map.set(key, value);
  return value;
}
