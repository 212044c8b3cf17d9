import type { CoverageMapData, CoverageSummary as IstanbulSummary } from 'istanbul-lib-coverage';
import type { CoverageSummary } from '../schemas/coverage';

/** Totals and per-file summary of a coverage map, as istanbul computes them. */
export interface CoverageSummaries {
  totals: CoverageSummary;
  files: (CoverageSummary & { file: string })[];
}

/** Summarizes istanbul coverage data (keys as given, files sorted) with istanbul-lib-coverage itself. */
export function summarizeCoverage(data: CoverageMapData): CoverageSummaries {
  // Loaded on first use: core's index is on Nx's graph-time path (createNodes), which never needs istanbul.
  const { createCoverageMap } = require('istanbul-lib-coverage') as typeof import('istanbul-lib-coverage');
  const map = createCoverageMap(data);
  const files = map
    .files()
    .sort()
    .map((file) => ({ file, ...toSummary(map.fileCoverageFor(file).toSummary()) }));
  return { totals: toSummary(map.getCoverageSummary()), files };
}

function toSummary(summary: IstanbulSummary): CoverageSummary {
  const data = summary.toJSON();
  return {
    lines: toMetric(data.lines),
    statements: toMetric(data.statements),
    functions: toMetric(data.functions),
    branches: toMetric(data.branches),
  };
}

function toMetric(metric: { total: number; covered: number; skipped: number; pct: number | string }): CoverageSummary['lines'] {
  // istanbul reports 'Unknown' as pct when total is 0 in some versions; 100 is what its reports show.
  const pct = typeof metric.pct === 'number' && Number.isFinite(metric.pct) ? metric.pct : 100;
  return { total: metric.total, covered: metric.covered, skipped: metric.skipped, pct };
}
