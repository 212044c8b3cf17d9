import { escapeWorkflowData, escapeWorkflowProperty } from './escape-workflow-command';
import { currentValue } from './current-value';
import type { ReportProjectInput } from './report-inputs';
import type { Report } from './report-schema';

/** GitHub shows at most 10 error and 10 warning annotations per step. */
export const GITHUB_ANNOTATION_LIMIT = 10;

interface Annotation {
  title: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

function command(level: 'error' | 'warning', a: Annotation): string {
  const props = [
    a.file ? `file=${escapeWorkflowProperty(a.file)}` : undefined,
    a.file && a.line ? `line=${a.line}` : undefined,
    a.file && a.line && a.column ? `col=${a.column}` : undefined,
    `title=${escapeWorkflowProperty(a.title)}`,
  ].filter(Boolean);
  return `::${level} ${props.join(',')}::${escapeWorkflowData(a.message)}`;
}

/**
 * GitHub Actions annotations (`::error file=…,line=…::message`): first the failing gate conditions,
 * then failing tests, type errors and lint errors as errors; lint warnings as warnings; at most
 * `limit` of each, the last one saying how many more there are.
 */
export function renderGithubAnnotations(report: Report, projects: ReportProjectInput[], limit = GITHUB_ANNOTATION_LIMIT): string[] {
  const projectFiles = new Map(projects.map((p) => [p.name, p.projectFile]));
  const errors: Annotation[] = report.failingConditions.map((c) => ({
    title: `quality gate: ${c.project}`,
    message: c.message ?? c.metric,
    file: projectFiles.get(c.project),
  }));
  const warnings: Annotation[] = [];
  for (const project of [...projects].sort((a, b) => a.name.localeCompare(b.name))) {
    for (const f of currentValue(project.results.test)?.failures ?? []) {
      errors.push({ title: `test failed: ${f.fullName}`, message: f.message, file: f.file, line: f.line, column: f.column });
    }
    for (const d of currentValue(project.results.typecheck)?.diagnostics ?? []) {
      if (d.category === 'error') errors.push({ title: `${d.code} (${project.name})`, message: d.message, file: d.file, line: d.line, column: d.column });
    }
    for (const m of currentValue(project.results.lint)?.messages ?? []) {
      const annotation = { title: `${m.ruleId} (${project.name})`, message: m.message, file: m.file, line: m.line || undefined, column: m.column || undefined };
      (m.severity === 'error' ? errors : warnings).push(annotation);
      if (errors.length > limit && warnings.length > limit) break;
    }
  }
  const cap = (level: 'error' | 'warning', list: Annotation[]) => {
    const lines = list.slice(0, limit).map((a) => command(level, a));
    if (list.length > limit && lines.length > 0) {
      const last = list[limit - 1] as Annotation;
      lines[limit - 1] = command(level, { ...last, message: `${last.message}\n(and more ${level}s: see the nx-quality report)` });
    }
    return lines;
  };
  return [...cap('error', errors), ...cap('warning', warnings)];
}
