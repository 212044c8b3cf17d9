import type { HealthResult } from '../schemas/health-result';
import type { TestResult } from '../schemas/test-result';
import type { Report } from './report-model';
import type { ProjectReport } from './report-schema';

/** The largest gaps of the workspace: lowest coverage (projects and files), most lint errors, untested modules. */
export function findTopGaps(
  projects: ProjectReport[],
  sources: Map<string, { test?: TestResult; health?: HealthResult }>,
  limit: number,
): Report['gaps'] {
  const lowestCoverage = projects
    .filter((p) => p.coverage)
    .map((p) => ({ project: p.name, lines: p.coverage?.lines.pct ?? 0 }))
    .sort((a, b) => a.lines - b.lines || a.project.localeCompare(b.project))
    .slice(0, limit);
  const files: Report['gaps']['lowestCoverageFiles'] = [];
  const untested: Report['gaps']['untestedModules'] = [];
  for (const [project, { test, health }] of sources) {
    for (const file of test?.coverage?.files ?? []) {
      if (file.lines.total > 0 && file.lines.pct < 100) {
        files.push({ project, file: file.file, lines: file.lines.pct, totalLines: file.lines.total });
      }
    }
    for (const module of health?.untestedModules ?? []) {
      untested.push({ project, file: module.file, fanIn: module.fanIn, lines: module.lines, reachedIndirectly: module.reachedIndirectly });
    }
  }
  const mostLintErrors = projects
    .filter((p) => p.lint && (p.lint.errors > 0 || p.lint.warnings > 0))
    .map((p) => ({ project: p.name, errors: p.lint?.errors ?? 0, warnings: p.lint?.warnings ?? 0 }))
    .sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || a.project.localeCompare(b.project))
    .slice(0, limit);
  return {
    lowestCoverage,
    // Uncovered lines weigh more than percentages: a 10-line file at 0% is a smaller gap than a 900-line one at 40%.
    lowestCoverageFiles: files
      .sort((a, b) => b.totalLines * (100 - b.lines) - a.totalLines * (100 - a.lines) || a.file.localeCompare(b.file))
      .slice(0, limit),
    mostLintErrors,
    untestedModules: untested
      .sort((a, b) => Number(a.reachedIndirectly) - Number(b.reachedIndirectly) || b.fanIn - a.fanIn || b.lines - a.lines || a.file.localeCompare(b.file))
      .slice(0, limit),
  };
}
