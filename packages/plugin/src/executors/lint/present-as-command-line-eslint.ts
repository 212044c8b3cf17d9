import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Makes this process (a batch process or batch worker that lints) present itself as a command-line
 * ESLint run: `process.argv[1]` becomes the path of the workspace's ESLint CLI script
 * (`eslint/bin/eslint.js`).
 *
 * @nx/eslint-plugin's rules (enforce-module-boundaries, dependency-checks) read the cached project
 * graph once per process when the process is a command-line run, which they tell by `argv[1]`
 * (ESLint's CLI, Jest's bin or Nx's run-executor; the last one's pattern differs between Nx versions,
 * ESLint's does not); in any other process they read and index it again for every file they lint, as
 * an editor's long-lived ESLint must. A batch process lints for one Nx run, whose graph does not
 * change while it runs, so reading it once gives the same findings.
 *
 * Returns whether `argv[1]` was changed: not when the workspace resolves no ESLint.
 */
export function presentAsCommandLineEslint(workspaceRoot: string, argv: string[] = process.argv, resolveEslintPackage: (root: string) => string = eslintPackageJsonOf): boolean {
  let eslintRoot: string;
  try {
    eslintRoot = dirname(resolveEslintPackage(workspaceRoot));
  } catch (error) {
    // No ESLint where the workspace resolves it: nothing to present as (the lint task says why it cannot run).
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return false;
    throw error;
  }
  const cli = join(eslintRoot, 'bin', 'eslint.js');
  if (!existsSync(cli)) return false;
  argv[1] = cli;
  return true;
}

function eslintPackageJsonOf(workspaceRoot: string): string {
  return require.resolve('eslint/package.json', { paths: [workspaceRoot] });
}
