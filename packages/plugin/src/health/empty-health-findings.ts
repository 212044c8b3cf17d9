import type { HealthResult } from '@nx-quality/core';

/** What health.json lists of a project, with nothing found: for results that record no analysis. */
export type HealthFindingLists = Pick<HealthResult, 'findings' | 'findingsOmitted' | 'todos' | 'todosByCategory' | 'testFiles' | 'testKinds' | 'untestedModules'>;

/** Empty finding lists for a health.json (fresh objects on each call, so callers may fill them). */
export function emptyHealthFindings(): HealthFindingLists {
  return { findings: [], findingsOmitted: 0, todos: [], todosByCategory: {}, testFiles: [], testKinds: {}, untestedModules: [] };
}
