import { zeroHealthCounts, type HealthCounts, type HealthResult } from '@nx-quality/core';
import { emptyHealthFindings } from '../health/empty-health-findings';

/** A passed health.json of `project` with the given counts (the rest 0) and empty lists, for specs. */
export function healthResultFixture(project: { name: string; root: string }, counts: Partial<HealthCounts>): HealthResult {
  return {
    kind: 'health',
    schemaVersion: 1,
    project: project.name,
    projectRoot: project.root,
    status: 'passed',
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1,
    tool: { name: 'nx-quality-health', version: '0.1.0' },
    counts: { ...zeroHealthCounts(), ...counts },
    ...emptyHealthFindings(),
    sourceFiles: 3,
  };
}
