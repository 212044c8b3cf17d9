import type { Linter } from 'eslint';
import type { NoBareErrorThrowOptions } from '../rules/no-bare-error-throw';
import type { NoGenericCatchOptions } from '../rules/no-generic-catch';
import { pluginObject } from '../plugin-object';
import { PLUGIN_NAMESPACE } from '../plugin-namespace';
import { DEFAULT_TEST_FILES } from './default-globs';

/** Options of the recommended config: the options of its two rules. */
export interface RecommendedConfigOptions {
  /** Files the config applies to (default: every file ESLint lints). */
  files?: string[];
  /** Test files, where both rules are off: tests throw bare errors on purpose and catch to assert (default: *.spec.*, *.test.*, __tests__). */
  testFiles?: string[];
  noGenericCatch?: NoGenericCatchOptions;
  noBareErrorThrow?: NoBareErrorThrowOptions;
}

/**
 * The rules of this plugin as errors, except in test files. It sets no parser: it is meant to sit beside the
 * workspace's own TypeScript setup (e.g. typescript-eslint's configs).
 */
export function createRecommendedConfig(options: RecommendedConfigOptions = {}): Linter.Config[] {
  return [
    {
      name: `${PLUGIN_NAMESPACE}/recommended`,
      ...(options.files ? { files: options.files } : {}),
      plugins: { [PLUGIN_NAMESPACE]: pluginObject },
      rules: {
        [`${PLUGIN_NAMESPACE}/no-generic-catch`]: ['error', options.noGenericCatch ?? {}],
        [`${PLUGIN_NAMESPACE}/no-bare-error-throw`]: ['error', options.noBareErrorThrow ?? {}],
      },
    },
    {
      name: `${PLUGIN_NAMESPACE}/recommended/tests`,
      files: options.testFiles ?? DEFAULT_TEST_FILES,
      rules: {
        [`${PLUGIN_NAMESPACE}/no-generic-catch`]: 'off',
        [`${PLUGIN_NAMESPACE}/no-bare-error-throw`]: 'off',
      },
    },
  ];
}
