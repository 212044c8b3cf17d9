import { buildReport } from './build-report';
import { renderReportFiles } from './render-report-files';
import { DEFAULT_MARKDOWN_MAX_BYTES } from './render-markdown';
import { lintResult } from '../test-support/sample-inputs';
import type { ReportProjectInput } from './report-inputs';
import { contentText, type ReportFileContent } from '../io/report-file-content';

// 100k lint messages in one project: every renderer must stay bounded (no per-message output in
// Markdown/HTML, capped SARIF runs) and linear.
describe('a project with 100,000 lint messages', () => {
  const lint = lintResult('huge', 'packages/huge', 100_000, 0);
  const projects: ReportProjectInput[] = [{ name: 'huge', root: 'packages/huge', results: { lint: { origin: 'fresh', value: lint } } }];
  const report = buildReport({ generatedAt: '2026-01-02T03:04:05.000Z', producer: 'executor', projects });
  const files = renderReportFiles({ report, formats: ['json', 'md', 'html', 'junit', 'sarif'] });

  it('keeps exact counts in the report', () => {
    expect(report.totals.lint.errors).toBe(100_000);
    expect(report.projects[0]?.lint?.topRules).toEqual([
      { rule: '@typescript-eslint/no-explicit-any', errors: 50_000, warnings: 0 },
      { rule: 'no-unused-vars', errors: 50_000, warnings: 0 },
    ]);
  });

  it('keeps report.md under 1 MiB and the HTML and JSON small', () => {
    expect(Buffer.byteLength(files['report.md'] as string)).toBeLessThan(DEFAULT_MARKDOWN_MAX_BYTES);
    expect(Buffer.byteLength(contentText(files['index.html'] as ReportFileContent))).toBeLessThan(200_000);
    expect(Buffer.byteLength(files['report.json'] as string)).toBeLessThan(100_000);
  });

  it('caps the SARIF run at 5,000 results and says how many were left out', () => {
    const log = JSON.parse(files['quality.sarif'] as string);
    expect(log.runs[0].results).toHaveLength(5000);
    expect(log.runs[0].properties.resultsOmitted).toBe(95_000);
    expect(Buffer.byteLength(files['quality.sarif'] as string)).toBeLessThan(10 * 1024 * 1024);
  });
});
