import type { MergedCoverageMap } from '../coverage/merged-coverage-map';
import { coverageFileContents } from '../coverage/render-coverage-files';
import { renderReportHtmlPieces } from './render-html';
import { renderReportJson } from './render-json';
import { renderJunit } from './render-junit';
import { renderReportMarkdown } from './render-markdown';
import { renderSarif, type SarifOptions } from './render-sarif';
import type { ReportFileContent } from '../io/report-file-content';
import type { Report } from './report-model';

/** Output formats of the workspace report. */
export const REPORT_FORMATS = ['json', 'md', 'html', 'junit', 'sarif', 'coverage'] as const;
/** One output format of the workspace report. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * Renders the requested formats as `{ fileName: content }` (file names relative to the output
 * folder). The merged coverage files are chunked: they are produced while `writeReportFiles` writes
 * them.
 */
export function renderReportFiles(input: {
  report: Report;
  formats: readonly ReportFormat[];
  /** The merged coverage to render, or its files already made (see `CoverageCollector.files`). */
  coverage?: { map: MergedCoverageMap; timestamp: number } | { files: Record<string, ReportFileContent> };
  markdownMaxBytes?: number;
  sarif?: SarifOptions;
}): Record<string, ReportFileContent> {
  const files: Record<string, ReportFileContent> = {};
  const formats = new Set(input.formats);
  if (formats.has('json')) files['report.json'] = renderReportJson(input.report);
  if (formats.has('md')) files['report.md'] = renderReportMarkdown(input.report, input.markdownMaxBytes);
  if (formats.has('html')) {
    const pieces = renderReportHtmlPieces(input.report);
    files['index.html'] = { chunks: () => pieces };
  }
  if (formats.has('junit')) files['junit.xml'] = renderJunit(input.report);
  if (formats.has('sarif')) files['quality.sarif'] = renderSarif(input.report, input.sarif);
  if (formats.has('coverage') && input.coverage) {
    Object.assign(files, 'files' in input.coverage ? input.coverage.files : coverageFileContents(input.coverage.map, { timestamp: input.coverage.timestamp }));
  }
  return files;
}
