import { existsSync } from 'node:fs';
import { dirname, join, relative, isAbsolute } from 'node:path';
import { ESLINT_FLAT_CONFIG_FILE_NAMES } from '../../tool-facts/eslint-config-files';

/** Flat config file names, in ESLint's own lookup order. */
export const ESLINT_CONFIG_FILE_NAMES = ESLINT_FLAT_CONFIG_FILE_NAMES;

/**
 * The nearest flat config from `startDir` up to `workspaceRoot` (both absolute), as ESLint itself
 * would find it when run in the project; undefined when there is none inside the workspace.
 */
export function findEslintConfig(startDir: string, workspaceRoot: string): string | undefined {
  let dir = startDir;
  for (;;) {
    const found = ESLINT_CONFIG_FILE_NAMES.map((name) => join(dir, name)).find((file) => existsSync(file));
    if (found) return found;
    const rel = relative(workspaceRoot, dir);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
    dir = dirname(dir);
  }
}
