// The demo workspace's ESLint flat config: typescript-eslint's recommended rules plus nx-quality's
// own (no generic catch handlers, no bare Error throws).
import tseslint from 'typescript-eslint';
import nxQuality from '@nx-quality/eslint-plugin';

export default [
  { ignores: ['**/dist', '**/out-tsc', '**/coverage'] },
  ...tseslint.configs.recommended,
  ...nxQuality.configs.recommended,
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
