import { join } from 'node:path';
import type { NxJsonConfiguration } from '@nx/devkit';
import { readJsonIfPresent } from './read-json-if-present';

/**
 * Whether a named input (e.g. `production`) is defined for a project, in nx.json or in the
 * project's own project.json / package.json `nx`; referencing an undefined one is an Nx error.
 */
export function hasNamedInput(name: string, nxJson: NxJsonConfiguration, workspaceRoot: string, configFile: string): boolean {
  if (nxJson.namedInputs?.[name]) return true;
  const json = readJsonIfPresent(join(workspaceRoot, configFile)) as
    | { namedInputs?: Record<string, unknown>; nx?: { namedInputs?: Record<string, unknown> } }
    | undefined;
  return Boolean(json?.namedInputs?.[name] ?? json?.nx?.namedInputs?.[name]);
}
