import { posix } from 'node:path';

/** ESLint flat config file names (ESLint 9 and 10; `eslint.config.*`), in ESLint's own lookup order. */
export const ESLINT_FLAT_CONFIG_FILE_NAMES = [
  'eslint.config.js',
  'eslint.config.mjs',
  'eslint.config.cjs',
  'eslint.config.ts',
  'eslint.config.mts',
  'eslint.config.cts',
] as const;

/**
 * eslintrc file names (ESLint 8, and ESLint 9 with `ESLINT_USE_FLAT_CONFIG=false`), in ESLint's own
 * precedence within one folder; the same set `@nx/eslint/plugin` (Nx 22 and 23) detects.
 */
export const ESLINTRC_FILE_NAMES = ['.eslintrc.js', '.eslintrc.cjs', '.eslintrc.yaml', '.eslintrc.yml', '.eslintrc.json', '.eslintrc'] as const;

/** Which configuration system ESLint uses for a run. */
export type EslintConfigMode = 'flat' | 'eslintrc';

/** Whether a config file (path or name) is an eslintrc file rather than a flat config. */
export function isEslintrcFile(file: string): boolean {
  return (ESLINTRC_FILE_NAMES as readonly string[]).includes(posix.basename(file.split('\\').join('/')));
}

/**
 * ESLint's own switch between the two systems: `ESLINT_USE_FLAT_CONFIG=true|false` decides when set
 * (ESLint 8 and 9 read it); undefined otherwise.
 */
export function eslintConfigModeFromEnv(env: NodeJS.ProcessEnv = process.env): EslintConfigMode | undefined {
  const value = env['ESLINT_USE_FLAT_CONFIG'];
  if (value === 'true') return 'flat';
  if (value === 'false') return 'eslintrc';
  return undefined;
}
