import { escapeWorkflowData, escapeWorkflowProperty } from './escape-workflow-command';
import type { Report } from './report-model';

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
export function renderGithubAnnotations(report: Report, limit = GITHUB_ANNOTATION_LIMIT): string[] {
  const projectFiles = new Map(report.findings.map((p) => [p.project, p.projectFile]));
  const errors: Annotation[] = report.failingConditions.map((c) => ({
    title: `quality gate: ${c.project}`,
    message: c.message ?? c.metric,
    file: projectFiles.get(c.project),
  }));
  const warnings: Annotation[] = [];
  for (const project of report.findings) {
    for (const f of project.test?.run?.failures ?? []) {
      errors.push({ title: `test failed: ${f.fullName}`, message: f.message, file: f.file, line: f.line, column: f.column });
    }
    for (const d of project.typecheck?.diagnostics ?? []) {
      if (d.category === 'error') errors.push({ title: `${d.code} (${project.project})`, message: d.message, file: d.file, line: d.line, column: d.column });
    }
    for (const m of project.lint?.messages ?? []) {
      const annotation = { title: `${m.ruleId} (${project.project})`, message: m.message, file: m.file, line: m.line || undefined, column: m.column || undefined };
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
