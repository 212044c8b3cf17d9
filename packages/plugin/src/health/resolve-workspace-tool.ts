import { QualityError } from '@nx-quality/core';

/**
 * Loads a tool (eslint, typescript) from the user's workspace, so the analysis runs the version the
 * workspace pins rather than whatever this plugin happened to be installed with.
 */
export function resolveWorkspaceTool<T>(name: 'eslint' | 'typescript', workspaceRoot: string): T {
  let path: string;
  try {
    path = require.resolve(name, { paths: [workspaceRoot] });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    throw new QualityError('HEALTH_TOOL_MISSING', `The health analysis needs ${name}, which is not installed in ${workspaceRoot}.`, {
      hint: `Install it: npm install -D ${name}`,
      cause: error,
    });
  }
  return require(path) as T;
}
