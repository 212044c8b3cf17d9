import { toWorkspacePath } from '@nx-quality/core';

/** A path both absolute (for the tools) and workspace-relative POSIX (for result files and messages). */
export interface WorkspacePath {
  absolute: string;
  relative: string;
}

/** The two forms of an absolute path inside the workspace. */
export function workspacePath(workspaceRoot: string, absolute: string): WorkspacePath {
  return { absolute, relative: toWorkspacePath(workspaceRoot, absolute) };
}
