/**
 * Every Jest config file name nx-quality recognises in a project root, in the order Jest itself
 * prefers them (jest-config's JEST_CONFIG_EXT_ORDER, with `.mts`, which our loader reads too).
 * Inference, the test executor and the test-suite generator all look for these, so a project that
 * inference gives a test target is one the executor finds a config for.
 */
export const JEST_CONFIG_FILE_NAMES = [
  'jest.config.js',
  'jest.config.ts',
  'jest.config.mjs',
  'jest.config.cjs',
  'jest.config.mts',
  'jest.config.cts',
  'jest.config.json',
] as const;

/**
 * The names @nx/jest/plugin infers a `test` target from (its glob `**\/jest.config.{cjs,mjs,js,cts,mts,ts}`):
 * no `jest.config.json`, so a project configured only by that file has no official test target.
 */
export const OFFICIAL_JEST_CONFIG_FILE_NAMES: readonly string[] = JEST_CONFIG_FILE_NAMES.filter((name) => name !== 'jest.config.json');

/**
 * The first Jest config file in a project root (joined with `join`, so the caller's path style is
 * kept: absolute for the executor, workspace-relative for a generator's tree), or undefined.
 */
export function findJestConfigFile(projectRoot: string, exists: (file: string) => boolean, join: (...parts: string[]) => string): string | undefined {
  return JEST_CONFIG_FILE_NAMES.map((name) => join(projectRoot, name)).find((file) => exists(file));
}
