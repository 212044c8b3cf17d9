import type { NxJsonConfiguration } from '@nx/devkit';
import { parseOptions } from '../shared/parse-options';
import { loadReportSettings } from './load-report-settings';
import { optionsSchema, type NormalizedQualityReportOptions } from '../executors/quality-report/options';

/**
 * Report options layered as everywhere in nx-quality: quality.config.json `report` < nx.json plugin
 * options `report` < the target's own options. Throws InvalidOptionsError naming every bad key.
 */
export function resolveReportOptions(
  workspaceRoot: string,
  nxJson: NxJsonConfiguration | undefined,
  targetOptions: Record<string, unknown> | undefined,
): NormalizedQualityReportOptions {
  const { config } = loadReportSettings(workspaceRoot, nxJson);
  return parseOptions(optionsSchema, { ...config.report, ...targetOptions }, '@nx-quality/plugin:quality-report');
}
