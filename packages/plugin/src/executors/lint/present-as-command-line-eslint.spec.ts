import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { presentAsCommandLineEslint } from './present-as-command-line-eslint';

// The pattern by which @nx/eslint-plugin (22.0 to 23.2, unchanged) tells an ESLint command-line run.
const NX_ESLINT_PLUGIN_CLI_PATTERN = /node_modules.*[\\/]eslint(?:\.js)?$/;

describe('presentAsCommandLineEslint', () => {
  let root: string;
  const workerArgv = (): string[] => ['/usr/bin/node', '/ws/node_modules/@nx-quality/plugin/dist/executors/shared/batch-worker.js'];
  const installEslint = (withCli: boolean): void => {
    mkdirSync(join(root, 'node_modules/eslint/bin'), { recursive: true });
    writeFileSync(join(root, 'node_modules/eslint/package.json'), '{"name":"eslint"}');
    if (withCli) writeFileSync(join(root, 'node_modules/eslint/bin/eslint.js'), '');
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'nxq-present-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("points argv[1] at the workspace's ESLint CLI script, which @nx/eslint-plugin takes for a command-line run", () => {
    installEslint(true);
    const argv = workerArgv();
    expect(presentAsCommandLineEslint(root, argv)).toBe(true);
    expect(argv).toEqual(['/usr/bin/node', join(root, 'node_modules/eslint/bin/eslint.js')]);
    expect(argv[1]).toMatch(NX_ESLINT_PLUGIN_CLI_PATTERN);
    expect(workerArgv()[1]).not.toMatch(NX_ESLINT_PLUGIN_CLI_PATTERN);
  });

  it('resolves the ESLint this repository installs to its CLI script', () => {
    const argv = workerArgv();
    expect(presentAsCommandLineEslint(process.cwd(), argv)).toBe(true);
    expect(argv[1]).toBe(join(dirname(require.resolve('eslint/package.json')), 'bin/eslint.js'));
  });

  it('leaves argv alone when the workspace has no ESLint or its ESLint has no CLI script', () => {
    const argv = workerArgv();
    const missing = (): string => {
      throw Object.assign(new Error("Cannot find module 'eslint/package.json'"), { code: 'MODULE_NOT_FOUND' });
    };
    expect(presentAsCommandLineEslint(root, argv, missing)).toBe(false);
    installEslint(false);
    expect(presentAsCommandLineEslint(root, argv)).toBe(false);
    expect(argv).toEqual(workerArgv());
  });
});
