import tsParser from '@typescript-eslint/parser';

// Only core rules, so ESLint 9 and 10 both know every rule used here.
export default [
  { ignores: ['**/dist'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { console: 'readonly' } },
  },
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.ts'],
    rules: {
      'no-unused-vars': 'error',
      eqeqeq: 'error',
      'no-console': 'warn',
      'prefer-const': 'error',
      'no-var': 'error',
      curly: 'warn',
    },
  },
];
