import type { ESLint, Linter } from 'eslint';
import { rules } from './all-rules';
import { createHealthConfig } from './configs/health';
import { createLegacyHealthConfig, createLegacyRecommendedConfig } from './configs/legacy';
import { createRecommendedConfig } from './configs/recommended';
import { pluginObject } from './plugin-object';

pluginObject.configs = {
  recommended: createRecommendedConfig(),
  'legacy-recommended': createLegacyRecommendedConfig(),
  'legacy-health': createLegacyHealthConfig(),
};
// Built on first use: it registers eslint-plugin-jest itself, whose entry point loads every rule of the
// package, and the health analysis, which loads this module, builds its own config with fewer.
let healthConfig: Linter.Config[] | undefined;
Object.defineProperty(pluginObject.configs, 'health', { enumerable: true, get: () => (healthConfig ??= createHealthConfig()) });

/** The plugin: `{ meta, rules, configs: { recommended, health } }` (flat) and `legacy-recommended`, `legacy-health` (eslintrc). */
const plugin = pluginObject as ESLint.Plugin & {
  rules: typeof rules;
  configs: {
    recommended: Linter.Config[];
    health: Linter.Config[];
    'legacy-recommended': Linter.LegacyConfig;
    'legacy-health': Linter.LegacyConfig;
  };
};

// Named exports only, no `export default`: the module object of this CommonJS build is then the plugin
// itself, for `require()` (ESLint 8's plugins: [...]) and for an ESM default import (which gets
// module.exports) alike, and its types say so (attw: no "CJS default export" mismatch).
/** Plugin name and version. */
export const meta = plugin.meta;
/** `recommended` and `health` flat configs, `legacy-recommended` and `legacy-health` eslintrc configs. */
export const configs = plugin.configs;
/** Every rule by name. */
export { rules };
export { healthJestPlugin, HEALTH_JEST_RULES } from './configs/health-jest-plugin';
export { createHealthConfig, HEALTH_DEFAULT_FILES, HEALTH_DEFAULT_TEST_FILES, type HealthConfigOptions } from './configs/health';
export { createRecommendedConfig, type RecommendedConfigOptions } from './configs/recommended';
export { createLegacyHealthConfig, createLegacyRecommendedConfig } from './configs/legacy';
export { PLUGIN_NAMESPACE } from './plugin-namespace';
export type { NoGenericCatchOptions } from './rules/no-generic-catch';
export type { NoBareErrorThrowOptions } from './rules/no-bare-error-throw';
