import type { Linter } from 'eslint';
import { buildHealthEslintConfig } from './build-health-eslint-config';
import { healthOptionsSchema } from './health-options';

describe('buildHealthEslintConfig', () => {
  const config = buildHealthEslintConfig(
    healthOptionsSchema.parse({
      maxFileLines: 300,
      maxFunctionLines: 40,
      maxComplexity: 8,
      todoTags: ['TODO', 'NOTE'],
      errorBaseClass: 'AppError',
      errorImportPath: '@acme/errors',
      allowLogAndRethrow: false,
      genericCatchBoundaries: { functions: ['main'], files: ['src/cli/**'] },
      sourceGlobs: ['src/**/*.ts'],
      testGlobs: ['src/**/*.spec.ts'],
    }),
  );
  const byName = (name: string): Linter.Config | undefined => config.find((entry) => entry.name === name);

  it('passes thresholds and rule options from the health options to the health config', () => {
    const main = byName('@nx-quality/health');
    expect(main?.files).toEqual(['src/**/*.ts']);
    expect(main?.rules).toMatchObject({
      'max-lines': ['warn', { max: 300, skipBlankLines: false, skipComments: false }],
      'max-lines-per-function': ['warn', { max: 40, skipBlankLines: false, skipComments: false }],
      complexity: ['warn', { max: 8 }],
      'no-warning-comments': ['warn', { terms: ['todo', 'note'], location: 'start', decoration: ['*', '-', '/'] }],
      '@nx-quality/no-bare-error-throw': ['warn', { baseClass: 'AppError', importPath: '@acme/errors' }],
      '@nx-quality/no-generic-catch': ['warn', { allowLogAndRethrow: false, boundaries: { functions: ['main'], files: ['src/cli/**'] } }],
    });
    expect(byName('@nx-quality/health/tests')?.files).toEqual(['src/**/*.spec.ts']);
  });

  it('puts the exclude globs first as global ignores', () => {
    expect(config[0]).toEqual({ name: '@nx-quality/health/ignores', ignores: expect.arrayContaining(['**/node_modules/**', '**/__fixtures__/**']) });
  });
});
