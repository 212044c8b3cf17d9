import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where Nx keeps the script it runs an executor's process from: `dist/bin` from Nx 23, `bin` before. */
const RUN_EXECUTOR_SCRIPTS = ['dist/bin/run-executor.js', 'bin/run-executor.js'];

/**
 * Makes this process (a batch process or batch worker that lints) present itself as the process Nx
 * runs an executor in: `process.argv[1]` becomes the path of the workspace's Nx `run-executor.js`.
 *
 * @nx/eslint-plugin's rules (enforce-module-boundaries, dependency-checks) read the cached project
 * graph once per process when the process is a command-line run, which they tell by `argv[1]`
 * (Nx's run-executor, ESLint's or Jest's bin); in any other process they read and index it again
 * for every file they lint, as an editor's long-lived ESLint must. A batch process lints for one Nx
 * run, whose graph does not change while it runs, so reading it once gives the same findings.
 *
 * Returns whether `argv[1]` was changed: not when it already is Nx's run-executor (the single-task
 * executor) or when the workspace's Nx has no such script.
 */
export function presentAsNxExecutorProcess(workspaceRoot: string, argv: string[] = process.argv, resolveNxPackage: (root: string) => string = nxPackageJsonOf): boolean {
  if (argv[1] !== undefined && /[\\/]run-executor\.js$/.test(argv[1])) return false;
  let nxRoot: string;
  try {
    nxRoot = dirname(resolveNxPackage(workspaceRoot));
  } catch (error) {
    // No Nx where the workspace resolves it: nothing to present as.
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return false;
    throw error;
  }
  const script = RUN_EXECUTOR_SCRIPTS.map((relative) => join(nxRoot, relative)).find((candidate) => existsSync(candidate));
  if (script === undefined) return false;
  argv[1] = script;
  return true;
}

function nxPackageJsonOf(workspaceRoot: string): string {
  return require.resolve('nx/package.json', { paths: [workspaceRoot] });
}
