import type { NxJsonConfiguration } from '@nx/devkit';
import {
  DEFAULT_BASELINE_FILE,
  loadQualityConfig,
  mergeQualityConfigs,
  qualityConfigShape,
  QualityError,
  type QualityConfig,
} from '@nx-quality/core';
import { z } from 'zod';

const PLUGIN_NAME = '@nx-quality/plugin';
const pluginConfigSchema = z.object(qualityConfigShape);

/** The nx-quality settings of a workspace that the report needs, and what could not be read. */
export interface ReportSettings {
  config: QualityConfig;
  problems: string[];
  /** Raw plugin options from nx.json (for reportAfterRun and the target names). */
  pluginOptions: Record<string, unknown> | undefined;
}

/** Raw options of our plugin's entry in nx.json `plugins`, if registered with options. */
export function findPluginOptions(nxJson: NxJsonConfiguration | undefined): Record<string, unknown> | undefined {
  for (const entry of nxJson?.plugins ?? []) {
    if (typeof entry === 'object' && entry.plugin === PLUGIN_NAME) return (entry.options as Record<string, unknown> | undefined) ?? {};
  }
  return undefined;
}

/**
 * Layers `quality.config.json` and the plugin options in nx.json (the order the quality target
 * uses). An unreadable or invalid layer is reported and skipped: the report must still be written.
 */
export function loadReportSettings(workspaceRoot: string, nxJson: NxJsonConfiguration | undefined): ReportSettings {
  const problems: string[] = [];
  let fileConfig: QualityConfig | undefined;
  try {
    fileConfig = loadQualityConfig(workspaceRoot).config;
  } catch (error) {
    problems.push(error instanceof QualityError ? error.describe() : String(error));
  }
  const pluginOptions = findPluginOptions(nxJson);
  let pluginConfig: QualityConfig | undefined;
  if (pluginOptions) {
    const picked = Object.fromEntries(Object.entries(pluginOptions).filter(([key]) => key in qualityConfigShape));
    const parsed = pluginConfigSchema.safeParse(picked);
    if (parsed.success) pluginConfig = parsed.data;
    else problems.push(`nx.json plugin options of ${PLUGIN_NAME} are invalid and were ignored: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return { config: mergeQualityConfigs(fileConfig, pluginConfig), problems, pluginOptions };
}

/** The workspace-relative baseline file: explicit option, then config, then the default. */
export function baselineFile(explicit: string | undefined, config: QualityConfig): string {
  return explicit ?? config.baseline ?? DEFAULT_BASELINE_FILE;
}
