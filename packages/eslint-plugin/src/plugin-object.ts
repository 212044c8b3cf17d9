import type { ESLint, Linter } from 'eslint';
import { rules } from './all-rules';

/** The plugin object without configs, which reference it; `index.ts` adds them. */
export const pluginObject: ESLint.Plugin & { configs: Record<string, Linter.Config[] | Linter.LegacyConfig> } = {
  meta: { name: '@nx-quality/eslint-plugin', version: '0.1.0' },
  rules: rules as unknown as ESLint.Plugin['rules'],
  configs: {},
};
