import { countPhrase, formatMetricValue, gateHeadline, OUTDATED_GATES_TEXT, type Report } from '@nx-quality/core';
import { firstNames } from './first-names';

/** The few lines printed after a report is written: totals, origins, first failing conditions, where it is. */
export function formatReportSummary(report: Report, outputDir: string, files: string[], maxConditions = 5): string {
  const t = report.totals;
  const coverage = t.coverage ? `${formatMetricValue(t.coverage.lines.pct)}% lines` : 'no coverage';
  const gates = gateHeadline(report);
  const origins = Object.entries(t.resultOrigins)
    .map(([origin, count]) => `${count} ${origin}`)
    .join(', ');
  const lines = [
    `nx-quality report: ${gates.text}${gates.notEvaluated}`,
    `  tests ${t.tests.passed} passed, ${t.tests.failed} failed, ${t.tests.skipped} skipped · coverage ${coverage} · lint ${countPhrase(t.lint.errors, 'error')}, ${countPhrase(t.lint.warnings, 'warning')} · ${countPhrase(t.typecheck.errors, 'type error')}`,
    `  results: ${origins || 'none found'}`,
  ];
  if (gates.outdated.length) lines.push(`  ${OUTDATED_GATES_TEXT}: ${firstNames(gates.outdated)}; run their quality targets`);
  const notRun = report.projects.filter((p) => p.origin === 'not-run').map((p) => p.name);
  if (notRun.length) lines.push(`  not run in this invocation: ${firstNames(notRun)}`);
  for (const condition of report.failingConditions.slice(0, maxConditions)) lines.push(`  ✗ ${condition.message ?? condition.metric}`);
  if (report.failingConditions.length > maxConditions) {
    lines.push(`  … ${countPhrase(report.failingConditions.length - maxConditions, 'more failing condition', 'more failing conditions')}`);
  }
  const stale = report.projects.reduce((n, p) => n + Object.values(p.results).filter((r) => r.origin === 'stale').length, 0);
  if (stale) lines.push(`  ${countPhrase(stale, 'result')} stale: left by an earlier run, their tasks failed without replacing them (their gates fail)`);
  const unusable = report.projects.reduce((n, p) => n + Object.values(p.results).filter((r) => r.origin === 'missing' || r.origin === 'invalid').length, 0);
  if (unusable) lines.push(`  ${countPhrase(unusable, 'result')} missing or invalid (listed in the report)`);
  if (report.coverageLeftOut.length) {
    lines.push(`  merged coverage leaves out ${firstNames(report.coverageLeftOut.map((x) => x.project))}`);
  }
  const names = files.map((f) => f.split('/').pop()).join(', ');
  lines.push(`  report: ${outputDir}/${files.some((f) => f.endsWith('index.html')) ? 'index.html' : ''} (${names})`);
  return lines.join('\n');
}
