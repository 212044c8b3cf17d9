import { describeOrigin } from './describe-origin';
import { escapeMarkdown as md } from './escape-markdown';
import { formatLineCoverage, formatPercent } from './format-numbers';
import { HEALTH_COLUMNS } from './health-columns';
import { markdownCodeSpan } from './markdown-code-span';
import type { ProjectReport, Report } from './report-schema';

/** GitHub's `$GITHUB_STEP_SUMMARY` limit is 1 MiB; stay below it with room for other steps' notes. */
export const DEFAULT_MARKDOWN_MAX_BYTES = 1_000_000;

interface Caps {
  projects: number;
  conditions: number;
  gaps: number;
  deltas: number;
  problems: number;
}

const GATE_ICON: Record<ProjectReport['gate']['status'], string> = { passed: '✅ passed', failed: '❌ failed', 'not-evaluated': '➖ not evaluated' };

function more(omitted: number, what: string): string[] {
  return omitted > 0 ? [`- _… ${omitted} more ${what} not shown (see report.json or index.html)_`] : [];
}

function headline(report: Report): string[] {
  const t = report.totals;
  const status =
    t.gatesFailed > 0
      ? `❌ **${t.gatesFailed} of ${t.projects} projects fail their gates**`
      : `✅ **All ${t.gatesPassed} evaluated projects pass their gates**`;
  const origins = Object.entries(t.resultOrigins)
    .map(([origin, count]) => `${count} ${origin}`)
    .join(', ');
  return [
    '## nx-quality report',
    '',
    `${status}${t.gatesNotEvaluated ? ` (${t.gatesNotEvaluated} not evaluated)` : ''}`,
    '',
    `Tests: **${t.tests.passed} passed**, ${t.tests.failed} failed, ${t.tests.skipped} skipped, ${t.tests.todo} todo` +
      `${t.suitesErrored ? `, ${t.suitesErrored} suites could not run` : ''} · Coverage (lines, merged): **${formatLineCoverage(t.coverage)}** · ` +
      `Lint: **${t.lint.errors} errors**, ${t.lint.warnings} warnings · Type errors: **${t.typecheck.errors}**`,
    '',
    `<sub>Generated ${md(report.generatedAt)} by the ${report.producer === 'hook' ? 'after-run hook' : 'quality-report executor'}; results: ${md(origins || 'none')}.</sub>`,
  ];
}

function projectTable(report: Report, cap: number): string[] {
  const hasBaseline = report.projects.some((p) => p.deltas.length > 0);
  const lines = [
    '',
    `| Project | Result | Tests ✓ / ✗ / skip | Coverage (lines) | Lint E / W | Type errors | Gate |${hasBaseline ? ' vs baseline |' : ''}`,
    `|---|---|---:|---:|---:|---:|---|${hasBaseline ? '---|' : ''}`,
  ];
  for (const p of report.projects.slice(0, cap)) {
    const tests = p.tests ? `${p.tests.counts.passed} / ${p.tests.counts.failed} / ${p.tests.counts.skipped}` : '–';
    const lint = p.lint ? `${p.lint.errors} / ${p.lint.warnings}` : '–';
    const types = p.typecheck ? String(p.typecheck.errors) : '–';
    const worse = p.deltas.filter((d) => d.trend === 'worse').length;
    const better = p.deltas.filter((d) => d.trend === 'better').length;
    const delta = hasBaseline ? ` ${p.deltas.length ? `${better} better, ${worse} worse` : '–'} |` : '';
    lines.push(
      `| ${md(p.name)} | ${md(describeOrigin(p))} | ${tests} | ${formatLineCoverage(p.coverage)} | ${lint} | ${types} | ${GATE_ICON[p.gate.status]} |${delta}`,
    );
  }
  if (report.projects.length > cap) lines.push('', ...more(report.projects.length - cap, 'projects'));
  return lines;
}

function failingConditions(report: Report, cap: number): string[] {
  if (report.failingConditions.length === 0) return [];
  return [
    '',
    `### Failing conditions (${report.failingConditions.length})`,
    '',
    ...report.failingConditions.slice(0, cap).map((c) => `- ${markdownCodeSpan(c.message ?? `${c.metric} (project ${c.project})`)}`),
    ...more(report.failingConditions.length - cap, 'failing conditions'),
  ];
}

function gaps(report: Report, cap: number): string[] {
  const g = report.gaps;
  if (cap === 0) return [];
  const out: string[] = [];
  if (g.lowestCoverage.length) {
    out.push('', '**Lowest coverage (lines)**', '', ...g.lowestCoverage.slice(0, cap).map((x) => `- ${md(x.project)}: ${formatPercent(x.lines)}`));
  }
  if (g.lowestCoverageFiles.length) {
    out.push(
      '',
      '**Files with the most uncovered lines**',
      '',
      ...g.lowestCoverageFiles.slice(0, cap).map((x) => `- ${md(x.file)} (${md(x.project)}): ${formatPercent(x.lines)} of ${x.totalLines} lines`),
    );
  }
  if (g.mostLintErrors.length) {
    out.push('', '**Most lint errors**', '', ...g.mostLintErrors.slice(0, cap).map((x) => `- ${md(x.project)}: ${x.errors} errors, ${x.warnings} warnings`));
  }
  if (g.untestedModules.length) {
    out.push(
      '',
      '**Untested modules** (no test imports them; ranked by fan-in)',
      '',
      ...g.untestedModules
        .slice(0, cap)
        .map((x) => `- ${md(x.file)} (${md(x.project)}): fan-in ${x.fanIn}, ${x.lines} lines${x.reachedIndirectly ? ', reached only indirectly' : ''}`),
    );
  }
  return out.length ? ['', '### Top gaps', ...out] : [];
}

function testKinds(report: Report, cap: number): string[] {
  const kinds = report.testKinds;
  const rows = report.projects.filter((p) => Object.keys(p.testKinds).length > 0);
  if (kinds.length === 0 || rows.length === 0) return [];
  const lines = [
    '',
    '### Tests per kind',
    '',
    `| Project | ${kinds.map(md).join(' | ')} |`,
    `|---|${kinds.map(() => '---:|').join('')}`,
    ...rows.slice(0, cap).map((p) => `| ${md(p.name)} | ${kinds.map((k) => (p.testKinds[k] ? String(p.testKinds[k].tests) : '–')).join(' | ')} |`),
  ];
  if (rows.length > cap) lines.push('', ...more(rows.length - cap, 'projects'));
  return lines;
}

function healthMatrix(report: Report, cap: number): string[] {
  const rows = report.projects.filter((p) => p.health);
  // Only columns with something to report, so the table stays narrow enough for a PR comment.
  const columns = HEALTH_COLUMNS.filter((c) => (report.totals.health[c.key] ?? 0) > 0);
  if (rows.length === 0 || columns.length === 0) return [];
  const lines = [
    '',
    '### Code health',
    '',
    `| Project | ${columns.map((c) => c.label).join(' | ')} |`,
    `|---|${columns.map(() => '---:|').join('')}`,
    ...rows.slice(0, cap).map((p) => `| ${md(p.name)} | ${columns.map((c) => String(p.health?.[c.key] ?? 0)).join(' | ')} |`),
    `| **Total** | ${columns.map((c) => `**${report.totals.health[c.key] ?? 0}**`).join(' | ')} |`,
  ];
  if (rows.length > cap) lines.push('', ...more(rows.length - cap, 'projects'));
  return lines;
}

function deltas(report: Report, cap: number): string[] {
  const changed = report.projects.flatMap((p) => p.deltas.filter((d) => d.trend !== 'same').map((d) => ({ project: p.name, d })));
  if (changed.length === 0) return [];
  changed.sort((a, b) => Number(b.d.trend === 'worse') - Number(a.d.trend === 'worse'));
  return [
    '',
    `### Against the baseline (${md(report.baseline.file)})`,
    '',
    ...changed.slice(0, cap).map(({ project, d }) => `- ${d.trend === 'worse' ? '🔺 worse' : '🟢 better'}: ${md(d.text)} (${md(project)})`),
    ...more(changed.length - cap, 'changes'),
  ];
}

function problems(report: Report, cap: number): string[] {
  const items: string[] = [];
  for (const p of report.projects) {
    for (const [kind, state] of Object.entries(p.results)) {
      if (state.origin === 'missing' || state.origin === 'invalid') {
        items.push(`- ${md(p.name)} ${kind}: ${state.origin}${state.file ? ` (${md(state.file)})` : ''}${state.reason ? ` – ${md(state.reason)}` : ''}`);
      }
    }
    for (const error of p.toolErrors) items.push(`- ${md(p.name)} ${error.kind} could not run: ${md(error.message)}${error.hint ? ` Fix: ${md(error.hint)}` : ''}`);
  }
  for (const o of report.invalidOutputs) items.push(`- ${md(o.project)}:${md(o.target)} output ${md(o.output)} ignored: ${md(o.reason)}`);
  for (const problem of report.problems) items.push(`- ${md(problem)}`);
  if (report.baseline.state === 'invalid') items.push(`- baseline ${md(report.baseline.file)} invalid: ${md(report.baseline.reason ?? '')}`);
  if (items.length === 0) return [];
  return ['', `### Results that could not be used (${items.length})`, '', ...items.slice(0, cap), ...more(items.length - cap, 'entries')];
}

function render(report: Report, caps: Caps): string {
  return `${[
    ...headline(report),
    ...projectTable(report, caps.projects),
    ...failingConditions(report, caps.conditions),
    ...gaps(report, caps.gaps),
    ...testKinds(report, caps.projects),
    ...healthMatrix(report, caps.projects),
    ...deltas(report, caps.deltas),
    ...problems(report, caps.problems),
  ].join('\n')}\n`;
}

/**
 * `report.md`: headline, per-project table, failing conditions, top gaps, test kinds, baseline
 * deltas and unusable results. Fit for a PR comment and `$GITHUB_STEP_SUMMARY`: every string from
 * user code is escaped, and long sections are cut (with a note) until the text is under `maxBytes`.
 */
export function renderReportMarkdown(report: Report, maxBytes: number = DEFAULT_MARKDOWN_MAX_BYTES): string {
  const caps: Caps = { projects: Number.MAX_SAFE_INTEGER, conditions: 100, gaps: 10, deltas: 50, problems: 50 };
  let text = render(report, caps);
  while (Buffer.byteLength(text) > maxBytes) {
    const before = JSON.stringify(caps);
    caps.conditions = Math.floor(caps.conditions / 2);
    caps.deltas = Math.floor(caps.deltas / 2);
    caps.problems = Math.floor(caps.problems / 2);
    caps.gaps = Math.floor(caps.gaps / 2);
    caps.projects = Math.floor(Math.min(caps.projects, report.projects.length) / 2);
    text = render(report, caps);
    if (JSON.stringify(caps) === before) break;
  }
  if (Buffer.byteLength(text) > maxBytes) {
    // Only the headline is left and it is still too long (absurd project names): cut at a line end.
    const cut = Buffer.from(text).subarray(0, maxBytes - 200).toString('utf8');
    text = `${cut.slice(0, cut.lastIndexOf('\n'))}\n\n_Report truncated to fit ${maxBytes} bytes; see report.json._\n`;
  }
  return text;
}
