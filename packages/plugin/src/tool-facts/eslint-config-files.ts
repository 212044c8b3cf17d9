/** ESLint flat config file names (ESLint 9 and 10); the lint executor and inference support flat config only. */
export const ESLINT_FLAT_CONFIG_FILE_NAMES = [
  'eslint.config.js',
  'eslint.config.mjs',
  'eslint.config.cjs',
  'eslint.config.ts',
  'eslint.config.mts',
  'eslint.config.cts',
] as const;
