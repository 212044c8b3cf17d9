import type { FileCoverage, CoverageSummary as IstanbulSummary } from 'istanbul-lib-coverage';
import type { CoverageSummary } from '../schemas/coverage';
import { compactFileCoverage, scannedFromData } from './compact-file-coverage';
import { MergedCoverageMap } from './merged-coverage-map';
import { ScannedCoverage, type ScannedFileCoverage } from './parse-coverage-json';
import { contentText } from '../io/report-file-content';
import { coveragePercent, summarizeFileCoverage, type FileCoverageCounts, type FileCoverageDigest } from './summarize-file-coverage';
import { coverageWorkspaceKey } from './coverage-workspace-key';
import type { CoverageFileOnDisk } from './coverage-file-on-disk';

/** One project's `coverage-final.json`, already parsed. */
export interface CoverageSource {
  project: string;
  /** Workspace-relative file it was read from (for messages). */
  file: string;
  /** `JSON.parse` of the file, or (faster) what `parseCoverageJson` returns for it. */
  data: unknown;
  /** The bytes `data` was scanned from and the file they were read from: the merge then refers to them instead of copying. */
  onDisk?: { file: CoverageFileOnDisk; bytes: Uint8Array };
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

function istanbulRejection(data: Record<string, unknown>): string | undefined {
  const libCoverage = require('istanbul-lib-coverage') as typeof import('istanbul-lib-coverage');
  try {
    libCoverage.createFileCoverage(data as never).toSummary();
    return undefined;
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    return error.message;
  }
}

/** The merged coverage, its totals and the entries left out. */
export interface MergedCoverage {
  map: MergedCoverageMap;
  summary: CoverageSummary;
  rejected: RejectedCoverageEntry[];
}

/**
 * Merges per-project istanbul coverage one project at a time, so each project's parsed
 * coverage-final.json can be released once added. Hit counts of a file covered by several projects
 * are added, as istanbul does. Keys are normalised to workspace-relative POSIX paths; entries that
 * are absolute outside the workspace or malformed are left out and listed with istanbul's reason.
 * Source maps embedded by some instrumenters are dropped: they carry absolute paths.
 */
export class CoverageMerger {
  private readonly map = new MergedCoverageMap();
  private readonly rejected: RejectedCoverageEntry[] = [];

  constructor(private readonly workspaceRoot?: string) {}

  /** Adds one project's parsed coverage-final.json; the merger keeps no reference to `source.data`. */
  add(source: CoverageSource): void {
    if (source.data instanceof ScannedCoverage) {
      for (const entry of source.data.entries) this.addScanned(source, entry);
      return;
    }
    if (!source.data || typeof source.data !== 'object' || Array.isArray(source.data)) {
      this.rejected.push({ project: source.project, file: source.file, key: '(file)', reason: 'not an istanbul coverage object' });
      return;
    }
    for (const [key, raw] of Object.entries(source.data as Record<string, unknown>)) {
      const target = coverageWorkspaceKey(key, this.workspaceRoot);
      if (typeof target !== 'string') {
        this.rejected.push({ project: source.project, file: source.file, key, reason: target.reason });
        continue;
      }
      const data: Record<string, unknown> = { ...(raw as Record<string, unknown>), path: target };
      delete data['inputSourceMap'];
      const reason = this.map.has(target) ? this.mergeInto(target, data) : this.addFirst(target, data);
      if (reason !== undefined) this.rejected.push({ project: source.project, file: source.file, key, reason: `malformed entry: ${reason}` });
    }
  }

  /** The merged map, its summary (`Unknown` percentages count as 100) and every entry left out. */
  result(): MergedCoverage {
    const metric = () => ({ total: 0, covered: 0 });
    const sum = { lines: metric(), statements: metric(), functions: metric(), branches: metric() };
    for (const key of this.map.files()) {
      const counts = this.map.counts(key);
      for (const name of ['lines', 'statements', 'functions', 'branches'] as const) {
        sum[name].total += counts[name].total;
        sum[name].covered += counts[name].covered;
      }
    }
    const summarize = (m: { total: number; covered: number }) => ({ total: m.total, covered: m.covered, skipped: 0, pct: coveragePercent(m.covered, m.total) });
    return {
      map: this.map,
      summary: { lines: summarize(sum.lines), statements: summarize(sum.statements), functions: summarize(sum.functions), branches: summarize(sum.branches) },
      rejected: this.rejected,
    };
  }

  // An entry read by parseCoverageJson: well-formed by construction, so only the key can be rejected.
  private addScanned(source: CoverageSource, entry: ScannedFileCoverage): void {
    const target = coverageWorkspaceKey(entry.key, this.workspaceRoot);
    if (typeof target !== 'string') {
      this.rejected.push({ project: source.project, file: source.file, key: entry.key, reason: target.reason });
      return;
    }
    const json = entry.jsonPieces(target);
    // An empty path (the workspace root itself) is istanbul's to reject; a second project's copy is istanbul's to merge.
    const compact = target && !this.map.has(target) ? compactFileCoverage(target, entry.data) : undefined;
    if (compact) {
      this.map.set(target, { json, counts: compact.counts, compact, ...(source.onDisk ? { source: source.onDisk } : {}) });
      return;
    }
    // Otherwise (also a file compactFileCoverage leaves to the general renderers) it goes the general way.
    const data = JSON.parse(contentText({ chunks: () => json })) as Record<string, unknown>;
    const reason = this.map.has(target) ? this.mergeInto(target, data) : this.addFirst(target, data);
    if (reason !== undefined) this.rejected.push({ project: source.project, file: source.file, key: entry.key, reason: `malformed entry: ${reason}` });
  }

  // A file seen for the first time: validated (and counted) without istanbul's objects.
  private addFirst(target: string, data: Record<string, unknown>): string | undefined {
    // istanbul's own messages, so the reasons read as they always have.
    const complete = data['path'] && data['statementMap'] && data['fnMap'] && data['branchMap'] && data['s'] && data['f'] && data['b'];
    if (!complete) return istanbulRejection(data) ?? 'not an istanbul file coverage object';
    let digest: FileCoverageDigest;
    try {
      digest = summarizeFileCoverage(data);
    } catch (error) {
      if (!(error instanceof Error)) throw error;
      return istanbulRejection(data) ?? error.message;
    }
    this.store(target, data, digest.counts);
    return undefined;
  }

  // Kept with its compact form when it has the plain shape, so lcov and cobertura need not parse it again.
  private store(target: string, data: Record<string, unknown>, counts: FileCoverageCounts): void {
    const scanned = scannedFromData(data);
    const compact = scanned && compactFileCoverage(target, scanned);
    this.map.set(target, { json: [JSON.stringify(data)], counts: compact ? compact.counts : counts, ...(compact ? { compact } : {}) });
  }

  // A file already covered by another project: istanbul merges the two, exactly as before.
  private mergeInto(target: string, data: Record<string, unknown>): string | undefined {
    const libCoverage = require('istanbul-lib-coverage') as typeof import('istanbul-lib-coverage');
    let merging: FileCoverage | undefined;
    let reason: string | undefined;
    // Outside the try: a coverage file that changed on disk is not a malformed entry.
    const known = this.map.data(target);
    try {
      const incoming = libCoverage.createFileCoverage(data as never);
      incoming.toSummary();
      merging = libCoverage.createFileCoverage(known as never);
      merging.merge(incoming);
    } catch (error) {
      if (!(error instanceof Error)) throw error;
      reason = error.message;
    }
    // istanbul's merge replaces the maps one by one, so a merge that failed half-way still counts.
    if (merging) {
      const merged = merging.data as unknown as Record<string, unknown>;
      this.store(target, merged, summarizeFileCoverage(merged).counts);
    }
    return reason;
  }
}

/**
 * Merges per-project istanbul coverage (keys workspace-relative) into one map: `CoverageMerger`
 * over every source. Hit counts of a file covered by several projects are added, as istanbul does.
 */
export function mergeCoverage(sources: CoverageSource[], workspaceRoot?: string): MergedCoverage {
  const merger = new CoverageMerger(workspaceRoot);
  for (const source of sources) merger.add(source);
  return merger.result();
}
