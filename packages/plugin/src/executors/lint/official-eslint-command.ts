import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ProjectRef } from '../../shared/project-ref';
import { officialCommandDirectory } from '../shared/official-command-directory';
import type { OfficialTargetOptions } from '../shared/read-official-target-options';
import { parseEslintCommand } from '../../tool-facts/parse-eslint-command';
import type { OfficialEslintTarget } from './official-eslint-target';

/**
 * What a command target (package.json script, run-commands) lints, when its command runs ESLint
 * and every option it gives ESLint can be carried (`parseEslintCommand`): its patterns, `--config`
 * and eslintrc options resolved against the directory the command runs in, as ESLint's CLI resolves
 * them there. Without patterns, ESLint's CLI lints that directory. Undefined otherwise: our lint then
 * lints the project with its config, as without an official target.
 */
export function officialEslintCommand(project: ProjectRef, official: OfficialTargetOptions): OfficialEslintTarget | undefined {
  const runsIn = officialCommandDirectory(project, official);
  const command = runsIn === undefined ? undefined : commandOf(project, official);
  if (runsIn === undefined || command === undefined) return undefined;
  const line = parseEslintCommand(command);
  if (!line || 'uncarried' in line) return undefined;
  const fromCommand = (path: string): string => resolve(runsIn, path);
  return {
    target: official.target,
    lintFilePatterns: (line.patterns.length > 0 ? line.patterns : ['.']).map(fromCommand),
    ...(line.config ? { eslintConfig: fromCommand(line.config) } : {}),
    errorOnUnmatchedPattern: line.errorOnUnmatchedPattern,
    noEslintrc: line.noEslintrc,
    rulesdir: line.rulesdir.map(fromCommand),
    ...(line.ignorePath ? { ignorePath: fromCommand(line.ignorePath) } : {}),
    ...(line.resolvePluginsRelativeTo ? { resolvePluginsRelativeTo: fromCommand(line.resolvePluginsRelativeTo) } : {}),
    runsIn,
    warnIgnored: line.warnIgnored,
  };
}

/** The command line the target runs: its package.json script, or its run-commands command(s) with their `args`. */
function commandOf(project: ProjectRef, official: OfficialTargetOptions): string | undefined {
  const { options } = official;
  if (official.executor === 'nx:run-script') {
    const script = options['script'];
    if (typeof script !== 'string') return undefined;
    try {
      const manifest = JSON.parse(readFileSync(join(project.workspaceRoot, project.root, 'package.json'), 'utf8')) as { scripts?: Record<string, unknown> };
      const text = manifest.scripts?.[script];
      return typeof text === 'string' ? text : undefined;
    } catch (error) {
      // No readable package.json: Nx could not have inferred the script target from it either.
      if (error instanceof SyntaxError || (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
  const commands = typeof options['command'] === 'string' ? [options['command']] : Array.isArray(options['commands']) ? options['commands'] : [];
  const texts = commands.map((entry: unknown) => (typeof entry === 'string' ? entry : typeof (entry as { command?: unknown } | null)?.command === 'string' ? (entry as { command: string }).command : undefined));
  if (texts.length === 0 || texts.some((text) => text === undefined)) return undefined;
  const args = typeof options['args'] === 'string' ? ` ${options['args']}` : Array.isArray(options['args']) ? ` ${options['args'].join(' ')}` : '';
  // Several commands run side by side; each is a separate command line, and `args` go to each.
  return texts.map((text) => `${text}${args}`).join(' ; ');
}
