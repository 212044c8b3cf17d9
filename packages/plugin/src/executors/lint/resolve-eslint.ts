import { QualityError } from '@nx-quality/core';
import { resolveToolModule } from '../shared/resolve-tool-module';
import type { EslintClass } from './eslint-api';

/** The user's ESLint class, where it was loaded from and its major version. */
export interface ResolvedEslint {
  ESLint: EslintClass;
  path: string;
  version: string;
  major: number;
}

/**
 * Loads the `ESLint` class of the ESLint the project itself would use (resolved from the project
 * root, then the workspace root; never the plugin's own). Throws ESLINT_NOT_FOUND or
 * ESLINT_UNSUPPORTED_VERSION (flat config through the `ESLint` class needs ESLint 9+).
 */
export function resolveEslint(searchFrom: string[], load: (path: string) => unknown = require): ResolvedEslint {
  const path = resolveToolModule('eslint', searchFrom)?.path;
  if (!path) {
    throw new QualityError('ESLINT_NOT_FOUND', `ESLint is not installed where the project can resolve it (searched from ${searchFrom.join(', ')}).`, {
      hint: 'Install it in the workspace: npm install -D eslint (ESLint 9 or 10).',
    });
  }
  const ESLint = (load(path) as { ESLint?: EslintClass }).ESLint;
  const version = typeof ESLint?.version === 'string' ? ESLint.version : 'unknown';
  const major = Number.parseInt(version, 10) || 0;
  if (typeof ESLint !== 'function' || major < 9) {
    throw new QualityError('ESLINT_UNSUPPORTED_VERSION', `The workspace's ESLint (${version}, ${path}) is not supported: flat config linting needs ESLint 9 or 10.`, {
      hint: 'Upgrade ESLint to 9 or 10 and migrate to an eslint.config.* flat config (npx @eslint/migrate-config .eslintrc.json).',
    });
  }
  return { ESLint, path, version, major };
}
