import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findJestConfigFile, JEST_CONFIG_FILE_NAMES } from '../../tool-facts/jest-config-files';

export { JEST_CONFIG_FILE_NAMES };

/** Absolute path of the first Jest config file in a folder (the names inference looks for), or undefined. */
export function findJestConfig(projectRootAbsolute: string): string | undefined {
  return findJestConfigFile(projectRootAbsolute, existsSync, join);
}
