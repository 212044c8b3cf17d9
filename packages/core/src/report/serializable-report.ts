import type { Report } from './report-model';
import type { ReportJson } from './report-schema';

/** The report as report.json and the page's embedded data hold it: without the uncapped findings. */
export function serializableReport(report: Report): ReportJson {
  const { findings: _findings, ...json } = report;
  return json;
}
