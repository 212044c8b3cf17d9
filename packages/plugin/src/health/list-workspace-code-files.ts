import { globSync } from 'tinyglobby';

const CODE_FILES = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';
const NEVER_SOURCES = ['**/node_modules/**', '**/dist/**', '**/.nx/**', '**/.git/**', '**/out-tsc/**', '**/coverage/**', '**/tmp/**', '**/*.d.{ts,mts,cts}', '**/__fixtures__/**'];

/**
 * Code files of the workspace outside the given project root (workspace-relative POSIX), for
 * workspace-wide fan-in. Build output, caches and dependencies are skipped.
 */
export function listWorkspaceCodeFiles(workspaceRoot: string, projectRoot: string): string[] {
  // The root project already contains every file of the workspace.
  if (projectRoot === '.') return [];
  const ignore = [...NEVER_SOURCES, `${projectRoot}/**`];
  return globSync(CODE_FILES, { cwd: workspaceRoot, ignore, dot: false, onlyFiles: true, followSymbolicLinks: false }).sort();
}
