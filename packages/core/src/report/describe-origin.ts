import type { ProjectReport } from './report-schema';

/** Short human label of a project's result origin, as tables show it. */
export function describeOrigin(project: ProjectReport): string {
  if (project.origin === 'not-run') {
    const lastKnown = Object.values(project.results).some((r) => r.lastKnown);
    return lastKnown ? 'not run (last known)' : 'not run';
  }
  if (project.origin === 'stale') return 'stale (left by an earlier run)';
  if (project.origin === 'mixed') {
    const counts = new Map<string, number>();
    for (const state of Object.values(project.results)) {
      const label = state.origin === 'not-run' && state.lastKnown ? 'not run (last known)' : state.origin === 'not-run' ? 'not run' : state.origin;
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    return [...counts].map(([origin, count]) => `${count} ${origin}`).join(', ');
  }
  return project.origin;
}
