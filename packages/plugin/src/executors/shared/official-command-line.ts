import { join } from 'node:path';
import { readJsonIfPresent } from '../../inference/read-json-if-present';
import type { ProjectRef } from '../../shared/project-ref';
import { runCommandsEntries, type RunCommandsEntry } from '../../tool-facts/run-commands-entries';
import type { OfficialTargetOptions } from './read-official-target-options';

/**
 * The command line a command target runs: its package.json script (`nx:run-script`), or its
 * run-commands command(s) with the arguments run-commands adds, several side by side joined as
 * separate command lines. Undefined for a target of another executor, or a command that cannot be
 * read (a `{args.name}` placeholder, a missing script).
 */
export function officialCommandLine(project: ProjectRef, official: OfficialTargetOptions): string | undefined {
  const { options } = official;
  if (official.executor === 'nx:run-script') {
    const script = options['script'];
    if (typeof script !== 'string') return undefined;
    // No readable package.json: Nx could not have inferred the script target from it either.
    const manifest = readJsonIfPresent(join(project.workspaceRoot, project.root, 'package.json')) as { scripts?: Record<string, unknown> } | undefined;
    const text = manifest?.scripts?.[script];
    return typeof text === 'string' ? text : undefined;
  }
  if (official.executor !== undefined && official.executor !== 'nx:run-commands') return undefined;
  const entries = runCommandsEntries(options);
  if (entries.length === 0 || entries.some((entry) => entry === undefined)) return undefined;
  const forwarded = runCommandsForwardedArgs(options);
  const lines: string[] = [];
  for (const entry of entries as RunCommandsEntry[]) {
    // `{args.name}` picks single options: not reproduced.
    if (entry.command.includes('{args.')) return undefined;
    const forwardAll = entry.forwardAllArgs ?? options['forwardAllArgs'] ?? true;
    lines.push(entry.command.includes('{args}') ? entry.command.replaceAll('{args}', forwarded) : forwardAll !== false && forwarded !== '' ? `${entry.command} ${forwarded}` : entry.command);
  }
  // Several commands run side by side; each is a separate command line.
  return lines.join(' ; ');
}

/** run-commands' own options; any other option of a run-commands target reaches its command as `--name=value`. */
const RUN_COMMANDS_OPTIONS = new Set(['command', 'commands', 'color', 'no-color', 'parallel', 'no-parallel', 'readyWhen', 'cwd', 'args', 'envFile', '__unparsed__', 'env', 'usePty', 'streamOutput', 'verbose', 'forwardAllArgs', 'tty']);

/**
 * What run-commands adds to its command: every option it does not know itself as `--name=value`
 * (typescript-eslint's lint target sets `config`, which ESLint receives as `--config=…`), then `args`.
 */
function runCommandsForwardedArgs(options: Record<string, unknown>): string {
  const unknown = Object.entries(options)
    .filter(([name, value]) => !RUN_COMMANDS_OPTIONS.has(name) && value !== null && value !== undefined && typeof value !== 'object')
    .map(([name, value]) => {
      const arg = `--${name}=${String(value)}`;
      return /\s/.test(arg) ? `"${arg.replaceAll('"', '\\"')}"` : arg;
    });
  const args = typeof options['args'] === 'string' ? [options['args']] : Array.isArray(options['args']) ? options['args'].filter((arg): arg is string => typeof arg === 'string') : [];
  return [...unknown, ...args].join(' ');
}
