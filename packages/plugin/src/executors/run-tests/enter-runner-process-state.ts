import type { NormalizedTestOptions } from './normalize-test-options';

/**
 * What each runner's command line sets before it runs tests, which its Node API (what we call)
 * leaves unset: jest-cli's bin and @nx/jest:jest set `NODE_ENV` when it is unset; Vitest's CLI sets
 * `TEST` and `VITEST`, and `NODE_ENV` when unset (else Vite sets it to "development"). `node --test`
 * sets nothing.
 */
const CLI_ENV: Record<NormalizedTestOptions['runner'], { set: Record<string, string>; setUnlessSet: Record<string, string> }> = {
  jest: { set: {}, setUnlessSet: { NODE_ENV: 'test' } },
  vitest: { set: { TEST: 'true', VITEST: 'true' }, setUnlessSet: { NODE_ENV: 'test' } },
  node: { set: {}, setUnlessSet: {} },
};

/**
 * Gives this process what the official target gives the runner's tests: its working directory
 * (`directory`; tests read files relative to it, Vitest resolves `test.dir` against it, the
 * runner's workers start in it) and the environment the runner's command line sets. Returns the
 * function that puts both back. Throws when the directory cannot be entered, changing nothing.
 */
export function enterRunnerProcessState(runner: NormalizedTestOptions['runner'], directory: string): () => void {
  const previousDirectory = process.cwd();
  process.chdir(directory);
  const { set, setUnlessSet } = CLI_ENV[runner];
  const previousEnv = new Map<string, string | undefined>();
  for (const [name, value] of Object.entries(set)) {
    previousEnv.set(name, process.env[name]);
    process.env[name] = value;
  }
  for (const [name, value] of Object.entries(setUnlessSet)) {
    if (process.env[name] !== undefined) continue;
    previousEnv.set(name, undefined);
    process.env[name] = value;
  }
  return () => {
    for (const [name, value] of previousEnv) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    process.chdir(previousDirectory);
  };
}
