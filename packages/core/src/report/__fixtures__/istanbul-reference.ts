// The merge and coverage rendering as this project did them with istanbul itself (istanbul-lib-coverage
// objects, istanbul-reports' lcovonly and cobertura through istanbul-lib-report): the reference our own
// merge and serializers must match byte for byte.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import libCoverage from 'istanbul-lib-coverage';
import libReport from 'istanbul-lib-report';
import reports from 'istanbul-reports';
import { escapeXml } from '../../text/escape-xml';
import { toCoverageSummary, type CoverageSource, type RejectedCoverageEntry } from '../../coverage/merge-coverage';
import type { CoverageSummary } from '../../schemas/coverage';
import { coverageWorkspaceKey } from '../../coverage/coverage-workspace-key';

/** Merges parsed per-project coverage into an istanbul CoverageMap, entry by entry, as the report did. */
export function istanbulMerge(
  sources: CoverageSource[],
  workspaceRoot?: string,
): { map: libCoverage.CoverageMap; summary: CoverageSummary; rejected: RejectedCoverageEntry[] } {
  const map = libCoverage.createCoverageMap({});
  const rejected: RejectedCoverageEntry[] = [];
  for (const source of sources) {
    if (!source.data || typeof source.data !== 'object' || Array.isArray(source.data)) {
      rejected.push({ project: source.project, file: source.file, key: '(file)', reason: 'not an istanbul coverage object' });
      continue;
    }
    for (const [key, raw] of Object.entries(source.data as Record<string, unknown>)) {
      const target = coverageWorkspaceKey(key, workspaceRoot);
      if (typeof target !== 'string') {
        rejected.push({ project: source.project, file: source.file, key, reason: target.reason });
        continue;
      }
      try {
        const data: Record<string, unknown> = { ...(raw as Record<string, unknown>), path: target };
        delete data['inputSourceMap'];
        const coverage = libCoverage.createFileCoverage(data as never);
        coverage.toSummary();
        map.addFileCoverage(coverage);
      } catch (error) {
        if (!(error instanceof Error)) throw error;
        rejected.push({ project: source.project, file: source.file, key, reason: `malformed entry: ${error.message}` });
      }
    }
  }
  return { map, summary: toCoverageSummary(map.getCoverageSummary()), rejected };
}

/**
 * coverage-final.json (keys sorted), istanbul-reports' `lcovonly` and `cobertura` (projectRoot '.',
 * the timestamp given) written to a scratch folder and read back, cobertura's filenames escaped.
 */
export function istanbulRender(map: libCoverage.CoverageMap, timestamp: number): Record<string, string> {
  const json = map.toJSON();
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(json).sort()) sorted[key] = json[key];
  const dir = mkdtempSync(join(tmpdir(), 'nxq-istanbul-'));
  try {
    const context = libReport.createContext({ dir, coverageMap: map, defaultSummarizer: 'nested' });
    reports.create('lcovonly', { file: 'lcov.info', projectRoot: '.' } as never).execute(context);
    reports.create('cobertura', { file: 'cobertura.xml', projectRoot: '.', timestamp: String(timestamp) } as never).execute(context);
    const cobertura = readFileSync(join(dir, 'cobertura.xml'), 'utf8').replace(
      / filename="(.*?)" line-rate=/g,
      (_, name: string) => ` filename="${escapeXml(name)}" line-rate=`,
    );
    return {
      'coverage-final.json': `${JSON.stringify(sorted)}\n`,
      'lcov.info': readFileSync(join(dir, 'lcov.info'), 'utf8'),
      'cobertura.xml': cobertura,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
