import { programArguments, type ProgramNames } from './program-arguments';
import { readShellCommand, type ShellWord } from './read-shell-command';

/** The test runners a package.json script may run (`node`: Node's own, `node --test`). */
export type ScriptTestRunner = 'jest' | 'vitest' | 'node';

/** How a command line names Jest and Vitest (also read for their flags, e.g. `--passWithNoTests`). */
export const TEST_RUNNER_PROGRAMS: Record<Exclude<ScriptTestRunner, 'node'>, ProgramNames> = {
  jest: { name: 'jest', bin: 'jest/bin/jest.js' },
  vitest: { name: 'vitest', bin: 'vitest/vitest.mjs' },
};
/** Vitest commands that do not run the tests once: they watch, benchmark, list or set up. */
const VITEST_NOT_A_RUN = new Set(['watch', 'dev', 'bench', 'list', 'init']);
const WATCH_FLAGS = new Set(['--watch', '-w', '--watchAll']);

/**
 * The test runner a package.json script runs once, as a CI run does (`vitest`, `vitest run`, `jest
 * --ci`, `node --import tsx --test`), found in any of its commands (`tsc -b && vitest run`, through
 * `npx`, `pnpm exec`, `node_modules/.bin`). Undefined when it runs none, more than one, one twice
 * (`vue-demi-switch 2 && vitest; vue-demi-switch 3 && vitest` is three runs of one suite), or a
 * runner in watch mode (`vitest watch`, `jest --watch`). `nodemon --test` is not Node's runner.
 */
export function scriptTestRunner(script: unknown): ScriptTestRunner | undefined {
  if (typeof script !== 'string') return undefined;
  const found: ScriptTestRunner[] = [];
  let watches = false;
  for (const words of readShellCommand(script) ?? []) {
    for (const runner of ['jest', 'vitest'] as const) {
      const args = programArguments(words, TEST_RUNNER_PROGRAMS[runner]);
      if (args === undefined) continue;
      if (runsOnce(runner, args)) found.push(runner);
      else watches = true;
    }
    if (runsNodeTests(words)) found.push('node');
  }
  return found.length === 1 && !watches ? found[0] : undefined;
}

function runsOnce(runner: 'jest' | 'vitest', args: ShellWord[]): boolean {
  if (args.some(({ word }) => WATCH_FLAGS.has(word))) return false;
  const command = args.find(({ word }) => !word.startsWith('-'))?.word;
  return runner !== 'vitest' || command === undefined || !VITEST_NOT_A_RUN.has(command);
}

/** `node … --test …` (`/usr/local/bin/node` too): Node's test runner. */
function runsNodeTests(words: ShellWord[]): boolean {
  const node = words.findIndex(({ word }) => word === 'node' || word.endsWith('/node'));
  return node >= 0 && words.slice(node + 1).some(({ word }) => word === '--test' || word.startsWith('--test='));
}
