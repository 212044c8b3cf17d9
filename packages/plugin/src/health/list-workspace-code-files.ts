import { globSync } from 'tinyglobby';
import { remembered, type HealthRunCache } from './health-run-cache';

const CODE_FILES = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';
const NEVER_SOURCES = ['**/node_modules/**', '**/dist/**', '**/.nx/**', '**/.git/**', '**/out-tsc/**', '**/coverage/**', '**/tmp/**', '**/*.d.{ts,mts,cts}', '**/__fixtures__/**'];

/**
 * Code files of the workspace outside the given project root (workspace-relative POSIX), for
 * workspace-wide fan-in. Build output, caches and dependencies are skipped. The workspace is listed
 * once per `cache` (a batch) and each project's own files are left out of that listing.
 */
export function listWorkspaceCodeFiles(workspaceRoot: string, projectRoot: string, cache?: HealthRunCache): string[] {
  // The root project already contains every file of the workspace.
  if (projectRoot === '.') return [];
  const all = remembered(cache?.workspaceCodeFiles, workspaceRoot, () =>
    globSync(CODE_FILES, { cwd: workspaceRoot, ignore: NEVER_SOURCES, dot: false, onlyFiles: true, followSymbolicLinks: false }).sort(),
  );
  const inProject = `${projectRoot}/`;
  return all.filter((file) => !file.startsWith(inProject));
}
