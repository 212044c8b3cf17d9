import { join } from 'node:path';
import { readJsonIfPresent } from './read-json-if-present';

/**
 * The package.json scripts Nx turns into `nx:run-script` targets of the project (every script, or
 * only those listed in `nx.includedScripts`), each with its command line. Nx lets such a target
 * replace an inferred target of the same name, so the plugin must not infer under these names.
 */
export function packageScriptTargets(workspaceRoot: string, projectRoot: string): Map<string, string> {
  const manifest = readJsonIfPresent(join(workspaceRoot, projectRoot, 'package.json')) as
    | { scripts?: Record<string, unknown>; nx?: { includedScripts?: unknown } }
    | undefined;
  const included = manifest?.nx?.includedScripts;
  return new Map(
    Object.entries(manifest?.scripts ?? {})
      .filter(([name]) => !Array.isArray(included) || included.includes(name))
      .map(([name, command]) => [name, typeof command === 'string' ? command : '']),
  );
}
