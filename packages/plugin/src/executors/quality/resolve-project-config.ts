import { ConfigLoadError, mergeQualityConfigs, QUALITY_CONFIG_FILE, type QualityConfig } from '@nx-quality/core';
import { loadQualityConfigOnce, type QualityConfigCache } from '../shared/load-quality-config-once';
import type { NormalizedQualityOptions } from './options';

/** The quality config that applies to one quality run, and the state of quality.config.json. */
export interface ProjectQualityConfig {
  config: QualityConfig;
  /** Present when quality.config.json exists; `invalid` carries the loader's message. */
  fileState?: { state: 'ok' | 'invalid'; file: string; detail?: string };
  error?: ConfigLoadError;
}

/**
 * quality.config.json layered under the target's options (which carry the nx.json plugin options
 * and any project.json override), so the layer closest to the target wins. An invalid file is
 * reported, not thrown: the options alone still apply, and the run fails with the file's message.
 * A batch passes one `configs` cache to every project, so the file is read once.
 */
export function resolveProjectConfig(workspaceRoot: string, options: NormalizedQualityOptions, configs?: QualityConfigCache): ProjectQualityConfig {
  const fromOptions: QualityConfig = { gates: options.gates, coverage: options.coverage, health: options.health };
  try {
    const loaded = loadQualityConfigOnce(workspaceRoot, configs);
    return {
      config: mergeQualityConfigs(loaded.config, fromOptions),
      fileState: loaded.file ? { state: 'ok', file: loaded.file } : undefined,
    };
  } catch (error) {
    if (!(error instanceof ConfigLoadError)) throw error;
    return {
      config: mergeQualityConfigs(fromOptions),
      fileState: { state: 'invalid', file: QUALITY_CONFIG_FILE, detail: error.message },
      error,
    };
  }
}
