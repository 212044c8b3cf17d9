import type { Report } from './report-schema';

/** `report.json`: the report model, 2-space indented with a trailing newline. */
export function renderReportJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
