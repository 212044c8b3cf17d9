// Lint config of this repository: typescript-eslint's recommended rules plus our own recommended config,
// taken from the built package (run `npm run build` first), exactly as a user workspace would load it.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { createRecommendedConfig } from '@nx-quality/eslint-plugin';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'tmp/**',
      'coverage/**',
      'e2e/artifacts/**',
      'examples/**',
      // deliberately broken code the tests measure, and generator templates
      '**/__fixtures__/**',
      '**/files/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Our own rules on the product code; tools/ and e2e/ are scripts whose top level is the error boundary.
  ...createRecommendedConfig({ files: ['packages/**/*.{ts,js,mjs,cjs}'] }),
  {
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.spec.ts', '**/test-support/**/*.ts'],
    languageOptions: { globals: { ...globals.jest } },
  },
  {
    rules: {
      // The packages compile to CommonJS and load the user's own jest/eslint/typescript/prettier with
      // require(require.resolve(…, { paths: [workspaceRoot] })) on purpose.
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
