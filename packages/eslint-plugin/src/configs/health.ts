import type { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import type { NoBareErrorThrowOptions } from '../rules/no-bare-error-throw';
import type { NoGenericCatchOptions } from '../rules/no-generic-catch';
import { pluginObject } from '../plugin-object';
import { PLUGIN_NAMESPACE } from '../plugin-namespace';
import { DEFAULT_CODE_FILES, DEFAULT_TEST_FILES } from './default-globs';

/** Thresholds and file sets of the health config; every field has a default. */
export interface HealthConfigOptions {
  /** Files measured (default: every JS/TS file). */
  files?: string[];
  /**
   * Test files (default: *.spec.*, *.test.*, __tests__): they also get the eslint-plugin-jest rules, and neither
   * no-generic-catch nor no-bare-error-throw, nor max-lines-per-function.
   */
  testFiles?: string[];
  /** Global ignores added in front of the config. */
  ignores?: string[];
  /** max-lines (default 500). */
  maxFileLines?: number;
  /** max-lines-per-function (default 50). */
  maxFunctionLines?: number;
  /** complexity (default 10). */
  maxComplexity?: number;
  /** no-warning-comments terms (default TODO, FIXME, XXX, HACK). */
  todoTags?: string[];
  noGenericCatch?: NoGenericCatchOptions;
  noBareErrorThrow?: NoBareErrorThrowOptions;
  /**
   * The plugin registered as `jest` for the test-file rules (default: eslint-plugin-jest itself, the
   * same object its own configs register). The health analysis passes `healthJestPlugin()`.
   */
  jestPlugin?: ESLint.Plugin;
}

/** Default globs of the health config. */
export const HEALTH_DEFAULT_FILES = DEFAULT_CODE_FILES;
/** Default test-file globs of the health config. */
export const HEALTH_DEFAULT_TEST_FILES = DEFAULT_TEST_FILES;

/**
 * The health config: a self-contained flat config (own parser, own plugins) that measures what a quality
 * push counts (generic catches, bare throws, any, long files and functions, complexity, TODOs, and in tests
 * assertion-free, skipped and focused tests). Rules are warnings: it measures, the gates decide.
 */
export function createHealthConfig(options: HealthConfigOptions = {}): Linter.Config[] {
  const testFiles = options.testFiles ?? HEALTH_DEFAULT_TEST_FILES;
  const config: Linter.Config[] = [];
  if (options.ignores && options.ignores.length > 0) {
    config.push({ name: `${PLUGIN_NAMESPACE}/health/ignores`, ignores: options.ignores });
  }
  config.push(
    {
      name: `${PLUGIN_NAMESPACE}/health`,
      files: options.files ?? HEALTH_DEFAULT_FILES,
      languageOptions: {
        parser: tseslint.parser as Linter.Parser,
        ecmaVersion: 'latest',
        sourceType: 'module',
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
      // Project files carry disable comments for rules of their own config; those are not ours to judge.
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      plugins: {
        [PLUGIN_NAMESPACE]: pluginObject,
        '@typescript-eslint': tseslint.plugin as unknown as NonNullable<Linter.Config['plugins']>[string],
      },
      rules: {
        [`${PLUGIN_NAMESPACE}/no-generic-catch`]: ['warn', options.noGenericCatch ?? {}],
        [`${PLUGIN_NAMESPACE}/no-bare-error-throw`]: ['warn', options.noBareErrorThrow ?? {}],
        '@typescript-eslint/no-explicit-any': 'warn',
        'max-lines': ['warn', { max: options.maxFileLines ?? 500, skipBlankLines: false, skipComments: false }],
        'max-lines-per-function': ['warn', { max: options.maxFunctionLines ?? 50, skipBlankLines: false, skipComments: false }],
        complexity: ['warn', { max: options.maxComplexity ?? 10 }],
        'no-warning-comments': [
          'warn',
          {
            terms: (options.todoTags ?? ['TODO', 'FIXME', 'XXX', 'HACK']).map((tag) => tag.toLowerCase()),
            location: 'start',
            decoration: ['*', '-', '/'],
          },
        ],
      },
    },
    {
      name: `${PLUGIN_NAMESPACE}/health/tests`,
      files: testFiles,
      plugins: { jest: options.jestPlugin ?? (require('eslint-plugin-jest') as ESLint.Plugin) },
      rules: {
        'jest/expect-expect': 'warn',
        'jest/no-disabled-tests': 'warn',
        'jest/no-focused-tests': 'warn',
        // A describe() callback is a function too; its length says nothing about the code under test.
        'max-lines-per-function': 'off',
        // Tests throw bare errors to simulate failures and catch everything to assert on it.
        [`${PLUGIN_NAMESPACE}/no-generic-catch`]: 'off',
        [`${PLUGIN_NAMESPACE}/no-bare-error-throw`]: 'off',
      },
    },
  );
  return config;
}
