import type { CoverageMap } from 'istanbul-lib-coverage';
import { renderCoverageFiles } from './render-coverage-files';
import { renderReportHtml } from './render-html';
import { renderReportJson } from './render-json';
import { renderJunit } from './render-junit';
import { renderReportMarkdown } from './render-markdown';
import { renderSarif, type SarifOptions } from './render-sarif';
import type { ReportProjectInput } from './report-inputs';
import type { Report } from './report-schema';

/** Output formats of the workspace report. */
export const REPORT_FORMATS = ['json', 'md', 'html', 'junit', 'sarif', 'coverage'] as const;
/** One output format of the workspace report. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Renders the requested formats as `{ fileName: content }` (file names relative to the output folder). */
export function renderReportFiles(input: {
  report: Report;
  projects: ReportProjectInput[];
  formats: readonly ReportFormat[];
  coverage?: { map: CoverageMap; timestamp: number };
  markdownMaxBytes?: number;
  sarif?: SarifOptions;
}): Record<string, string> {
  const files: Record<string, string> = {};
  const formats = new Set(input.formats);
  if (formats.has('json')) files['report.json'] = renderReportJson(input.report);
  if (formats.has('md')) files['report.md'] = renderReportMarkdown(input.report, input.markdownMaxBytes);
  if (formats.has('html')) files['index.html'] = renderReportHtml(input.report);
  if (formats.has('junit')) files['junit.xml'] = renderJunit(input.projects);
  if (formats.has('sarif')) files['quality.sarif'] = renderSarif(input.projects, input.sarif);
  if (formats.has('coverage') && input.coverage) Object.assign(files, renderCoverageFiles(input.coverage.map, { timestamp: input.coverage.timestamp }));
  return files;
}
