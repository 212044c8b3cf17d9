/** One command of a run-commands target, with its own `forwardAllArgs`. */
export interface RunCommandsEntry {
  command: string;
  forwardAllArgs?: unknown;
}

/**
 * The commands of run-commands options, in order: `command`, else each of `commands` (a string or
 * `{ command }`); undefined in the place of an entry that names no command.
 */
export function runCommandsEntries(options: Record<string, unknown>): (RunCommandsEntry | undefined)[] {
  const commands: unknown[] = typeof options['command'] === 'string' ? [options['command']] : Array.isArray(options['commands']) ? options['commands'] : [];
  return commands.map((entry) =>
    typeof entry === 'string' ? { command: entry } : typeof (entry as { command?: unknown } | null)?.command === 'string' ? (entry as RunCommandsEntry) : undefined,
  );
}
