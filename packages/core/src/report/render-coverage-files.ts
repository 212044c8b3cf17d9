import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoverageMap } from 'istanbul-lib-coverage';
import { escapeXml } from './escape-xml';

// istanbul-reports escapes class names but not the `filename` attribute, so a path with `&` or `<`
// would make the XML invalid; the attribute is always followed by line-rate.
function escapeCoberturaFilenames(xml: string): string {
  return xml.replace(/ filename="(.*?)" line-rate=/g, (_, name: string) => ` filename="${escapeXml(name)}" line-rate=`);
}

/**
 * Renders merged coverage as `coverage-final.json`, `lcov.info` and `cobertura.xml` with
 * workspace-relative paths. The output depends only on the coverage and `timestamp` (never on the
 * absolute location of the workspace or the time of the run), so two clones produce identical files.
 */
export function renderCoverageFiles(map: CoverageMap, options: { timestamp: number }): Record<string, string> {
  // Loaded on first use: core's index is on Nx's graph-time path (createNodes), which never renders coverage.
  const libReport = require('istanbul-lib-report') as typeof import('istanbul-lib-report');
  const reports = require('istanbul-reports') as typeof import('istanbul-reports');
  const json = map.toJSON();
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(json).sort()) sorted[key] = json[key];
  const dir = mkdtempSync(join(tmpdir(), 'nxq-coverage-'));
  try {
    // istanbul-reports only writes to files; render into a scratch folder and read back.
    const context = libReport.createContext({ dir, coverageMap: map, defaultSummarizer: 'nested' });
    // projectRoot '.' keeps the (already relative) paths relative in SF: lines and cobertura filenames.
    reports.create('lcovonly', { file: 'lcov.info', projectRoot: '.' } as never).execute(context);
    reports
      .create('cobertura', { file: 'cobertura.xml', projectRoot: '.', timestamp: String(options.timestamp) } as never)
      .execute(context);
    return {
      'coverage-final.json': `${JSON.stringify(sorted)}\n`,
      'lcov.info': readFileSync(join(dir, 'lcov.info'), 'utf8'),
      'cobertura.xml': escapeCoberturaFilenames(readFileSync(join(dir, 'cobertura.xml'), 'utf8')),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
