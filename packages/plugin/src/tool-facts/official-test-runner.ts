const VITEST_EXECUTORS = new Set(['@nx/vitest:test', '@nx/vite:test', '@nrwl/vite:test']);

/**
 * The runner an official test executor runs (`@nx/jest:jest` Jest, `@nx/vitest:test` and the older
 * `@nx/vite:test` Vitest) and the option naming the config it runs (`jestConfig`, `configFile`).
 */
export function officialTestRunner(executor: string): { runner: 'jest' | 'vitest'; configOption: 'jestConfig' | 'configFile' } {
  return VITEST_EXECUTORS.has(executor) ? { runner: 'vitest', configOption: 'configFile' } : { runner: 'jest', configOption: 'jestConfig' };
}
