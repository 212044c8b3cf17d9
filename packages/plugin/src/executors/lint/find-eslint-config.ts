import { existsSync } from 'node:fs';
import { dirname, join, relative, isAbsolute } from 'node:path';
import {
  ESLINT_FLAT_CONFIG_FILE_NAMES,
  ESLINTRC_FILE_NAMES,
  eslintConfigModeFromEnv,
  type EslintConfigMode,
} from '../../tool-facts/eslint-config-files';

/** Flat config file names, in ESLint's own lookup order. */
export const ESLINT_CONFIG_FILE_NAMES = ESLINT_FLAT_CONFIG_FILE_NAMES;

/** The config a project's lint run uses and the configuration system it belongs to. */
export interface FoundEslintConfig {
  file: string;
  mode: EslintConfigMode;
}

/**
 * The config ESLint would use when run in the project (both paths absolute), or undefined when there
 * is none inside the workspace. A flat config anywhere from the project up to the workspace root wins,
 * as for ESLint itself (9 by default, 8 when it finds one) and `@nx/eslint/plugin` (flat when the
 * project's or the root config is flat); otherwise the nearest eslintrc file. `ESLINT_USE_FLAT_CONFIG`
 * overrides, as it does for ESLint.
 */
export function findEslintConfig(startDir: string, workspaceRoot: string, env: NodeJS.ProcessEnv = process.env): FoundEslintConfig | undefined {
  const forced = eslintConfigModeFromEnv(env);
  if (forced !== 'eslintrc') {
    const flat = findNearest(startDir, workspaceRoot, ESLINT_FLAT_CONFIG_FILE_NAMES);
    if (flat || forced === 'flat') return flat ? { file: flat, mode: 'flat' } : undefined;
  }
  const eslintrc = findNearest(startDir, workspaceRoot, ESLINTRC_FILE_NAMES);
  return eslintrc ? { file: eslintrc, mode: 'eslintrc' } : undefined;
}

function findNearest(startDir: string, workspaceRoot: string, names: readonly string[]): string | undefined {
  let dir = startDir;
  for (;;) {
    const found = names.map((name) => join(dir, name)).find((file) => existsSync(file));
    if (found) return found;
    const rel = relative(workspaceRoot, dir);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
    dir = dirname(dir);
  }
}
