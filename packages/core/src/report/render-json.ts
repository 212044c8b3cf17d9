import type { Report } from './report-model';
import { serializableReport } from './serializable-report';

/** `report.json`: the report model without its findings, 2-space indented with a trailing newline. */
export function renderReportJson(report: Report): string {
  return `${JSON.stringify(serializableReport(report), null, 2)}\n`;
}
