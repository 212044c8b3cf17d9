import { readJsonIfPresent } from './read-json-if-present';

/** The version of the `nx` package the workspace resolves (the one its `nx` command runs), or undefined when none is found. */
export function installedNxVersion(workspaceRoot: string): string | undefined {
  let manifest: string;
  try {
    manifest = require.resolve('nx/package.json', { paths: [workspaceRoot] });
  } catch (error) {
    // No nx under the workspace (an nx from elsewhere builds the graph): unknown.
    if ((error as NodeJS.ErrnoException | undefined)?.code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
  const version = (readJsonIfPresent(manifest) as { version?: unknown } | undefined)?.version;
  return typeof version === 'string' ? version : undefined;
}
