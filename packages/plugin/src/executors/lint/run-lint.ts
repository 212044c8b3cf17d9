import { ConfigLoadError, QualityError, type LintResult, type ToolInfo } from '@nx-quality/core';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describeError } from '../shared/describe-error';
import type { ProjectRef } from '../../shared/project-ref';
import { resultHeader } from '../../shared/result-header';
import { ESLINT_FLAT_CONFIG_FILE_NAMES, ESLINTRC_FILE_NAMES, eslintConfigModeFromEnv, type EslintConfigMode } from '../../tool-facts/eslint-config-files';
import type { EslintInstance, EslintOptions } from './eslint-api';
import { createLintRunCache, type LintRunCache } from './lint-run-cache';
import { lintFailureReasons } from './lint-failure-reasons';
import type { NormalizedLintOptions } from './normalize-lint-options';
import { resolveEslint, type ResolvedEslint } from './resolve-eslint';
import { summarizeEslintResults, type LintSummary } from './summarize-eslint-results';

const EMPTY_SUMMARY: LintSummary = {
  counts: { errors: 0, warnings: 0, fixableErrors: 0, fixableWarnings: 0, fatal: 0, filesLinted: 0, filesWithProblems: 0 },
  rules: {},
  messages: [],
  messagesOmitted: 0,
};

/**
 * Lints a project with the workspace's own ESLint (flat config with the `ESLint` class of 9/10, or
 * eslintrc with the class `loadESLint({ useFlatConfig: false })` gives on 8.57/9) and returns its
 * LintResult. Never throws for tool problems (missing or throwing config, no files, crashing
 * rule): those give status 'error' with an `error` naming the file. Pass one `cache` to every
 * project of a batch so ESLint is loaded once and instances (with their loaded configs) are reused.
 */
export async function runLintForProject(
  project: ProjectRef,
  options: NormalizedLintOptions,
  cache: LintRunCache = createLintRunCache(),
): Promise<LintResult> {
  const startedAt = new Date();
  let tool: ToolInfo = { name: 'eslint', version: 'unknown' };
  const header = (): Omit<LintResult, 'status' | keyof LintSummary | 'fixed'> => ({
    ...resultHeader('lint', { name: project.name, root: options.projectRoot.relative }, startedAt),
    tool,
    ...(options.maxWarnings >= 0 ? { maxWarnings: options.maxWarnings } : {}),
    ...(options.eslintConfig ? { config: options.eslintConfig.relative } : {}),
    ...(options.officialTargetNotCarried ? { officialTargetNotCarried: options.officialTargetNotCarried } : {}),
  });

  try {
    const configFile = requireConfigFile(project, options);
    const eslint = await loadEslint(cache, [options.projectRoot.absolute, project.workspaceRoot], options.eslintConfigMode);
    tool = { name: 'eslint', version: eslint.version };
    const instance = eslintInstance(cache, eslint, {
      cwd: options.eslintCwd,
      // eslintrc: ESLint finds the cascade of .eslintrc.* itself, as `eslint .` does; only an explicit
      // config is added on top (`eslint --config`).
      ...(options.eslintConfigMode === 'flat' || options.eslintConfigExplicit ? { overrideConfigFile: configFile } : {}),
      fix: options.fix,
      cache: options.cache,
      ...(options.cache ? { cacheLocation: options.cacheLocation, cacheStrategy: options.cacheStrategy } : {}),
      errorOnUnmatchedPattern: options.errorOnUnmatchedPattern,
      // An ignored file named in lintFilePatterns is the config's decision, not a problem to count
      // (the eslintrc class has no such option and reports it as a warning, as its CLI does); beside
      // an official target, counted as its executor counts it.
      ...(options.eslintConfigMode === 'flat' && !options.warnIgnored ? { warnIgnored: false } : {}),
      ...options.eslintrcOptions,
      // `--ext` as ESLint's CLI passes it: the eslintrc class's `extensions`; for flat config (ESLint 9.21+), a config matching them.
      ...(options.extensions
        ? options.eslintConfigMode === 'flat'
          ? { overrideConfig: [{ files: options.extensions.map((extension) => `**/*${extension}`) }] }
          : { extensions: options.extensions }
        : {}),
      ...commandOptions(options),
    });
    await loadConfig(instance, options, project);

    let results;
    try {
      results = await instance.lintFiles(options.lintFilePatterns);
    } catch (error) {
      throw lintRunError(error, options, project);
    }
    if (results.length === 0 && options.errorWhenNothingLinted) throw nothingLinted(options, project);
    const fixed = options.fix && results.some((file) => typeof file.output === 'string');
    if (fixed) await eslint.ESLint.outputFixes(results);

    const summary = summarizeEslintResults(results, project.workspaceRoot, options.messagesCap);
    const failureReasons = lintFailureReasons(summary.counts, options.maxWarnings, project.name, options.maxWarningsOfficialTarget);
    return {
      ...header(),
      status: failureReasons.length > 0 ? 'failed' : 'passed',
      ...summary,
      fixed,
      ...(failureReasons.length > 0 ? { failureReasons } : {}),
    };
  } catch (error) {
    // The "never throws" boundary: our errors carry code, file and hint; anything else keeps its message.
    const described = describeError(error, 'ESLINT_RUN_FAILED');
    const hint =
      error instanceof QualityError ? described.hint : 'An unexpected failure inside the lint executor, not a known ESLint/config problem: please report it with this lint.json.';
    const recorded = { ...described, message: withoutRoot(described.message, project.workspaceRoot), ...(hint ? { hint } : {}) };
    return { ...header(), status: 'error', error: recorded, ...EMPTY_SUMMARY, fixed: false };
  }
}

/** A command's ignore and inline-config options as its CLI hands them to either ESLint class. */
function commandOptions(options: NormalizedLintOptions): Partial<EslintOptions> {
  const { ignorePatterns, ...flags } = options.commandOptions;
  if (!ignorePatterns) return flags;
  return options.eslintConfigMode === 'flat' ? { ...flags, ignorePatterns } : { ...flags, overrideConfig: { ignorePatterns } };
}

function requireConfigFile(project: ProjectRef, options: NormalizedLintOptions): string {
  const config = options.eslintConfig;
  if (!config) {
    throw new ConfigLoadError(
      'ESLINT_CONFIG_NOT_FOUND',
      options.projectRoot.relative,
      `No ESLint config found for project "${project.name}": none of ${[...ESLINT_FLAT_CONFIG_FILE_NAMES, ...(eslintConfigModeFromEnv() === 'flat' ? [] : ESLINTRC_FILE_NAMES)].join(', ')} in ${options.projectRoot.relative} or a folder above it inside the workspace${eslintConfigModeFromEnv() ? ` (ESLINT_USE_FLAT_CONFIG=${process.env['ESLINT_USE_FLAT_CONFIG']})` : ''}.`,
      { hint: 'Create an eslint.config.mjs (or, with ESLint 8.57 or 9, an .eslintrc.json) in the project or the workspace root, or set the `eslintConfig` option.' },
    );
  }
  if (!existsSync(config.absolute)) {
    throw new ConfigLoadError('ESLINT_CONFIG_NOT_FOUND', config.relative, `The ESLint config ${config.relative} of project "${project.name}" does not exist.`, {
      hint: options.eslintConfigExplicit
        ? 'Correct the `eslintConfig` option (a workspace-relative path) or remove it to use the nearest eslint.config.*.'
        : 'Re-run the target; the config was removed while it ran.',
    });
  }
  return config.absolute;
}

async function loadEslint(cache: LintRunCache, searchFrom: string[], mode: EslintConfigMode): Promise<ResolvedEslint> {
  const key = [mode, ...searchFrom].join('\0');
  let eslint = cache.eslintModules.get(key);
  if (!eslint) {
    eslint = await resolveEslint(searchFrom, mode);
    cache.eslintModules.set(key, eslint);
  }
  return eslint;
}

function eslintInstance(cache: LintRunCache, eslint: ResolvedEslint, eslintOptions: EslintOptions): EslintInstance {
  const key = JSON.stringify([eslint.path, eslint.mode, eslintOptions]);
  let instance = cache.instances.get(key);
  if (!instance) {
    instance = new eslint.ESLint(eslintOptions);
    cache.instances.set(key, instance);
  }
  return instance;
}

/**
 * Loads the config before linting so that a config that throws or is invalid is reported as the
 * config's fault (with its file), not as a failure of some linted file.
 */
async function loadConfig(instance: EslintInstance, options: NormalizedLintOptions, project: ProjectRef): Promise<void> {
  try {
    // Config objects are validated when merged for a file: probe a JavaScript and a TypeScript one.
    for (const probe of ['__nx_quality_probe__.js', '__nx_quality_probe__.ts']) {
      await instance.calculateConfigForFile(join(options.projectRoot.absolute, probe));
    }
  } catch (error) {
    const config = options.eslintConfig!;
    const cause = error instanceof Error ? error.message : String(error);
    throw new ConfigLoadError(
      'ESLINT_CONFIG_LOAD_FAILED',
      config.relative,
      `The ESLint config ${config.relative} could not be loaded for project "${project.name}": ${withoutRoot(cause, project.workspaceRoot)}${configLocation(error, config.absolute)}`,
      {
        cause: error,
        hint: `Correct the config (reproduce with \`${options.eslintConfigMode === 'eslintrc' ? 'ESLINT_USE_FLAT_CONFIG=false ' : ''}npx eslint --config ${config.relative} --print-config ${options.projectRoot.relative}/index.js\`) and make sure every plugin it imports is installed.`,
      },
    );
  }
}

/** Where in the config file the error was thrown, from its stack (" at eslint.config.mjs:3:7"), if there. */
function configLocation(error: unknown, configFile: string): string {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  for (const line of stack.split('\n')) {
    const match = line.includes(configFile) ? /:(\d+):(\d+)\)?\s*$/.exec(line) : null;
    if (match) return ` (at line ${match[1]}, column ${match[2]})`;
  }
  return '';
}

function lintRunError(error: unknown, options: NormalizedLintOptions, project: ProjectRef): QualityError {
  const template = (error as { messageTemplate?: string } | null)?.messageTemplate;
  const message = withoutRoot(error instanceof Error ? error.message : String(error), project.workspaceRoot);
  if (template === 'file-not-found' || template === 'all-matched-files-ignored') {
    return new QualityError('LINT_NO_FILES', `Nothing to lint for project "${project.name}": ${message}`, {
      cause: error,
      file: options.projectRoot.relative,
      hint: 'Correct `lintFilePatterns` (workspace-relative, {projectRoot} allowed), check the ignores of the ESLint config, or set `errorOnUnmatchedPattern: false`.',
    });
  }
  return new QualityError('ESLINT_RUN_FAILED', `ESLint failed while linting project "${project.name}": ${message}`, {
    cause: error,
    file: options.eslintConfig?.relative,
    hint: 'A rule or parser crashed; the message names the file and rule. Fix the input, update or reconfigure the plugin, or disable the rule for that file.',
  });
}

/** The official executor's failure when its patterns lint no file at all (each pattern may match none). */
function nothingLinted(options: NormalizedLintOptions, project: ProjectRef): QualityError {
  return new QualityError(
    'LINT_NO_FILES',
    `Nothing to lint for project "${project.name}": the lint file patterns of its target "${options.officialTarget}" (${options.lintFilePatterns.join(', ')}) match no file that the ESLint config does not ignore.`,
    {
      file: options.projectRoot.relative,
      hint: `Correct \`lintFilePatterns\` of the "${options.officialTarget}" target (\`nx run ${project.name}:${options.officialTarget}\` fails the same way), set \`errorOnUnmatchedPattern: false\` there, or give our lint target its own \`lintFilePatterns\`.`,
    },
  );
}

/** Results are cached and replayed on other machines: keep absolute workspace paths out of messages. */
function withoutRoot(message: string, workspaceRoot: string): string {
  return message.replaceAll(`${workspaceRoot}/`, '').replaceAll(workspaceRoot, '.');
}
