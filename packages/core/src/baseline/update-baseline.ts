import { BASELINE_SCHEMA_VERSION, type Baseline } from './baseline-schema';
import { BASELINE_METRIC_DIRECTIONS, isBetter } from './metric-directions';

/**
 * Tightens a baseline with the current metrics: a metric only ever moves in its better direction,
 * new projects and metrics are added, and projects or metrics absent from this run keep their value.
 * Keys are sorted so the committed file diffs cleanly.
 */
export function updateBaseline(previous: Baseline | undefined, current: Record<string, Record<string, number>>): Baseline {
  const directions = { ...BASELINE_METRIC_DIRECTIONS, ...previous?.directions };
  const projects: Record<string, Record<string, number>> = {};
  const names = new Set([...Object.keys(previous?.projects ?? {}), ...Object.keys(current)]);
  for (const name of [...names].sort()) {
    const before = previous?.projects[name] ?? {};
    const now = current[name] ?? {};
    const merged: Record<string, number> = {};
    for (const metric of [...new Set([...Object.keys(before), ...Object.keys(now)])].sort()) {
      const direction = directions[metric];
      if (!direction) continue;
      const old = before[metric];
      const value = now[metric];
      if (old === undefined) merged[metric] = value as number;
      else if (value === undefined) merged[metric] = old;
      else merged[metric] = isBetter(direction, value, old) ? value : old;
    }
    if (Object.keys(merged).length > 0) projects[name] = merged;
  }
  const sortedDirections = Object.fromEntries(Object.entries(directions).sort(([a], [b]) => a.localeCompare(b)));
  return { schemaVersion: BASELINE_SCHEMA_VERSION, directions: sortedDirections, projects };
}
