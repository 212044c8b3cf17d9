import { createHash } from 'node:crypto';
import { formatMetricValue } from '../gates/evaluate-gates';
import { countPhrase } from './count-phrase';
import { describeOrigin } from './describe-origin';
import { embedJsonInHtml } from './embed-json-in-html';
import { serializableReport } from './serializable-report';
import { escapeHtml as h } from './escape-html';
import { formatLineCoverage, formatPercent } from './format-numbers';
import { REPORT_CSS, REPORT_JS } from './html-assets';
import { renderSvgBarChart, type BarChartRow } from './render-svg-bar-chart';
import { HEALTH_COLUMNS } from './health-columns';
import { PROJECT_NOTE_SECTIONS, type ProjectNoteSection } from './project-note-sections';
import type { Report } from './report-model';
import type { ProjectReport } from './report-schema';

function cspHash(content: string): string {
  return `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`;
}

function anchor(name: string): string {
  return `project-${name.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
}

function card(label: string, value: string, className = ''): string {
  return `<div class="card"><div class="value ${className}">${h(value)}</div><div class="label">${h(label)}</div></div>`;
}

function cell(text: string, sort: string | number | null, numeric = false): string {
  const attr = sort === null ? ' data-sort=""' : ` data-sort="${h(String(sort))}"`;
  return `<td${numeric ? ' class="num"' : ''}${attr}>${h(text)}</td>`;
}

function header(label: string, numeric = false): string {
  return `<th${numeric ? ' class="num" data-type="num"' : ''}><button type="button">${h(label)}</button></th>`;
}

function projectsTable(report: Report): string {
  const rows = report.projects.map((p) => {
    const gateClass = p.gate.status === 'failed' ? 'bad' : p.gate.status === 'passed' ? 'good' : 'muted';
    const worse = p.deltas.filter((d) => d.trend === 'worse').length;
    return (
      `<tr data-project="${h(p.name)}"><td data-sort="${h(p.name)}"><a href="#${anchor(p.name)}">${h(p.name)}</a></td>` +
      cell(describeOrigin(p), describeOrigin(p)) +
      cell(p.tests ? String(p.tests.counts.passed) : '–', p.tests?.counts.passed ?? null, true) +
      cell(p.tests ? String(p.tests.counts.failed) : '–', p.tests?.counts.failed ?? null, true) +
      cell(p.tests ? String(p.tests.counts.skipped) : '–', p.tests?.counts.skipped ?? null, true) +
      cell(formatLineCoverage(p.coverage), p.coverage?.lines.pct ?? null, true) +
      cell(p.lint ? String(p.lint.errors) : '–', p.lint?.errors ?? null, true) +
      cell(p.lint ? String(p.lint.warnings) : '–', p.lint?.warnings ?? null, true) +
      cell(p.typecheck ? String(p.typecheck.errors) : '–', p.typecheck?.errors ?? null, true) +
      `<td class="${gateClass}" data-sort="${p.gate.status}">${h(p.gate.status)}${p.gate.violations.length ? ` (${p.gate.violations.length})` : ''}</td>` +
      cell(p.deltas.length ? `${worse} worse` : '–', p.deltas.length ? worse : null, true) +
      '</tr>'
    );
  });
  return (
    `<table id="projects" class="sortable"><thead><tr>${header('Project')}${header('Result')}${header('Passed', true)}${header('Failed', true)}` +
    `${header('Skipped', true)}${header('Coverage (lines)', true)}${header('Lint errors', true)}${header('Lint warnings', true)}` +
    `${header('Type errors', true)}${header('Gate')}${header('vs baseline', true)}</tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

function charts(report: Report): string {
  const coverageRows: BarChartRow[] = report.projects
    .filter((p) => p.coverage)
    .map((p) => {
      const pct = p.coverage?.lines.pct ?? 0;
      return {
        label: p.name,
        segments: [{ value: pct, className: pct >= 80 ? 'seg-good' : pct >= 50 ? 'seg-warn' : 'seg-bad', title: `${p.name}: ${formatPercent(pct)} lines` }],
        valueText: formatPercent(pct),
      };
    });
  const errorRows: BarChartRow[] = report.projects
    .filter((p) => (p.lint?.errors ?? 0) + (p.typecheck?.errors ?? 0) > 0)
    .map((p) => ({
      label: p.name,
      segments: [
        { value: p.lint?.errors ?? 0, className: 'seg-lint', title: `${p.name}: ${p.lint?.errors ?? 0} lint errors` },
        { value: p.typecheck?.errors ?? 0, className: 'seg-type', title: `${p.name}: ${p.typecheck?.errors ?? 0} type errors` },
      ],
      valueText: `${p.lint?.errors ?? 0} lint / ${p.typecheck?.errors ?? 0} type`,
    }));
  // Different metrics have different units, so each change is drawn relative to its baseline value.
  const deltaRows: BarChartRow[] = report.projects
    .flatMap((p) => p.deltas.filter((d) => d.trend !== 'same').map((d) => ({ p, d })))
    .sort((a, b) => Number(b.d.trend === 'worse') - Number(a.d.trend === 'worse') || Math.abs(b.d.change) - Math.abs(a.d.change))
    .slice(0, 40)
    .map(({ p, d }) => {
      const relative = Math.min(100, (Math.abs(d.change) / Math.max(Math.abs(d.baseline), 1)) * 100);
      return {
        label: `${p.name} ${d.metric}`,
        segments: [{ value: relative, className: d.trend === 'worse' ? 'seg-bad' : 'seg-good', title: `${p.name}: ${d.text} (${d.trend})` }],
        valueText: `${formatMetricValue(d.baseline)} → ${formatMetricValue(d.current)}`,
      };
    });
  return (
    `<h3>Line coverage per project</h3>${renderSvgBarChart({ id: 'chart-coverage', title: 'Line coverage per project', rows: coverageRows, max: 100, emptyText: 'No coverage recorded.' })}` +
    `<h3>Lint and type errors per project</h3>${renderSvgBarChart({ id: 'chart-errors', title: 'Lint and type errors per project', rows: errorRows, emptyText: 'No lint or type errors.' })}` +
    `<h3>Changes against the baseline</h3>${renderSvgBarChart({ id: 'chart-deltas', title: 'Changes against the baseline (relative to the baseline value)', rows: deltaRows, max: 100, emptyText: report.baseline.state === 'ok' ? 'No metric changed against the baseline.' : 'No baseline.' })}`
  );
}

function list(items: string[], empty: string): string {
  return items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : `<p class="empty">${h(empty)}</p>`;
}

function gapsSection(report: Report): string {
  const g = report.gaps;
  return (
    `<h3>Lowest coverage</h3>${list(g.lowestCoverage.map((x) => `${h(x.project)}: ${h(formatPercent(x.lines))}`), 'No coverage recorded.')}` +
    `<h3>Files with the most uncovered lines</h3>${list(g.lowestCoverageFiles.map((x) => `<code>${h(x.file)}</code> (${h(x.project)}): ${h(formatPercent(x.lines))} of ${countPhrase(x.totalLines, 'line')}`), 'None.')}` +
    `<h3>Most lint errors</h3>${list(g.mostLintErrors.map((x) => `${h(x.project)}: ${countPhrase(x.errors, 'error')}, ${countPhrase(x.warnings, 'warning')}`), 'None.')}` +
    `<h3>Untested modules</h3>${list(g.untestedModules.map((x) => `<code>${h(x.file)}</code> (${h(x.project)}): fan-in ${x.fanIn}, ${countPhrase(x.lines, 'line')}${x.reachedIndirectly ? ', reached only indirectly' : ''}`), 'None found.')}`
  );
}

function testKindsTable(report: Report): string {
  const rows = report.projects.filter((p) => Object.keys(p.testKinds).length);
  if (!report.testKinds.length || !rows.length) return '<p class="empty">No test kinds recorded.</p>';
  const text = (count: ProjectReport['testKinds'][string] | undefined) =>
    !count ? '–' : count.counted === 'static' ? `${count.tests} (static)` : count.counted === 'mixed' ? `${count.tests} (partly static)` : String(count.tests);
  return (
    '<p class="muted">Tests that ran (test.json); <em>static</em>: test calls the code-health scan counted in test files no test result covers (health.json), not a number of tests run.</p>' +
    `<table id="test-kinds" class="sortable"><thead><tr>${header('Project')}${report.testKinds.map((k) => header(k, true)).join('')}</tr></thead><tbody>` +
    rows.map((p) => `<tr>${cell(p.name, p.name)}${report.testKinds.map((k) => cell(text(p.testKinds[k]), p.testKinds[k]?.tests ?? null, true)).join('')}</tr>`).join('') +
    '</tbody></table>'
  );
}

function healthTable(report: Report): string {
  const rows = report.projects.filter((p) => p.health);
  if (!rows.length) return '<p class="empty">No health analysis recorded.</p>';
  return (
    `<table id="health" class="sortable"><thead><tr>${header('Project')}${HEALTH_COLUMNS.map((c) => header(c.label, true)).join('')}</tr></thead><tbody>` +
    rows.map((p) => `<tr>${cell(p.name, p.name)}${HEALTH_COLUMNS.map((c) => cell(String(p.health?.[c.key] ?? 0), p.health?.[c.key] ?? 0, true)).join('')}</tr>`).join('') +
    `</tbody><tfoot><tr><th>Total</th>${HEALTH_COLUMNS.map((c) => `<td class="num">${report.totals.health[c.key] ?? 0}</td>`).join('')}</tr></tfoot></table>`
  );
}

function projectDetail(p: ProjectReport): string {
  const results = Object.entries(p.results)
    .map(
      ([kind, s]) =>
        `<tr><td>${h(kind)}</td><td>${h(s.origin === 'not-run' ? 'not run' : s.origin)}${s.lastKnown ? ' (last known)' : ''}</td><td>${h(s.status ?? '')}</td><td><code>${h(s.file ?? '')}</code></td><td>${h(s.startedAt ?? '')}</td><td>${h(s.error ? `${s.error.code}: ${s.error.message}${s.error.hint ? ` Fix: ${s.error.hint}` : ''}` : (s.reason ?? s.taskStatus ?? ''))}</td></tr>`,
    )
    .join('');
  const conditions = p.gate.conditions
    .map(
      (c) =>
        `<tr class="${c.passed ? 'good' : 'bad'}"><td>${h(c.metric)}</td><td>${h(c.op)} ${h(formatMetricValue(c.threshold))}</td><td>${c.actual === null ? 'unknown' : h(formatMetricValue(c.actual))}</td><td>${h(c.source)}</td><td>${c.passed ? 'passed' : h(c.message ?? 'failed')}</td></tr>`,
    )
    .join('');
  const failures = p.failures
    .map((f) => `<li><code>${h(f.file)}${f.line ? `:${f.line}` : ''}</code> ${h(f.fullName)}<pre>${h(f.message)}</pre></li>`)
    .join('');
  const rules = p.lint?.topRules.map((r) => `<li><code>${h(r.rule)}</code>: ${countPhrase(r.errors, 'error')}, ${countPhrase(r.warnings, 'warning')}</li>`).join('') ?? '';
  const codes = p.typecheck?.topCodes.map((c) => `<li><code>${h(c.code)}</code>: ${c.count}</li>`).join('') ?? '';
  const lintErrors = p.lintErrors.map((e) => `<li><code>${h(e.file)}${e.line ? `:${e.line}` : ''}</code> <code>${h(e.rule)}</code> ${h(e.message)}</li>`).join('');
  const typeErrors = p.typeErrors.map((e) => `<li><code>${h(e.file ?? '(no file)')}${e.line ? `:${e.line}` : ''}</code> <code>${h(e.code)}</code> ${h(e.message)}</li>`).join('');
  const errors = p.toolErrors.map((e) => `<li>${h(e.kind)} (<code>${h(e.code)}</code>): ${h(e.message)}${e.file ? ` (<code>${h(e.file)}</code>)` : ''}${e.hint ? ` Fix: ${h(e.hint)}` : ''}</li>`).join('');
  const deltas = p.deltas.map((d) => `<li class="${d.trend === 'worse' ? 'bad' : d.trend === 'better' ? 'good' : ''}">${h(d.text)} (${d.trend})</li>`).join('');
  return (
    `<details id="${anchor(p.name)}"${p.gate.status === 'failed' ? ' open' : ''}><summary>${h(p.name)} <span class="pill">${h(p.gate.status)}</span> <span class="muted">${h(p.root)}</span></summary>` +
    `<h4>Results</h4><table><thead><tr><th>Kind</th><th>Origin</th><th>Status</th><th>File</th><th>Produced</th><th>Note</th></tr></thead><tbody>${results}</tbody></table>` +
    (errors ? `<h4>Tools that could not run</h4><ul>${errors}</ul>` : '') +
    `<h4>Gate conditions</h4>${conditions ? `<table><thead><tr><th>Metric</th><th>Required</th><th>Actual</th><th>Source</th><th>Outcome</th></tr></thead><tbody>${conditions}</tbody></table>` : `<p class="empty">${h(p.gate.reason ?? 'Not evaluated.')}</p>`}` +
    (failures ? `<h4>Failing tests</h4><ul>${failures}</ul>${p.failuresOmitted ? `<p class="muted">… ${p.failuresOmitted} more</p>` : ''}` : '') +
    (lintErrors ? `<h4>Lint errors</h4><ul>${lintErrors}</ul>${p.lintErrorsOmitted ? `<p class="muted">… ${p.lintErrorsOmitted} more</p>` : ''}` : '') +
    (typeErrors ? `<h4>Type errors</h4><ul>${typeErrors}</ul>${p.typeErrorsOmitted ? `<p class="muted">… ${p.typeErrorsOmitted} more</p>` : ''}` : '') +
    (rules ? `<h4>Top lint rules</h4><ul>${rules}</ul>` : '') +
    (codes ? `<h4>TypeScript error codes</h4><ul>${codes}</ul>` : '') +
    (deltas ? `<h4>Against the baseline</h4><ul>${deltas}</ul>` : '') +
    '</details>'
  );
}

function problemsSection(report: Report): string {
  const items: string[] = [];
  for (const p of report.projects) {
    for (const [kind, s] of Object.entries(p.results)) {
      if (s.origin === 'missing' || s.origin === 'invalid' || s.origin === 'stale') items.push(`${h(p.name)} ${h(kind)}: ${h(s.origin)}${s.file ? ` (<code>${h(s.file)}</code>)` : ''}${s.reason ? ` – ${h(s.reason)}` : ''}`);
    }
  }
  for (const x of report.coverageLeftOut) items.push(`${h(x.project)}: coverage left out of the merged coverage, ${h(x.reason)}`);
  for (const o of report.invalidOutputs) items.push(`${h(o.project)}:${h(o.target)} output <code>${h(o.output)}</code> ignored: ${h(o.reason)}`);
  for (const problem of report.problems) items.push(h(problem));
  if (report.baseline.state === 'invalid') items.push(`baseline <code>${h(report.baseline.file)}</code> invalid: ${h(report.baseline.reason ?? '')}`);
  return items.length ? `<section id="problems"><h2>Results that could not be used (${items.length})</h2>${list(items.slice(0, 500), '')}</section>` : '';
}

/** A section listing each project with a note (`note` undefined: not listed), the note escaped. */
function projectNotesSection(report: Report, { id, title, note }: ProjectNoteSection): string {
  const items = report.projects.flatMap((p) => {
    const text = note(p);
    return text === undefined ? [] : [`${h(p.name)}: ${h(text)}`];
  });
  return items.length ? `<section id="${id}"><h2>${h(title)} (${items.length})</h2>${list(items.slice(0, 500), '')}</section>` : '';
}

/**
 * `index.html`: one self-contained page (no network; a Content Security Policy allows only its own
 * inline style and script by hash) with cards, a sortable project table, SVG charts, failing
 * conditions, top gaps, the test-kind matrix and per-project details. Every string is HTML-escaped;
 * report.json's content is embedded as `<script type="application/json">` with `<` escaped.
 */
export function renderReportHtml(report: Report): string {
  return renderReportHtmlPieces(report).join('');
}

/** `index.html` in three pieces (the page before the embedded report, the report's JSON, the rest), so a large page is written without joining it first. */
export function renderReportHtmlPieces(report: Report): string[] {
  const t = report.totals;
  const csp = `default-src 'none'; img-src data:; style-src ${cspHash(REPORT_CSS)}; script-src ${cspHash(REPORT_JS)}; base-uri 'none'; form-action 'none'`;
  const failing = report.failingConditions.slice(0, 500).map((c) => h(c.message ?? c.metric));
  const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>nx-quality report</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header><h1>nx-quality report</h1><p class="meta">Generated ${h(report.generatedAt)} by the ${report.producer === 'hook' ? 'after-run hook' : 'quality-report executor'}${report.invocation ? `; this run: ${countPhrase(report.invocation.projectsRun.length, 'project')}, targets ${h(report.invocation.targets.join(', '))}` : ''}.</p></header>
<section class="cards">
${card('projects failing their gates', `${t.gatesFailed} / ${t.projects}`, t.gatesFailed ? 'bad' : 'good')}
${card('tests passed / failed / skipped', `${t.tests.passed} / ${t.tests.failed} / ${t.tests.skipped}`, t.tests.failed ? 'bad' : '')}
${card('line coverage (merged)', formatLineCoverage(t.coverage))}
${card('lint errors / warnings', `${t.lint.errors} / ${t.lint.warnings}`, t.lint.errors ? 'bad' : '')}
${card('type errors', String(t.typecheck.errors), t.typecheck.errors ? 'bad' : '')}
</section>
<section><h2>Projects</h2>${projectsTable(report)}</section>
<section><h2>Charts</h2>${charts(report)}</section>
<section><h2>Failing conditions (${report.failingConditions.length})</h2>${list(failing, 'Every evaluated gate passes.')}${report.failingConditions.length > 500 ? `<p class="muted">… ${report.failingConditions.length - 500} more in report.json</p>` : ''}</section>
${problemsSection(report)}${PROJECT_NOTE_SECTIONS.map((section) => projectNotesSection(report, section)).join('')}
<section><h2>Top gaps</h2>${gapsSection(report)}</section>
<section><h2>Tests per kind</h2>${testKindsTable(report)}</section>
<section><h2>Code health</h2>${healthTable(report)}</section>
<section><h2>Project details</h2>${report.projects.map(projectDetail).join('\n')}</section>
<script type="application/json" id="nxq-report-data">`;
  return [
    page,
    embedJsonInHtml(serializableReport(report)),
    `</script>
<script>${REPORT_JS}</script>
</body>
</html>
`,
  ];
}
