import type { ShellWord } from './read-shell-command';

/** A program as a command line may name it: its command name, and the path of its bin script run with `node`. */
export interface ProgramNames {
  /** `eslint`, `vitest`, `jest` (also `node_modules/.bin/<name>`). */
  name: string;
  /** The bin script `node <path>` runs, e.g. `eslint/bin/eslint.js`. */
  bin: string;
}

/** Package runners whose next word is the program they run (their own options before it are skipped). */
const RUNNERS = new Set(['npx', 'bunx', 'pnpx', 'cross-env']);
/** Package managers whose subcommand runs a program; also `pnpm eslint`, `yarn eslint`. */
const RUNNER_SUBCOMMANDS: Record<string, readonly string[]> = { pnpm: ['exec'], yarn: ['exec', 'run'], npm: ['exec'], bun: ['x', 'run'] };
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/**
 * The arguments a simple command (`readShellCommand`) gives the program, or undefined when it runs
 * another: the program called directly, through a package runner (`npx`, `pnpm exec`, `yarn`,
 * `bunx`, `npm exec --`, `cross-env`), as `node_modules/.bin/<name>` or as `node <its bin script>`,
 * after environment assignments (`NODE_OPTIONS=… eslint .`).
 */
export function programArguments(words: ShellWord[], program: ProgramNames): ShellWord[] | undefined {
  const isProgram = (word: string): boolean => word === program.name || word.endsWith(`node_modules/.bin/${program.name}`);
  let index = 0;
  while (index < words.length && ASSIGNMENT.test(words[index]!.word)) index++;
  for (;;) {
    const first = words[index]?.word;
    if (first === undefined) return undefined;
    if (isProgram(first)) return words.slice(index + 1);
    const next = words[index + 1]?.word;
    if ((first === 'node' || first.endsWith('/node')) && next !== undefined && (next === program.bin || next.endsWith(`/${program.bin}`))) return words.slice(index + 2);
    const subcommands = RUNNER_SUBCOMMANDS[first];
    const viaSubcommand = subcommands !== undefined && next !== undefined && subcommands.includes(next);
    if (!RUNNERS.has(first) && !viaSubcommand && !(subcommands !== undefined && next !== undefined && isProgram(next))) return undefined;
    index += viaSubcommand ? 2 : 1;
    // The runner's own options and environment assignments (`npx --yes`, `cross-env A=1`, `npm exec --`).
    while (index < words.length && (words[index]!.word.startsWith('-') || ASSIGNMENT.test(words[index]!.word))) index++;
  }
}
