import type { CoverageSummary, CoverageThresholds } from '../schemas/coverage';

const DIMENSIONS = ['lines', 'statements', 'functions', 'branches'] as const;

/**
 * One fixed, greppable sentence per unmet threshold, e.g. `coverage.lines 71.2% < 85% (project my-lib)`.
 * Percentages are rounded to one decimal for display but compared unrounded.
 */
export function checkCoverageThresholds(totals: CoverageSummary, thresholds: CoverageThresholds | undefined, project: string): string[] {
  if (!thresholds) return [];
  const violations: string[] = [];
  for (const dimension of DIMENSIONS) {
    const threshold = thresholds[dimension];
    if (threshold === undefined) continue;
    const actual = totals[dimension].pct;
    if (actual < threshold) {
      violations.push(`coverage.${dimension} ${formatPct(actual)}% < ${formatPct(threshold)}% (project ${project})`);
    }
  }
  return violations;
}

function formatPct(value: number): string {
  // Never display a failing value rounded up to the threshold (84.96 < 85 must not read "85.0% < 85%").
  const floored = Math.floor(value * 10) / 10;
  return Number.isInteger(floored) ? String(floored) : floored.toFixed(1);
}
