import { join } from 'node:path';
import { readJsonIfPresent } from './read-json-if-present';

/**
 * The package.json scripts Nx turns into `nx:run-script` targets of the project: every script, or
 * only those listed in `nx.includedScripts`. Nx lets such a target replace an inferred target of the
 * same name, so the plugin must not infer under these names.
 */
export function packageScriptTargets(workspaceRoot: string, projectRoot: string): Set<string> {
  const manifest = readJsonIfPresent(join(workspaceRoot, projectRoot, 'package.json')) as
    | { scripts?: Record<string, unknown>; nx?: { includedScripts?: unknown } }
    | undefined;
  const scripts = Object.keys(manifest?.scripts ?? {});
  const included = manifest?.nx?.includedScripts;
  return new Set(Array.isArray(included) ? scripts.filter((name) => included.includes(name)) : scripts);
}
