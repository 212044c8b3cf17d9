import { QualityError } from '@nx-quality/core';
import type { EslintConfigMode } from '../../tool-facts/eslint-config-files';
import { resolveToolModule } from '../shared/resolve-tool-module';
import type { EslintClass, EslintModule } from './eslint-api';

/** The user's ESLint class for one configuration system, where it was loaded from and its major version. */
export interface ResolvedEslint {
  ESLint: EslintClass;
  path: string;
  version: string;
  major: number;
  mode: EslintConfigMode;
}

/**
 * Loads the ESLint class the project itself would use for `mode` (resolved from the project root,
 * then the workspace root; never the plugin's own), through ESLint's `loadESLint`: the flat class of
 * ESLint 9 and 10, or the eslintrc class of ESLint 8.57 and 9 (`ESLINT_USE_FLAT_CONFIG=false`).
 * Throws ESLINT_NOT_FOUND or ESLINT_UNSUPPORTED_VERSION.
 */
export async function resolveEslint(searchFrom: string[], mode: EslintConfigMode, load: (path: string) => unknown = require): Promise<ResolvedEslint> {
  const path = resolveToolModule('eslint', searchFrom)?.path;
  if (!path) {
    throw new QualityError('ESLINT_NOT_FOUND', `ESLint is not installed where the project can resolve it (searched from ${searchFrom.join(', ')}).`, {
      hint: 'Install it in the workspace: npm install -D eslint (ESLint 8.57 with eslintrc, 9 or 10).',
    });
  }
  const eslintModule = load(path) as EslintModule;
  const version = typeof eslintModule.ESLint?.version === 'string' ? eslintModule.ESLint.version : 'unknown';
  const major = Number.parseInt(version, 10) || 0;
  const ESLint = typeof eslintModule.loadESLint === 'function' ? await eslintModule.loadESLint({ useFlatConfig: mode === 'flat' }) : undefined;
  const configType = ESLint?.configType ?? (major >= 9 ? 'flat' : 'eslintrc');
  if (typeof ESLint !== 'function' || configType !== mode || (mode === 'flat' && major < 9)) {
    throw new QualityError('ESLINT_UNSUPPORTED_VERSION', unsupportedMessage(version, path, mode), {
      hint:
        mode === 'flat'
          ? 'Upgrade ESLint to 9 or 10 (flat config), or keep an .eslintrc.* config with ESLint 8.57.'
          : 'ESLint 10 has no eslintrc: migrate to an eslint.config.* flat config (npx @eslint/migrate-config .eslintrc.json), or use ESLint 8.57 or 9. ESLint before 8.57 lacks loadESLint: upgrade to 8.57.',
    });
  }
  return { ESLint, path, version, major, mode };
}

function unsupportedMessage(version: string, path: string, mode: EslintConfigMode): string {
  const needs = mode === 'flat' ? 'flat config linting needs ESLint 9 or 10' : 'eslintrc linting needs ESLint 8.57 or 9';
  return `The workspace's ESLint (${version}, ${path}) is not supported: ${needs}.`;
}
