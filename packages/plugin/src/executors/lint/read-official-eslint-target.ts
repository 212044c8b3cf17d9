import type { ExecutorContext } from '@nx/devkit';
import { posix } from 'node:path';
import { z } from 'zod';
import type { ProjectRef } from '../../shared/project-ref';
import { parseOptions } from '../../shared/parse-options';
import { OFFICIAL_EXECUTORS } from '../../tool-facts/official-plugins';
import { readOfficialTargetOptions } from '../shared/read-official-target-options';
import { officialEslintCommand } from './official-eslint-command';
import type { OfficialEslintTarget, UncarriedOfficialEslintTarget } from './official-eslint-target';

/**
 * The options of an official ESLint target that change which files its executor lints or with
 * which config, and the warnings limit past which it fails (`maxWarnings`, which `quiet` and `force`
 * switch off), with the official executor's schema defaults. The rest do not change what ESLint
 * reports and are not carried: output (`format`, `outputFile`, `silent`, `printConfig`), `fix`,
 * ESLint's cache, `quiet` as a display filter (our result keeps the warnings), `force` beyond the
 * warnings limit (errors fail ours, as the gates read them) and bulk suppressions (the executor
 * hands them to the ESLint class, which applies none without `applySuppressions`).
 */
const carriedOptionsSchema = z.looseObject({
  lintFilePatterns: z.array(z.string()).default(['{projectRoot}']),
  eslintConfig: z.string().min(1).optional(),
  errorOnUnmatchedPattern: z.boolean().default(true),
  noEslintrc: z.boolean().default(false),
  rulesdir: z.array(z.string()).default([]),
  ignorePath: z.string().min(1).optional(),
  resolvePluginsRelativeTo: z.string().min(1).optional(),
  reportUnusedDisableDirectives: z.enum(['off', 'warn', 'error']).optional(),
  maxWarnings: z.number().int().default(-1),
  quiet: z.boolean().default(false),
  force: z.boolean().default(false),
});

/**
 * The official ESLint target our lint target stands beside (its `officialTarget` option), read from
 * the task's executor context: an `@nx/eslint:lint` target (`@nx/linter:eslint`, `@nrwl/linter:eslint`),
 * or a package.json script or run-commands target whose command runs ESLint (`officialEslintCommand`:
 * `eslint ./src`, the `eslint .` @nx/eslint/plugin infers); undefined when there is none, or when
 * that target runs another executor or a command that does not run ESLint; why, when its command runs
 * ESLint in a way that cannot be carried.
 *
 * Its options are merged with its configuration as Nx does when it runs the target: our task's
 * configuration when the official target has one of that name, else its `defaultConfiguration`.
 * Throws InvalidOptionsError naming the official target when a carried option has the wrong shape.
 */
export function readOfficialEslintTarget(
  project: ProjectRef,
  rawOptions: unknown,
  context: ExecutorContext | undefined,
): OfficialEslintTarget | UncarriedOfficialEslintTarget | undefined {
  const official = readOfficialTargetOptions(project, rawOptions, context);
  if (!official) return undefined;
  const executors: readonly string[] = OFFICIAL_EXECUTORS.lint;
  if (!official.executor || !executors.includes(official.executor)) return officialEslintCommand(project, official);
  const { target, executor, options: merged } = official;
  const options = parseOptions(carriedOptionsSchema, merged, `the official target "${target}" of project "${project.name}" (${executor}), which the lint executor's \`officialTarget\` names`);
  const data = { projectRoot: project.root, projectName: project.name };
  return {
    target,
    lintFilePatterns: options.lintFilePatterns.map((pattern) => interpolateLintPattern(pattern, data)),
    ...(options.eslintConfig ? { eslintConfig: options.eslintConfig } : {}),
    errorOnUnmatchedPattern: options.errorOnUnmatchedPattern,
    noEslintrc: options.noEslintrc,
    rulesdir: options.rulesdir,
    ...(options.ignorePath ? { ignorePath: options.ignorePath } : {}),
    ...(options.resolvePluginsRelativeTo ? { resolvePluginsRelativeTo: options.resolvePluginsRelativeTo } : {}),
    ...(options.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: options.reportUnusedDisableDirectives } : {}),
    ...(options.maxWarnings >= 0 && !options.quiet && !options.force ? { maxWarnings: options.maxWarnings } : {}),
  };
}

const TOKEN = /{([\s\S]+?)}/g;

/**
 * A lint file pattern as the official executor interpolates it (Nx's task-runner `interpolate` with
 * `workspaceRoot: ''`): each path segment's `{projectRoot}`/`{projectName}` substituted, a leading
 * `{workspaceRoot}/` dropped, the segments joined with posix `join` (which normalizes them); a pattern
 * without tokens or starting with `/` is passed unchanged. Nx has already substituted the tokens of
 * options in project.json and targetDefaults when it built the project graph; this covers the rest.
 */
function interpolateLintPattern(pattern: string, data: { projectRoot: string; projectName: string }): string {
  if (pattern.startsWith('/') || !/{[\s\S]+?}/.test(pattern)) return pattern;
  const values: Record<string, string> = { projectRoot: data.projectRoot, projectName: data.projectName };
  const segments = pattern.split('/').map((segment) => {
    const withRoot = data.projectRoot === '.' ? segment.replace('{projectRoot}', '') : segment;
    return withRoot.replace(TOKEN, (match, name: string) => values[name.trim()] || match);
  });
  return posix.join(...segments).replace('{workspaceRoot}/', '');
}
