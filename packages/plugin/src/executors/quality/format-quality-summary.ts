import { countPhrase, formatMetricValue } from '@nx-quality/core';
import type { QualityOutcome } from './run-quality';
import { HEALTH_HEADLINE } from '../../health/health-headline';

/** The compact terminal summary: one headline line per tool, then every violation sentence. */
export function formatQualitySummary(outcome: QualityOutcome): string {
  const { result, tools } = outcome;
  const state = (tool: string) => result.inputs[tool]?.state ?? 'missing';
  const lines: string[] = [];
  const headline: string[] = [];

  if (tools.test && state('test') === 'ok') {
    const c = tools.test.counts;
    headline.push(`tests ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped${c.todo ? `, ${c.todo} todo` : ''}`);
    const linesPct = tools.test.coverage?.totals.lines.pct;
    headline.push(linesPct === undefined ? 'coverage n/a' : `coverage lines ${formatMetricValue(linesPct)}%`);
  } else if (state('test') !== 'disabled') headline.push(`tests ${state('test')}`);
  if (tools.lint && state('lint') === 'ok') headline.push(`lint ${countPhrase(tools.lint.counts.errors, 'error')}, ${countPhrase(tools.lint.counts.warnings, 'warning')}`);
  else if (state('lint') !== 'disabled') headline.push(`lint ${state('lint')}`);
  if (tools.typecheck && state('typecheck') === 'ok') headline.push(`types ${countPhrase(tools.typecheck.counts.errors, 'error')}`);
  else if (state('typecheck') !== 'disabled') headline.push(`types ${state('typecheck')}`);
  if (tools.health && state('health') === 'ok') {
    const counts = tools.health.counts;
    const parts = HEALTH_HEADLINE.filter(([key]) => counts[key] > 0).map(([key, one, more]) => countPhrase(counts[key], one, more));
    headline.push(`health ${parts.length ? parts.join(', ') : 'clean'}`);
  } else if (state('health') !== 'disabled') headline.push(`health ${state('health')}`);

  const verdict = result.status === 'passed' ? 'passed' : `FAILED (${result.violations.length} ${result.violations.length === 1 ? 'violation' : 'violations'})`;
  lines.push(`quality ${result.project}: ${verdict}`);
  lines.push(`  ${headline.join(' · ')}`);
  for (const [name, input] of Object.entries(result.inputs)) {
    if (input.state !== 'ok' && input.state !== 'disabled' && input.detail) lines.push(`  ! ${name}: ${input.detail}`);
  }
  for (const violation of result.violations) lines.push(`  ✗ ${violation}`);
  lines.push(`  → ${outcome.file}`);
  return lines.join('\n');
}
