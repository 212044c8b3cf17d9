import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Workspace-relative POSIX path of a file; absolute paths outside the workspace are kept as given, in POSIX form. */
export function toWorkspacePath(workspaceRoot: string, file: string): string {
  const absolute = isAbsolute(file) ? file : resolve(workspaceRoot, file);
  const rel = relative(workspaceRoot, absolute);
  if (rel === '') return '.';
  if (rel.startsWith('..') || isAbsolute(rel)) return absolute.split(sep).join('/');
  return rel.split(sep).join('/');
}

/** Whether a path (absolute, or relative to the workspace) stays inside the workspace. */
export function isInsideWorkspace(workspaceRoot: string, file: string): boolean {
  const rel = relative(workspaceRoot, resolve(workspaceRoot, file));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
