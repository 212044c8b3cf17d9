/** Nx commands whose target names follow `-t`/`--target`/`--targets` (or come as `project:target`). */
const NX_COMMANDS = new Set(['run-many', 'affected', 'run', 'exec', 'watch', 'show', 'graph', 'release', 'g', 'generate', 'add', 'init', 'migrate', 'reset', 'daemon', 'report', 'list', 'format', 'format:check', 'format:write', 'sync', 'sync:check', 'connect', 'login', 'logout', 'repair', 'import', 'mcp', 'configure-ai-agents']);

/**
 * The targets an Nx command line runs: `nx run-many -t a,b`, `--targets=a --targets b`,
 * `nx affected --target=a`, `nx run project:target[:configuration]`, and the infix form
 * `nx <target> <project>`. `argv` is the full process argv (node, nx binary, arguments).
 */
export function targetsOfCommand(argv: readonly string[]): Set<string> {
  const args = argv.slice(2);
  const targets = new Set<string>();
  const command = args.find((arg) => !arg.startsWith('-'));
  const add = (value: string | undefined): void => {
    for (const name of (value ?? '').split(',')) if (name.trim()) targets.add(name.trim());
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const inline = /^--?(?:t|target|targets)=(.*)$/.exec(arg);
    if (inline) add(inline[1]);
    else if (arg === '-t' || arg === '--target' || arg === '--targets') {
      // Several space-separated values may follow one flag (yargs array option).
      for (let j = i + 1; j < args.length && !args[j]!.startsWith('-'); j++) add(args[j]);
    }
  }
  if (command === 'run') {
    const spec = args.slice(args.indexOf('run') + 1).find((arg) => !arg.startsWith('-') && arg.includes(':'));
    if (spec) add(spec.split(':')[1]);
  } else if (command !== undefined && !NX_COMMANDS.has(command) && args.indexOf(command) === 0) {
    add(command);
  }
  return targets;
}
