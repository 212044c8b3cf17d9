import { posix } from 'node:path';

/** Default folder of a project's results, relative to the workspace root; `{projectRoot}` is substituted. */
export const DEFAULT_RESULTS_DIR = 'dist/quality/{projectRoot}';

/** The result files a project has, under its results folder. */
export const RESULT_FILE_NAMES = {
  test: 'test.json',
  coverage: 'coverage-final.json',
  lint: 'lint.json',
  typecheck: 'typecheck.json',
  health: 'health.json',
  quality: 'quality.json',
} as const;

/** Expands `{projectRoot}`/`{projectName}` in a results-dir template into a workspace-relative POSIX folder. */
export function resolveResultsDir(template: string, project: { name: string; root: string }): string {
  const root = project.root === '' ? '.' : project.root;
  // Same substitution Nx applies to `outputs`, so declared outputs and written files agree.
  const expanded = template.replaceAll('{projectRoot}', root).replaceAll('{projectName}', project.name);
  return posix.normalize(expanded.replace(/^\{workspaceRoot\}\/?/, '')).replace(/\/$/, '');
}
