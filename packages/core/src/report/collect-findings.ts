import { currentValue } from './current-value';
import type { ProjectFindings } from './report-model';
import type { ReportProjectInput } from './report-inputs';

/**
 * The findings of every project, by name. Lists are shared with the results, not copied: the model
 * holds them for the renderers without a second copy of every message.
 */
export function collectFindings(projects: ReportProjectInput[]): ProjectFindings[] {
  return [...projects]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((project) => {
      const findings: ProjectFindings = { project: project.name };
      if (project.projectFile) findings.projectFile = project.projectFile;
      const testInput = project.results.test;
      if (testInput) {
        const { origin, file, reason, taskStatus } = testInput;
        const test = currentValue(testInput);
        findings.test = {
          origin,
          ...(file !== undefined ? { file } : {}),
          ...(reason !== undefined ? { reason } : {}),
          ...(taskStatus !== undefined ? { taskStatus } : {}),
          ...(test
            ? { run: { status: test.status, error: test.error, counts: test.counts, durationMs: test.durationMs, files: test.files, failures: test.failures } }
            : {}),
        };
      }
      const lint = currentValue(project.results.lint);
      if (lint) findings.lint = { status: lint.status, tool: lint.tool, messages: lint.messages, messagesOmitted: lint.messagesOmitted };
      const typecheck = currentValue(project.results.typecheck);
      if (typecheck) {
        findings.typecheck = { status: typecheck.status, tool: typecheck.tool, diagnostics: typecheck.diagnostics, diagnosticsOmitted: typecheck.diagnosticsOmitted };
      }
      return findings;
    });
}
