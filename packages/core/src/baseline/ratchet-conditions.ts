import type { SourcedCondition } from '../gates/resolve-gate-conditions';
import type { Baseline } from './baseline-schema';

/**
 * Conditions that keep a project at least as good as its baseline: `coverage.lines >= 71.2`,
 * `lint.errors <= 22`, with source `baseline`. A project without a baseline entry gets none.
 */
export function ratchetConditions(baseline: Baseline | undefined, project: string): SourcedCondition[] {
  const values = baseline?.projects[project];
  if (!values) return [];
  const conditions: SourcedCondition[] = [];
  for (const [metric, threshold] of Object.entries(values)) {
    const direction = baseline.directions[metric];
    if (!direction) continue;
    conditions.push({ metric, op: direction === 'higher' ? '>=' : '<=', threshold, source: 'baseline' });
  }
  return conditions;
}
