import { countPhrase } from './count-phrase';
import { gateHeadline, OUTDATED_GATES_TEXT } from './gate-headline';
import { PROJECT_NOTE_SECTIONS, type ProjectNoteSection } from './project-note-sections';
import { describeOrigin } from './describe-origin';
import { escapeMarkdown as md } from './escape-markdown';
import { formatLineCoverage, formatPercent } from './format-numbers';
import { HEALTH_COLUMNS } from './health-columns';
import { markdownCodeSpan } from './markdown-code-span';
import type { Report } from './report-model';
import type { ProjectReport } from './report-schema';

/** GitHub's `$GITHUB_STEP_SUMMARY` limit is 1 MiB; stay below it with room for other steps' notes. */
export const DEFAULT_MARKDOWN_MAX_BYTES = 1_000_000;

interface Caps {
  projects: number;
  /** Failing projects whose failing tests, lint errors and type errors are listed. */
  failingProjects: number;
  /** Entries of each of those lists per project. */
  perList: number;
  conditions: number;
  gaps: number;
  deltas: number;
  problems: number;
}

const GATE_ICON: Record<ProjectReport['gate']['status'], string> = { passed: '✅ passed', failed: '❌ failed', 'not-evaluated': '➖ not evaluated' };

function more(omitted: number, singular: string, plural = `${singular}s`): string[] {
  return omitted > 0 ? [`- _… ${countPhrase(omitted, `more ${singular}`, `more ${plural}`)} not shown (see report.json or index.html)_`] : [];
}

const HEADLINE_ICON = { failed: '❌', passed: '✅', none: '➖' } as const;

function headline(report: Report): string[] {
  const t = report.totals;
  const gates = gateHeadline(report);
  const status = `${HEADLINE_ICON[gates.outcome]} **${gates.text.charAt(0).toUpperCase()}${gates.text.slice(1)}**`;
  const origins = Object.entries(t.resultOrigins)
    .map(([origin, count]) => `${count} ${origin}`)
    .join(', ');
  const leftOut = report.coverageLeftOut.map((x) => `${md(x.project)} (${md(x.reason)})`);
  return [
    '## nx-quality report',
    '',
    `${status}${gates.notEvaluated}`,
    '',
    `Tests: **${t.tests.passed} passed**, ${t.tests.failed} failed, ${t.tests.skipped} skipped, ${t.tests.todo} todo` +
      `${t.suitesErrored ? `, ${countPhrase(t.suitesErrored, 'test file')} could not run` : ''} · Coverage (lines, merged): **${formatLineCoverage(t.coverage)}** · ` +
      `Lint: **${countPhrase(t.lint.errors, 'error')}**, ${countPhrase(t.lint.warnings, 'warning')} · Type errors: **${t.typecheck.errors}**`,
    ...(leftOut.length ? ['', `Merged coverage leaves out ${countPhrase(leftOut.length, 'project')}: ${leftOut.join(', ')}.`] : []),
    ...(gates.outdated.length ? ['', `${OUTDATED_GATES_TEXT.charAt(0).toUpperCase()}${OUTDATED_GATES_TEXT.slice(1)}: ${gates.outdated.map(md).join(', ')}.`] : []),
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
  if (report.projects.length > cap) lines.push('', ...more(report.projects.length - cap, 'project'));
  return lines;
}

function location(file: string | undefined, line: number | undefined): string {
  return md(`${file ?? '(no file)'}${line ? `:${line}` : ''}`);
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '') ?? '';
}

/** One capped list of a failing project, with the exact number left out. */
function detailList(title: string, items: string[], omitted: number, cap: number): string[] {
  if (items.length === 0) return [];
  const rest = Math.max(0, items.length - cap) + omitted;
  return [`- ${title}:`, ...items.slice(0, cap).map((item) => `  - ${item}`), ...(rest > 0 ? [`  - … ${rest} more`] : [])];
}

/** Per failing project: its first failing tests, lint errors and type errors, where to look. */
function failureDetails(report: Report, caps: Caps): string[] {
  const failing = report.projects.filter((p) => p.gate.status === 'failed');
  const shown = failing.slice(0, caps.failingProjects);
  const blocks = shown.flatMap((p) => {
    const tests = p.failures.map((f) => `${location(f.file, f.line)} ${md(f.fullName)}${f.message ? ` – ${md(firstLine(f.message))}` : ''}`);
    const lint = p.lintErrors.map((e) => `${location(e.file, e.line)} ${md(e.rule)}${e.message ? ` – ${md(firstLine(e.message))}` : ''}`);
    const types = p.typeErrors.map((e) => `${location(e.file, e.line)} ${md(e.code)}${e.message ? ` – ${md(firstLine(e.message))}` : ''}`);
    const lines = [
      ...detailList(`Failing tests (${p.tests?.counts.failed ?? p.failures.length + p.failuresOmitted})`, tests, p.failuresOmitted, caps.perList),
      ...detailList(`Lint errors (${p.lint?.errors ?? p.lintErrors.length})`, lint, p.lintErrorsOmitted, caps.perList),
      ...detailList(`Type errors (${p.typecheck?.errors ?? p.typeErrors.length})`, types, p.typeErrorsOmitted, caps.perList),
    ];
    return lines.length ? ['', `**${md(p.name)}**`, '', ...lines] : [];
  });
  if (blocks.length === 0) return [];
  return ['', '### What fails', ...blocks, ...(failing.length > shown.length ? ['', ...more(failing.length - shown.length, 'failing project')] : [])];
}

function failingConditions(report: Report, cap: number): string[] {
  if (report.failingConditions.length === 0) return [];
  return [
    '',
    `### Failing conditions (${report.failingConditions.length})`,
    '',
    ...report.failingConditions.slice(0, cap).map((c) => `- ${markdownCodeSpan(c.message ?? `${c.metric} (project ${c.project})`)}`),
    ...more(report.failingConditions.length - cap, 'failing condition'),
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
      ...g.lowestCoverageFiles.slice(0, cap).map((x) => `- ${md(x.file)} (${md(x.project)}): ${formatPercent(x.lines)} of ${countPhrase(x.totalLines, 'line')}`),
    );
  }
  if (g.mostLintErrors.length) {
    out.push(
      '',
      '**Most lint errors**',
      '',
      ...g.mostLintErrors.slice(0, cap).map((x) => `- ${md(x.project)}: ${countPhrase(x.errors, 'error')}, ${countPhrase(x.warnings, 'warning')}`),
    );
  }
  if (g.untestedModules.length) {
    out.push(
      '',
      '**Untested modules** (no test imports them; ranked by fan-in)',
      '',
      ...g.untestedModules
        .slice(0, cap)
        .map((x) => `- ${md(x.file)} (${md(x.project)}): fan-in ${x.fanIn}, ${countPhrase(x.lines, 'line')}${x.reachedIndirectly ? ', reached only indirectly' : ''}`),
    );
  }
  return out.length ? ['', '### Top gaps', ...out] : [];
}

function testKinds(report: Report, cap: number): string[] {
  const kinds = report.testKinds;
  const rows = report.projects.filter((p) => Object.keys(p.testKinds).length > 0);
  if (kinds.length === 0 || rows.length === 0) return [];
  const cellOf = (count: ProjectReport['testKinds'][string] | undefined) =>
    !count ? '–' : count.counted === 'static' ? `${count.tests} (static)` : count.counted === 'mixed' ? `${count.tests} (partly static)` : String(count.tests);
  const anyStatic = rows.some((p) => Object.values(p.testKinds).some((c) => c.counted === 'static' || c.counted === 'mixed'));
  const lines = [
    '',
    '### Tests per kind',
    '',
    anyStatic
      ? 'Tests that ran (test.json); _static_: test calls the code-health scan counted in test files no test result covers (health.json), not a number of tests run.'
      : 'Tests that ran (test.json).',
    '',
    `| Project | ${kinds.map(md).join(' | ')} |`,
    `|---|${kinds.map(() => '---:|').join('')}`,
    ...rows.slice(0, cap).map((p) => `| ${md(p.name)} | ${kinds.map((k) => cellOf(p.testKinds[k])).join(' | ')} |`),
  ];
  if (rows.length > cap) lines.push('', ...more(rows.length - cap, 'project'));
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
  if (rows.length > cap) lines.push('', ...more(rows.length - cap, 'project'));
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
    ...more(changed.length - cap, 'change'),
  ];
}

function problems(report: Report, cap: number): string[] {
  const items: string[] = [];
  for (const p of report.projects) {
    for (const [kind, state] of Object.entries(p.results)) {
      if (state.origin === 'missing' || state.origin === 'invalid' || state.origin === 'stale') {
        items.push(`- ${md(p.name)} ${kind}: ${state.origin}${state.file ? ` (${md(state.file)})` : ''}${state.reason ? ` – ${md(state.reason)}` : ''}`);
      }
    }
    for (const error of p.toolErrors) {
      items.push(`- ${md(p.name)} ${error.kind} could not run (${md(error.code)}): ${md(error.message)}${error.hint ? ` Fix: ${md(error.hint)}` : ''}`);
    }
  }
  for (const o of report.invalidOutputs) items.push(`- ${md(o.project)}:${md(o.target)} output ${md(o.output)} ignored: ${md(o.reason)}`);
  for (const problem of report.problems) items.push(`- ${md(problem)}`);
  if (report.baseline.state === 'invalid') items.push(`- baseline ${md(report.baseline.file)} invalid: ${md(report.baseline.reason ?? '')}`);
  if (items.length === 0) return [];
  return ['', `### Results that could not be used (${items.length})`, '', ...items.slice(0, cap), ...more(items.length - cap, 'entry', 'entries')];
}

/** A section listing each project with a note (`note` undefined: not listed), the note escaped. */
function projectNotes(report: Report, { title, note }: ProjectNoteSection, cap: number): string[] {
  const items = report.projects.flatMap((p) => {
    const text = note(p);
    return text === undefined ? [] : [`- ${md(p.name)}: ${md(text)}`];
  });
  if (items.length === 0) return [];
  return ['', `### ${title} (${items.length})`, '', ...items.slice(0, cap), ...more(items.length - cap, 'project')];
}

function render(report: Report, caps: Caps): string {
  return `${[
    ...headline(report),
    ...projectTable(report, caps.projects),
    ...failureDetails(report, caps),
    ...failingConditions(report, caps.conditions),
    ...gaps(report, caps.gaps),
    ...testKinds(report, caps.projects),
    ...healthMatrix(report, caps.projects),
    ...deltas(report, caps.deltas),
    ...problems(report, caps.problems),
    ...PROJECT_NOTE_SECTIONS.flatMap((section) => projectNotes(report, section, caps.problems)),
  ].join('\n')}\n`;
}

/**
 * `report.md`: headline, per-project table, what fails in each failing project (first failing tests,
 * lint errors and type errors), failing conditions, top gaps, test kinds (executed or static),
 * baseline deltas, unusable results, test targets left out and lint results that are not what the
 * official target lints. Fit for a PR comment and `$GITHUB_STEP_SUMMARY`: every string from
 * user code is escaped, and long sections are cut (with a note) until the text is under `maxBytes`.
 */
export function renderReportMarkdown(report: Report, maxBytes: number = DEFAULT_MARKDOWN_MAX_BYTES): string {
  const caps: Caps = { projects: Number.MAX_SAFE_INTEGER, failingProjects: 50, perList: 5, conditions: 100, gaps: 10, deltas: 50, problems: 50 };
  let text = render(report, caps);
  while (Buffer.byteLength(text) > maxBytes) {
    const before = JSON.stringify(caps);
    caps.failingProjects = Math.floor(caps.failingProjects / 2);
    caps.perList = Math.floor(caps.perList / 2);
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
