import { formatMetricValue } from '../gates/evaluate-gates';
import type { CoverageSummary } from '../schemas/coverage';

/** A percentage as reports print it (`81.25%`), or a dash when unknown. */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${formatMetricValue(value)}%`;
}

/** Line coverage of a summary as a percentage, or a dash. */
export function formatLineCoverage(coverage: CoverageSummary | null | undefined): string {
  return formatPercent(coverage?.lines.pct);
}
