import type { ExecutorContext } from '@nx/devkit';
import { InvalidOptionsError, RESULT_FILE_NAMES } from '@nx-quality/core';
import { dirname, join, posix, relative, isAbsolute, resolve, sep } from 'node:path';
import type { ProjectRef } from '../../shared/project-ref';
import type { WorkspacePath } from '../../shared/workspace-path';
import { parseToolOptions } from '../shared/parse-tool-options';
import { eslintConfigModeFromEnv, isEslintrcFile, type EslintConfigMode } from '../../tool-facts/eslint-config-files';
import { findEslintConfig } from './find-eslint-config';
import { optionsSchema, type ParsedLintOptions } from './options';
import type { OfficialEslintTarget } from './official-eslint-target';
import { readOfficialEslintTarget } from './read-official-eslint-target';

/** Lint executor options with defaults applied and every path resolved. */
export interface NormalizedLintOptions
  extends Omit<ParsedLintOptions, 'lintFilePatterns' | 'eslintConfig' | 'cacheLocation' | 'resultsDir' | 'maxWarnings'> {
  projectRoot: WorkspacePath;
  /** Files, folders or globs handed to `ESLint#lintFiles`: absolute, or (the official target's) relative to `eslintCwd`. */
  lintFilePatterns: string[];
  /** A command's `--ext` (beside one, without our own lintFilePatterns): extensions linted in the folders named. */
  extensions?: string[];
  /** A command's `--ignore-pattern`, `--no-ignore` and `--no-inline-config`, as ESLint options (patterns relative to `eslintCwd`). */
  commandOptions: CommandEslintOptions;
  /** Whether ESLint itself throws on a pattern that matches no file (`errorOnUnmatchedPattern` of ESLint). */
  errorOnUnmatchedPattern: boolean;
  /** Whether a run that lints no file at all is an error (the official executor's check; ours is ESLint's per pattern). */
  errorWhenNothingLinted: boolean;
  /** The eslintrc-only ESLint options the official target sets (absent: ESLint's defaults). */
  eslintrcOptions: EslintrcOnlyOptions;
  /** Whether an ignored file named in the patterns is left out (ours) or reported with ESLint's warning (the official executor's). */
  warnIgnored: boolean;
  /** The most warnings with which the run passes (-1: no limit): ours, else the official target's. */
  maxWarnings: number;
  /** Set when `maxWarnings` is the official target's limit: that target's name, for the failure's sentence. */
  maxWarningsOfficialTarget?: string;
  /** The official ESLint target whose selection and config this run carries, when ours stands beside one. */
  officialTarget?: string;
  /** Where the official target's command cannot be carried (and our own lintFilePatterns do not replace it), the sentence lint.json records. */
  officialTargetNotCarried?: string;
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

/** ESLint options a command's CLI options become (both configuration systems; `ignorePatterns` goes into eslintrc's `overrideConfig`). */
export interface CommandEslintOptions {
  ignorePatterns?: string[];
  ignore?: false;
  allowInlineConfig?: false;
}

/** ESLint options of the eslintrc system only, as `@nx/eslint:lint` sets them from its target's options. */
export interface EslintrcOnlyOptions {
  useEslintrc?: false;
  rulePaths?: string[];
  ignorePath?: string;
  resolvePluginsRelativeTo?: string;
  reportUnusedDisableDirectives?: 'off' | 'warn' | 'error';
}

/**
 * Validates raw options (throws InvalidOptionsError naming each bad option) and resolves paths against the project.
 *
 * Beside an official `@nx/eslint:lint` target (`officialTarget`, read from the task's `context`), the
 * run lints what that target lints, as its executor does: its `lintFilePatterns`, `eslintConfig` and
 * eslintrc options (`noEslintrc`, `rulesdir`, `ignorePath`, `resolvePluginsRelativeTo`,
 * `reportUnusedDisableDirectives`), ESLint's `cwd` the workspace root (so the root `.eslintignore`
 * applies), flat config exactly when one is found from the project root up, and an error only when no
 * file at all is linted. Beside a package.json script or run-commands target whose command runs
 * ESLint (`eslint ./src`), the run lints what that command lints, as ESLint's CLI does in the
 * command's directory: its patterns and `--config`, the config it would look up from there, an error
 * for each pattern that matches nothing (unless `--no-error-on-unmatched-pattern`). Either way the
 * official target's warnings limit applies. Our own `lintFilePatterns`, `eslintConfig`,
 * `errorOnUnmatchedPattern` and `maxWarnings` win.
 */
export function normalizeLintOptions(project: ProjectRef, raw: unknown, context?: ExecutorContext): NormalizedLintOptions {
  const { parsed, toPath, projectRoot, resultsDir } = parseToolOptions(optionsSchema, project, raw, 'lint');
  const { workspaceRoot } = project;
  const fromWorkspace = (file: string): string => (isAbsolute(file) ? file : resolve(workspaceRoot, file));
  const read = readOfficialEslintTarget(project, raw, context);
  const official = read && !('uncarried' in read) ? read : undefined;
  // A command (package.json script, run-commands) runs ESLint's CLI in its directory, where the CLI looks up its config.
  const runsIn = official?.runsIn;

  const expand = (pattern: string): string =>
    pattern.replaceAll('{projectRoot}', project.root).replaceAll('{workspaceRoot}', workspaceRoot).replaceAll('{projectName}', project.name);
  const ownPatterns = parsed.lintFilePatterns?.map((pattern) => fromWorkspace(expand(pattern)));
  // The official executor runs ESLint in the workspace root and hands it the patterns as written; a command's are absolute.
  const lintFilePatterns = ownPatterns ?? official?.lintFilePatterns ?? [fromWorkspace(project.root)];

  const explicitConfig = parsed.eslintConfig
    ? fromWorkspace(expand(parsed.eslintConfig))
    : official?.eslintConfig
      ? fromWorkspace(official.eslintConfig)
      : undefined;
  // The official executor uses flat config exactly when it finds a flat config from the project root up, whatever ESLINT_USE_FLAT_CONFIG says.
  const found =
    official && runsIn === undefined
      ? findEslintConfig(projectRoot.absolute, workspaceRoot, {})
      : explicitConfig
        ? undefined
        : findEslintConfig(runsIn ?? projectRoot.absolute, workspaceRoot);
  const eslintConfigMode: EslintConfigMode =
    found?.mode ?? eslintConfigModeFromEnv() ?? (explicitConfig && isEslintrcFile(explicitConfig) ? 'eslintrc' : 'flat');
  // `noEslintrc` turns the cascade off: without an explicit config no config applies, which the run reports.
  const cascadeOff = official?.noEslintrc === true && eslintConfigMode === 'eslintrc';
  const configFile = explicitConfig ?? (cascadeOff ? undefined : found?.file);
  const eslintConfig = configFile ? toPath(configFile) : undefined;
  const carriesUnmatched = official !== undefined && runsIn === undefined && parsed.errorOnUnmatchedPattern === undefined;
  // eslintrc files cascade from each linted file's folder and `.eslintignore` is read from `cwd`:
  // the workspace root is where the official executor runs ESLint, a command's directory where its
  // CLI runs (with `--config`, also the base of the config's patterns), else the project root.
  const eslintCwd =
    official && runsIn === undefined
      ? workspaceRoot
      : eslintConfigMode === 'eslintrc' || (runsIn !== undefined && official?.eslintConfig !== undefined && parsed.eslintConfig === undefined)
        ? (runsIn ?? projectRoot.absolute)
        : chooseEslintCwd(configFile, runsIn ?? projectRoot.absolute, workspaceRoot);

  return {
    ...parsed,
    projectRoot,
    lintFilePatterns,
    ...(official?.extensions && ownPatterns === undefined ? { extensions: official.extensions } : {}),
    commandOptions: official && runsIn !== undefined ? commandEslintOptions(official, runsIn, eslintCwd, ownPatterns !== undefined) : {},
    errorOnUnmatchedPattern: carriesUnmatched ? false : (parsed.errorOnUnmatchedPattern ?? official?.errorOnUnmatchedPattern ?? true),
    errorWhenNothingLinted: carriesUnmatched ? official.errorOnUnmatchedPattern : false,
    eslintrcOptions: official ? eslintrcOnlyOptions(official, eslintConfigMode, project) : {},
    warnIgnored: official !== undefined && ownPatterns === undefined && official.warnIgnored !== false,
    maxWarnings: parsed.maxWarnings ?? official?.maxWarnings ?? -1,
    ...(parsed.maxWarnings === undefined && official?.maxWarnings !== undefined && official.maxWarnings >= 0 ? { maxWarningsOfficialTarget: official.target } : {}),
    ...(official ? { officialTarget: official.target } : {}),
    ...(read && 'uncarried' in read && parsed.lintFilePatterns === undefined
      ? { officialTargetNotCarried: `The official target "${read.target}" runs ESLint in a way nx-quality cannot reproduce (${read.uncarried}): this run linted the project with its ESLint config instead, so its files and messages may differ from \`nx run ${project.name}:${read.target}\`.` }
      : {}),
    eslintConfig,
    eslintConfigExplicit: explicitConfig !== undefined,
    eslintConfigMode,
    eslintCwd,
    cacheLocation: parsed.cacheLocation
      ? fromWorkspace(expand(parsed.cacheLocation))
      : join(workspaceRoot, 'node_modules/.cache/nx-quality/eslint', `${project.name.replace(/[/@]/g, '_')}.eslintcache`),
    resultsDir,
    lintResultFile: toPath(join(resultsDir.absolute, RESULT_FILE_NAMES.lint)),
  };
}

/**
 * A command's `--ignore-pattern`, `--no-ignore` and `--no-inline-config` as ESLint options. Its CLI
 * reads ignore patterns relative to the command's directory, ESLint relative to its `cwd`: each is
 * rebased from the one to the other (`!` kept in front). Our own lintFilePatterns replace the
 * command's file selection, ignores included; inline comments still count as the command reads them.
 */
function commandEslintOptions(official: OfficialEslintTarget, runsIn: string, eslintCwd: string, ownSelection: boolean): CommandEslintOptions {
  const base = relative(eslintCwd, runsIn).split(sep).join(posix.sep);
  const rebase = (pattern: string): string => {
    const negated = pattern.startsWith('!');
    const body = negated ? pattern.slice(1) : pattern;
    return `${negated ? '!' : ''}${base === '' ? body : posix.join(base, body)}`;
  };
  return {
    ...(official.ignorePatterns && !ownSelection ? { ignorePatterns: official.ignorePatterns.map(rebase) } : {}),
    ...(official.ignore === false && !ownSelection ? { ignore: false as const } : {}),
    ...(official.inlineConfig === false ? { allowInlineConfig: false as const } : {}),
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

/**
 * The official target's eslintrc-only options as its executor hands them to ESLint (only those that
 * differ from ESLint's defaults). With flat config the executor refuses them, and so do we.
 */
function eslintrcOnlyOptions(official: OfficialEslintTarget, mode: EslintConfigMode, project: ProjectRef): EslintrcOnlyOptions {
  const options: EslintrcOnlyOptions = {
    ...(official.noEslintrc ? { useEslintrc: false as const } : {}),
    ...(official.rulesdir.length > 0 ? { rulePaths: official.rulesdir } : {}),
    ...(official.ignorePath ? { ignorePath: official.ignorePath } : {}),
    ...(official.resolvePluginsRelativeTo ? { resolvePluginsRelativeTo: official.resolvePluginsRelativeTo } : {}),
    ...(official.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: official.reportUnusedDisableDirectives } : {}),
  };
  if (mode === 'eslintrc') return options;
  const refused = ['ignorePath', 'resolvePluginsRelativeTo', 'reportUnusedDisableDirectives'].filter((name) => official[name as keyof OfficialEslintTarget] !== undefined);
  if (refused.length === 0) return {};
  throw new InvalidOptionsError(
    `the official target "${official.target}" of project "${project.name}" (carried by the lint executor's \`officialTarget\`)`,
    refused.map((name) => ({ path: name, message: `not supported with flat config (eslint.config.*); ${official.runsIn === undefined ? '@nx/eslint:lint' : "ESLint's CLI"} fails on it too: remove it from the target` })),
  );
}
