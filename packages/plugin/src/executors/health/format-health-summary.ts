import { countPhrase } from '@nx-quality/core';
import type { HealthOutcome } from './run-health';
import { HEALTH_HEADLINE } from '../../health/health-headline';

/** The compact terminal summary of a health run: the non-zero headline counts, or the error with its hint. */
export function formatHealthSummary(project: string, outcome: HealthOutcome): string {
  const lines: string[] = [];
  const { health } = outcome;
  if (outcome.disabled) lines.push(`health ${project}: skipped (health: false in quality.config.json)`);
  else if (!health || health.status === 'error') {
    lines.push(`health ${project}: ERROR ${health?.error?.message ?? 'no result'}`);
    if (health?.error?.hint) lines.push(`  hint: ${health.error.hint}`);
  } else {
    const parts = HEALTH_HEADLINE.filter(([key]) => health.counts[key] > 0).map(([key, one, more]) => countPhrase(health.counts[key], one, more));
    lines.push(`health ${project}: ${parts.length ? parts.join(', ') : 'clean'} (${health.sourceFiles} source files)`);
  }
  if (outcome.configWarning) lines.push(`  ! ${outcome.configWarning}`);
  if (!outcome.disabled) lines.push(`  → ${outcome.file}`);
  return lines.join('\n');
}
