import { zeroHealthCounts, type HealthResult } from '@nx-quality/core';
import type { ProjectRef } from '../shared/project-ref';
import { resultHeader } from '../shared/result-header';
import { emptyHealthFindings } from './empty-health-findings';

/**
 * A health.json for an analysis that could not run: status `error` with the reason and all counts at 0,
 * so the quality step and the report still get a valid result to record.
 */
export function errorHealthResult(
  project: Pick<ProjectRef, 'name' | 'root'>,
  startedAt: Date,
  tool: HealthResult['tool'],
  error: NonNullable<HealthResult['error']>,
): HealthResult {
  return {
    ...resultHeader('health', project, startedAt),
    status: 'error',
    tool,
    error,
    counts: zeroHealthCounts(),
    ...emptyHealthFindings(),
    sourceFiles: 0,
  };
}
