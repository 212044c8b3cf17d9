import { ConfigLoadError, mergeQualityConfigs, type HealthConfig } from '@nx-quality/core';
import { loadQualityConfigOnce, type QualityConfigCache } from '../shared/load-quality-config-once';
import { HEALTH_OPTION_KEYS, type NormalizedHealthExecutorOptions } from './options';

/** The health options of one run and, when quality.config.json is invalid, the loader's message. */
export interface ResolvedHealthConfig {
  health: HealthConfig | undefined;
  configWarning?: string;
}

/**
 * quality.config.json's `health` under the target's own health keys (the nx.json plugin options or a
 * project.json override), the same layering the quality target uses. An invalid file is reported,
 * not thrown: the quality target fails on it with the file's message. A batch passes one `configs`
 * cache to every project, so the file is read once.
 */
export function resolveHealthConfig(workspaceRoot: string, options: NormalizedHealthExecutorOptions, configs?: QualityConfigCache): ResolvedHealthConfig {
  const own = Object.fromEntries(HEALTH_OPTION_KEYS.filter((key) => options[key] !== undefined).map((key) => [key, options[key]]));
  const fromOptions = Object.keys(own).length > 0 ? { health: own } : {};
  try {
    return { health: mergeQualityConfigs(loadQualityConfigOnce(workspaceRoot, configs).config, fromOptions).health };
  } catch (error) {
    if (!(error instanceof ConfigLoadError)) throw error;
    return { health: mergeQualityConfigs(fromOptions).health, configWarning: error.message };
  }
}
