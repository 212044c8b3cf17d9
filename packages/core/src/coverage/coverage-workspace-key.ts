import { isAbsolute, posix, relative, sep } from 'node:path';

/**
 * A coverage map key as a workspace-relative POSIX path, or why it cannot be one (absolute without a
 * workspace root to relate it to, or outside the workspace).
 */
export function coverageWorkspaceKey(key: string, workspaceRoot: string | undefined): string | { reason: string } {
  const slashed = key.split('\\').join('/');
  if (isAbsolute(key) || /^[A-Za-z]:\//.test(slashed)) {
    if (!workspaceRoot) return { reason: 'absolute path; coverage keys must be workspace-relative' };
    const rel = relative(workspaceRoot, key);
    if (rel.startsWith('..') || isAbsolute(rel)) return { reason: 'outside the workspace' };
    return rel.split(sep).join('/');
  }
  const normalized = posix.normalize(slashed);
  if (normalized.startsWith('..') || normalized === '..') return { reason: 'outside the workspace' };
  return normalized;
}
