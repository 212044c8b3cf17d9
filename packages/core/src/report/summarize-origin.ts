import type { ProjectReport, ReportResultState } from './report-schema';

/** One word for a project's result origins: the shared origin, or `mixed`. */
export function summarizeOrigin(results: Record<string, ReportResultState>): ProjectReport['origin'] {
  const origins = new Set(Object.values(results).map((r) => r.origin));
  if (origins.size === 0) return 'missing';
  if (origins.size === 1) return [...origins][0] as ProjectReport['origin'];
  return 'mixed';
}
