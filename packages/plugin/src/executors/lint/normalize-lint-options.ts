import { RESULT_FILE_NAMES } from '@nx-quality/core';
import { dirname, join, relative, isAbsolute, resolve } from 'node:path';
import type { ProjectRef } from '../../shared/project-ref';
import type { WorkspacePath } from '../../shared/workspace-path';
import { parseToolOptions } from '../shared/parse-tool-options';
import { eslintConfigModeFromEnv, isEslintrcFile, type EslintConfigMode } from '../../tool-facts/eslint-config-files';
import { findEslintConfig } from './find-eslint-config';
import { optionsSchema, type ParsedLintOptions } from './options';

/** Lint executor options with defaults applied and every path resolved. */
export interface NormalizedLintOptions
  extends Omit<ParsedLintOptions, 'lintFilePatterns' | 'eslintConfig' | 'cacheLocation' | 'resultsDir'> {
  projectRoot: WorkspacePath;
  /** Absolute files, folders or globs handed to `ESLint#lintFiles`. */
  lintFilePatterns: string[];
  /** Absent when none was given and none was found (the run then reports ESLINT_CONFIG_NOT_FOUND). */
  eslintConfig?: WorkspacePath;
  /** Whether `eslintConfig` came from the option (a missing file is then the user's typo). */
  eslintConfigExplicit: boolean;
  /** Flat config (`ESLint` class of 9/10) or eslintrc (ESLint 8, or 9's `LegacyESLint`). */
  eslintConfigMode: EslintConfigMode;
  /** ESLint's `cwd`, which is also the base path of the config's `files`/`ignores` patterns. */
  eslintCwd: string;
  cacheLocation: string;
  resultsDir: WorkspacePath;
  lintResultFile: WorkspacePath;
}

/** Validates raw options (throws InvalidOptionsError naming each bad option) and resolves paths against the project. */
export function normalizeLintOptions(project: ProjectRef, raw: unknown): NormalizedLintOptions {
  const { parsed, toPath, projectRoot, resultsDir } = parseToolOptions(optionsSchema, project, raw, 'lint');
  const { workspaceRoot } = project;
  const fromWorkspace = (file: string): string => (isAbsolute(file) ? file : resolve(workspaceRoot, file));

  const expand = (pattern: string): string =>
    pattern.replaceAll('{projectRoot}', project.root).replaceAll('{workspaceRoot}', workspaceRoot).replaceAll('{projectName}', project.name);
  const lintFilePatterns = (parsed.lintFilePatterns ?? [project.root]).map((pattern) => fromWorkspace(expand(pattern)));

  const explicitConfig = parsed.eslintConfig ? fromWorkspace(expand(parsed.eslintConfig)) : undefined;
  const found = explicitConfig ? undefined : findEslintConfig(projectRoot.absolute, workspaceRoot);
  const configFile = explicitConfig ?? found?.file;
  const eslintConfig = configFile ? toPath(configFile) : undefined;
  const eslintConfigMode: EslintConfigMode =
    found?.mode ?? eslintConfigModeFromEnv() ?? (explicitConfig && isEslintrcFile(explicitConfig) ? 'eslintrc' : 'flat');

  return {
    ...parsed,
    projectRoot,
    lintFilePatterns,
    eslintConfig,
    eslintConfigExplicit: explicitConfig !== undefined,
    eslintConfigMode,
    // eslintrc files cascade from each linted file's folder and `.eslintignore` is read from `cwd`:
    // the project root is where `eslint .` runs for Nx's inferred target.
    eslintCwd: eslintConfigMode === 'eslintrc' ? projectRoot.absolute : chooseEslintCwd(configFile, projectRoot.absolute, workspaceRoot),
    cacheLocation: parsed.cacheLocation
      ? fromWorkspace(expand(parsed.cacheLocation))
      : join(workspaceRoot, 'node_modules/.cache/nx-quality/eslint', `${project.name.replace(/[/@]/g, '_')}.eslintcache`),
    resultsDir,
    lintResultFile: toPath(join(resultsDir.absolute, RESULT_FILE_NAMES.lint)),
  };
}

/**
 * With `overrideConfigFile`, ESLint 9 and 10 both resolve the config's relative `files`/`ignores`
 * patterns against `cwd` (not the config's folder, as they do for a config they find themselves).
 * Using the config's folder as `cwd` makes a project-level config mean what it means to
 * `eslint .` run in the project (what Nx's own inferred target does), in both major versions.
 * A config outside the project's ancestors (e.g. a shared file under tools/) would put the
 * project outside ESLint's base path, so the workspace root is used then.
 */
function chooseEslintCwd(configFile: string | undefined, projectRoot: string, workspaceRoot: string): string {
  if (!configFile) return workspaceRoot;
  const configDir = dirname(configFile);
  const rel = relative(configDir, projectRoot);
  return rel.startsWith('..') || isAbsolute(rel) ? workspaceRoot : configDir;
}
