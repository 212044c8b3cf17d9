import { isAbsolute, posix, relative, sep } from 'node:path';
import type { CoverageMap, CoverageSummary as IstanbulSummary } from 'istanbul-lib-coverage';
import type { CoverageSummary } from '../schemas/coverage';

/** One project's `coverage-final.json`, already parsed. */
export interface CoverageSource {
  project: string;
  /** Workspace-relative file it was read from (for messages). */
  file: string;
  data: unknown;
}

/** A file entry that was left out of the merge, and why. */
export interface RejectedCoverageEntry {
  project: string;
  file: string;
  key: string;
  reason: string;
}

/** Converts istanbul's summary to ours: `Unknown` percentages (nothing to cover) count as 100. */
export function toCoverageSummary(summary: IstanbulSummary): CoverageSummary {
  const json = summary.toJSON();
  const metric = (m: { total: number; covered: number; skipped: number; pct: number | string }) => ({
    total: m.total,
    covered: m.covered,
    skipped: m.skipped,
    pct: typeof m.pct === 'number' ? m.pct : 100,
  });
  return { lines: metric(json.lines), statements: metric(json.statements), functions: metric(json.functions), branches: metric(json.branches) };
}

function workspaceKey(key: string, workspaceRoot: string | undefined): string | { reason: string } {
  const slashed = key.split('\\').join('/');
  if (isAbsolute(key) || /^[A-Za-z]:\//.test(slashed)) {
    if (!workspaceRoot) return { reason: 'absolute path; coverage keys must be workspace-relative' };
    const rel = relative(workspaceRoot, key);
    if (rel.startsWith('..') || isAbsolute(rel)) return { reason: 'outside the workspace' };
    return rel.split(sep).join('/');
  }
  const normalized = posix.normalize(slashed);
  if (normalized.startsWith('../') || normalized === '..') return { reason: 'outside the workspace' };
  return normalized;
}

/**
 * Merges per-project istanbul coverage (keys workspace-relative) into one map. Hit counts of a file
 * covered by several projects are added, as istanbul does. Keys are normalised to workspace-relative
 * POSIX paths; entries that are absolute outside the workspace or malformed are left out and listed.
 * Source maps embedded by some instrumenters are dropped: they carry absolute paths.
 */
export function mergeCoverage(
  sources: CoverageSource[],
  workspaceRoot?: string,
): { map: CoverageMap; summary: CoverageSummary; rejected: RejectedCoverageEntry[] } {
  // Loaded on first use: core's index is on Nx's graph-time path (createNodes), which never needs istanbul.
  const libCoverage = require('istanbul-lib-coverage') as typeof import('istanbul-lib-coverage');
  const map = libCoverage.createCoverageMap({});
  const rejected: RejectedCoverageEntry[] = [];
  for (const source of sources) {
    if (!source.data || typeof source.data !== 'object' || Array.isArray(source.data)) {
      rejected.push({ project: source.project, file: source.file, key: '(file)', reason: 'not an istanbul coverage object' });
      continue;
    }
    for (const [key, raw] of Object.entries(source.data as Record<string, unknown>)) {
      const target = workspaceKey(key, workspaceRoot);
      if (typeof target !== 'string') {
        rejected.push({ project: source.project, file: source.file, key, reason: target.reason });
        continue;
      }
      try {
        const data: Record<string, unknown> = { ...(raw as Record<string, unknown>), path: target };
        delete data['inputSourceMap'];
        const coverage = libCoverage.createFileCoverage(data as never);
        // Validate eagerly: a malformed entry fails here rather than inside a reporter later.
        coverage.toSummary();
        map.addFileCoverage(coverage);
      } catch (error) {
        // istanbul throws plain Errors and TypeErrors on malformed objects; anything else is a bug to surface.
        if (!(error instanceof Error)) throw error;
        rejected.push({ project: source.project, file: source.file, key, reason: `malformed entry: ${(error as Error).message}` });
      }
    }
  }
  return { map, summary: toCoverageSummary(map.getCoverageSummary()), rejected };
}
