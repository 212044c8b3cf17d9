import type { ESLint, Linter } from 'eslint';
import { rules } from './all-rules';
import { createHealthConfig } from './configs/health';
import { createRecommendedConfig } from './configs/recommended';
import { pluginObject } from './plugin-object';

pluginObject.configs = {
  recommended: createRecommendedConfig(),
  health: createHealthConfig(),
};

/** The flat-config plugin: `{ meta, rules, configs: { recommended, health } }`. */
const plugin = pluginObject as ESLint.Plugin & {
  rules: typeof rules;
  configs: { recommended: Linter.Config[]; health: Linter.Config[] };
};

export default plugin;
// Named too, so `import plugin from '@nx-quality/eslint-plugin'` from ESM (which gets module.exports of this
// CommonJS build) is a valid plugin object as well.
/** Plugin name and version. */
export const meta = plugin.meta;
/** `recommended` and `health` flat configs. */
export const configs = plugin.configs;
export { rules };
export { createHealthConfig, HEALTH_DEFAULT_FILES, HEALTH_DEFAULT_TEST_FILES, type HealthConfigOptions } from './configs/health';
export { createRecommendedConfig, type RecommendedConfigOptions } from './configs/recommended';
export { PLUGIN_NAMESPACE } from './plugin-namespace';
export type { NoGenericCatchOptions } from './rules/no-generic-catch';
export type { NoBareErrorThrowOptions } from './rules/no-bare-error-throw';
