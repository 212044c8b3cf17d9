import { RESULT_SCHEMA_VERSION, zeroHealthCounts, type HealthResult } from '@nx-quality/core';
import type { ProjectRef } from '../executors/shared/project-ref';

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
    kind: 'health',
    schemaVersion: RESULT_SCHEMA_VERSION,
    project: project.name,
    projectRoot: project.root,
    status: 'error',
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    tool,
    error,
    counts: zeroHealthCounts(),
    findings: [],
    findingsOmitted: 0,
    todos: [],
    todosByCategory: {},
    testFiles: [],
    testKinds: {},
    untestedModules: [],
    sourceFiles: 0,
  };
}
