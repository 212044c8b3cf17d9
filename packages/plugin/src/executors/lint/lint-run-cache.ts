import type { EslintInstance } from './eslint-api';
import type { ResolvedEslint } from './resolve-eslint';

/**
 * State a batch of lint runs in one process can share: the loaded ESLint modules and ESLint
 * instances (which cache loaded configs), keyed by everything that affects them.
 */
export interface LintRunCache {
  eslintModules: Map<string, ResolvedEslint>;
  instances: Map<string, EslintInstance>;
}

/** An empty cache for `runLintForProject`; pass the same one to every project of a batch. */
export function createLintRunCache(): LintRunCache {
  return { eslintModules: new Map(), instances: new Map() };
}
