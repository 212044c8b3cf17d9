import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Jest config file names looked for in a project root, in order (Nx generates `jest.config.cts` or `.ts`). */
export const JEST_CONFIG_FILE_NAMES = [
  'jest.config.ts',
  'jest.config.cts',
  'jest.config.mts',
  'jest.config.js',
  'jest.config.cjs',
  'jest.config.mjs',
] as const;

/** Absolute path of the first Jest config file in a folder, or undefined. */
export function findJestConfig(projectRootAbsolute: string): string | undefined {
  return JEST_CONFIG_FILE_NAMES.map((name) => join(projectRootAbsolute, name)).find((file) => existsSync(file));
}
