import { createHealthConfig, healthJestPlugin } from '@nx-quality/eslint-plugin';
import type { Linter } from 'eslint';
import type { NormalizedHealthOptions } from './health-options';

/**
 * The `health` flat config of @nx-quality/eslint-plugin with this project's thresholds and file sets
 * (globs relative to the project root, where ESLint runs). The analysis and the CLI cross-check in the
 * tests both build their config here, so they measure with exactly the same rules.
 */
export function buildHealthEslintConfig(options: NormalizedHealthOptions): Linter.Config[] {
  return createHealthConfig({
    files: options.sourceGlobs,
    testFiles: options.testGlobs,
    ignores: options.excludeGlobs,
    maxFileLines: options.maxFileLines,
    maxFunctionLines: options.maxFunctionLines,
    maxComplexity: options.maxComplexity,
    todoTags: options.todoTags,
    noGenericCatch: {
      allowLogAndRethrow: options.allowLogAndRethrow,
      boundaries: options.genericCatchBoundaries,
    },
    noBareErrorThrow: {
      ...(options.errorBaseClass ? { baseClass: options.errorBaseClass } : {}),
      ...(options.errorImportPath ? { importPath: options.errorImportPath } : {}),
    },
    // The config is run on its own, so no other config registers eslint-plugin-jest beside it.
    jestPlugin: healthJestPlugin(),
  });
}
