import { formatMetricValue } from '../gates/evaluate-gates';
import type { Baseline, MetricDelta } from './baseline-schema';

/** Deltas of a project's current metrics against its baseline entry, in the baseline's metric order. */
export function computeDeltas(baseline: Baseline | undefined, project: string, metrics: Record<string, number>): MetricDelta[] {
  const values = baseline?.projects[project];
  if (!values) return [];
  const deltas: MetricDelta[] = [];
  for (const [metric, before] of Object.entries(values)) {
    const direction = baseline.directions[metric];
    const current = metrics[metric];
    if (!direction || current === undefined) continue;
    const change = current - before;
    const trend = change === 0 ? 'same' : (direction === 'higher') === change > 0 ? 'better' : 'worse';
    deltas.push({
      metric,
      baseline: before,
      current,
      change,
      direction,
      trend,
      text: `${metric} ${formatMetricValue(before)} → ${formatMetricValue(current)}`,
    });
  }
  return deltas;
}
