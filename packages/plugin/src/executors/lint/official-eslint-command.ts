import { resolve } from 'node:path';
import type { ProjectRef } from '../../shared/project-ref';
import { officialCommandDirectory } from '../shared/official-command-directory';
import { officialCommandLine } from '../shared/official-command-line';
import type { OfficialTargetOptions } from '../shared/read-official-target-options';
import { parseEslintCommand } from '../../tool-facts/parse-eslint-command';
import type { OfficialEslintTarget, UncarriedOfficialEslintTarget } from './official-eslint-target';

/**
 * What a command target (package.json script, run-commands) lints, when its command runs ESLint
 * and every option it gives ESLint can be carried (`parseEslintCommand`): its patterns, `--config`
 * and eslintrc options resolved against the directory the command runs in, as ESLint's CLI resolves
 * them there. Without patterns, ESLint's CLI lints that directory. Where the command runs ESLint in a
 * way that cannot be carried, why (our lint then lints the project with its config, as without an
 * official target, and its result says so); undefined where no command that runs ESLint can be read.
 */
export function officialEslintCommand(project: ProjectRef, official: OfficialTargetOptions): OfficialEslintTarget | UncarriedOfficialEslintTarget | undefined {
  const runsIn = officialCommandDirectory(project, official);
  const command = runsIn === undefined ? undefined : officialCommandLine(project, official);
  if (runsIn === undefined || command === undefined) return undefined;
  const line = parseEslintCommand(command);
  if (!line) return undefined;
  if ('uncarried' in line) return { target: official.target, uncarried: line.uncarried };
  const fromCommand = (path: string): string => resolve(runsIn, path);
  return {
    target: official.target,
    lintFilePatterns: (line.patterns.length > 0 ? line.patterns : ['.']).map(fromCommand),
    ...(line.config ? { eslintConfig: fromCommand(line.config) } : {}),
    ...(line.extensions ? { extensions: line.extensions } : {}),
    ...(line.ignorePatterns.length > 0 ? { ignorePatterns: line.ignorePatterns } : {}),
    ...(line.ignore ? {} : { ignore: false as const }),
    ...(line.inlineConfig ? {} : { inlineConfig: false as const }),
    errorOnUnmatchedPattern: line.errorOnUnmatchedPattern,
    ...(line.maxWarnings !== undefined ? { maxWarnings: line.maxWarnings } : {}),
    noEslintrc: line.noEslintrc,
    rulesdir: line.rulesdir.map(fromCommand),
    ...(line.ignorePath ? { ignorePath: fromCommand(line.ignorePath) } : {}),
    ...(line.resolvePluginsRelativeTo ? { resolvePluginsRelativeTo: fromCommand(line.resolvePluginsRelativeTo) } : {}),
    runsIn,
    warnIgnored: line.warnIgnored,
  };
}
