/**
 * The config file names Vitest looks for in a project root, in its own order (vitest's
 * CONFIG_NAMES × CONFIG_EXTENSIONS): a `vitest.config.*` before a `vite.config.*`.
 */
export const VITEST_CONFIG_FILE_NAMES = ['vitest.config', 'vite.config'].flatMap((name) =>
  ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'].map((extension) => `${name}${extension}`),
);

/**
 * The first Vitest config in a project root that configures tests: any `vitest.config.*`, or a
 * `vite.config.*` with a `test` block (a Vite config without one builds or serves, it tests nothing).
 * Paths are joined with `join`, so the caller's path style is kept.
 */
export function findVitestConfigFile(
  projectRoot: string,
  exists: (file: string) => boolean,
  read: (file: string) => string,
  join: (...parts: string[]) => string,
): string | undefined {
  for (const name of VITEST_CONFIG_FILE_NAMES) {
    const file = join(projectRoot, name);
    if (!exists(file)) continue;
    if (name.startsWith('vitest.') || declaresTestBlock(read(file))) return file;
  }
  return undefined;
}

/**
 * Whether a Vite config's source declares a `test` block (`test: {…}`, `test: testConfig`, or the
 * `test,` shorthand), read as text because loading the config would run the user's code at graph time.
 */
export function declaresTestBlock(source: string): boolean {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  return /(?:^|[{,\s])(?:(?:test|'test'|"test")\s*:|test\s*[,}])/m.test(code);
}
