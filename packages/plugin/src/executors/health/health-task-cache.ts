import { createHealthRunCache, type HealthRunCache } from '../../health/health-run-cache';
import type { QualityConfigCache } from '../shared/load-quality-config-once';

/** What the health tasks of a batch share: the analysis state and quality.config.json as loaded. */
export interface HealthTaskCache {
  analysis: HealthRunCache;
  configs: QualityConfigCache;
}

/** An empty cache for `runHealthTask`; pass the same one to every task of a batch. */
export function createHealthTaskCache(): HealthTaskCache {
  return { analysis: createHealthRunCache(), configs: new Map() };
}
