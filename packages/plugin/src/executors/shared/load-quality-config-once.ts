import { ConfigLoadError, loadQualityConfig, type LoadedQualityConfig } from '@nx-quality/core';

/** quality.config.json as loaded (or the error loading it gave), by workspace root: shared by the tasks of a batch. */
export type QualityConfigCache = Map<string, LoadedQualityConfig | ConfigLoadError>;

/**
 * `loadQualityConfig`, read and validated once per `cache` (a batch): the file does not change while
 * the batch runs. Each caller gets its own copy, so merging layers over it cannot leak between
 * projects; a file that does not load throws the same ConfigLoadError every time.
 */
export function loadQualityConfigOnce(workspaceRoot: string, cache?: QualityConfigCache): LoadedQualityConfig {
  if (!cache) return loadQualityConfig(workspaceRoot);
  let loaded = cache.get(workspaceRoot);
  if (!loaded) {
    try {
      loaded = loadQualityConfig(workspaceRoot);
    } catch (error) {
      if (!(error instanceof ConfigLoadError)) throw error;
      loaded = error;
    }
    cache.set(workspaceRoot, loaded);
  }
  if (loaded instanceof ConfigLoadError) throw loaded;
  return structuredClone(loaded);
}
