import { LINT_PSEUDO_RULES } from '@nx-quality/core';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { copyFixture } from '../../test-support/copy-fixture';
import { fixtureCopyPerSuite } from '../../test-support/fixture-copy-per-suite';
import { cliCounts, eslintCli, eslintCliExitCode } from '../../test-support/eslint-cli-counts';
import { installEslintVersion } from '../../test-support/install-eslint-version';
import { runLintExecutor } from '../../test-support/run-lint-executor';

// Real ESLint runs of the lint executor on a fixture workspace, in a child process. Every number is
// checked against the `eslint` CLI's own `--format json` output on the same files, run the way a
// user runs it (`eslint .` inside the project, config found by ESLint itself), with ESLint 10 (the
// repository's) and ESLint 9 (installed into <repo>/tmp, linked into the fixture).
jest.setTimeout(240_000);

const FIXTURE = join(__dirname, '__fixtures__/lint-workspace');
const ESLINT10_DIR = dirname(require.resolve('eslint/package.json'));

/** ESLint 9 for the version matrix: installed once into a throwaway folder outside the repository's dependencies. */
const ensureEslint9 = (): string => installEslintVersion('^9.39.0', '9.');

const runExecutor = runLintExecutor;

describe.each([
  ['ESLint 10 (the workspace root install)', () => ESLINT10_DIR, '10.', true],
  ['ESLint 9 (linked into the workspace)', ensureEslint9, '9.', false],
])('lint executor with %s', (_label, eslintDir, versionPrefix, everyCase) => {
  // Option handling does not depend on the ESLint version: those cases run once, with ESLint 10.
  const itEveryVersion = it;
  const itOnce = (name: string, test: () => Promise<void>): void => {
    if (everyCase) it(name, test);
  };
  let ws: string;
  let cleanup: () => void;
  let eslint: string;

  beforeAll(() => {
    eslint = eslintDir();
    ({ dir: ws, cleanup } = copyFixture(FIXTURE, `lint-ws-${versionPrefix.replace('.', '')}`));
    if (eslint !== ESLINT10_DIR) {
      mkdirSync(join(ws, 'node_modules'), { recursive: true });
      symlinkSync(eslint, join(ws, 'node_modules/eslint'), 'dir');
    }
  });
  afterAll(() => cleanup());

  itEveryVersion('records errors, warnings, fixable, fatal and per-rule counts exactly as `eslint .` in the project does', async () => {
    const { success, result, stdout } = await runExecutor(ws, 'packages/dirty');
    const cli = cliCounts(eslintCli(eslint, join(ws, 'packages/dirty')), ws);

    expect(result.tool.version.startsWith(versionPrefix)).toBe(true);
    expect(success).toBe(false);
    expect(result.status).toBe('failed');
    expect(result.config).toBe('packages/dirty/eslint.config.mjs');
    expect(result.counts).toEqual(cli.counts);
    expect(result.rules).toEqual(cli.rules);
    expect(cli.counts.errors).toBeGreaterThan(0);
    // The parse error and the unused disable directive are counted under their pseudo rules.
    expect(result.rules[LINT_PSEUDO_RULES.parseError]).toEqual({ errors: 1, warnings: 0 });
    expect(result.rules[LINT_PSEUDO_RULES.unusedDisableDirective]).toEqual({ errors: 1, warnings: 0 });
    expect(result.counts.fatal).toBe(1);
    // The project config's relative ignore applies as it does for the CLI in the project folder.
    expect(cli.files).not.toContain('packages/dirty/src/generated/skip.js');
    expect(cli.files).toContain('packages/dirty/src/index.js');
    expect([...new Set(result.messages.map((message) => message.file))].sort()).toEqual(cli.filesWithProblems);
    expect(result.messages).toHaveLength(cli.counts.errors + cli.counts.warnings);
    expect(result.messages.findIndex((message) => message.severity === 'warning')).toBe(cli.counts.errors);
    expect(result.messages.every((message) => !message.file.startsWith('/'))).toBe(true);
    expect(result.failureReasons).toEqual([`${cli.counts.errors} ESLint errors (project dirty)`]);
    expect(stdout).toContain(`dirty: lint FAILED (eslint ${result.tool.version})`);
  });

  itEveryVersion('lints a project without its own config with the workspace config, like the CLI run in that project', async () => {
    const { success, result } = await runExecutor(ws, 'packages/clean');
    const cli = cliCounts(eslintCli(eslint, join(ws, 'packages/clean')), ws);
    expect(success).toBe(true);
    expect(result.status).toBe('passed');
    expect(result.config).toBe('eslint.config.mjs');
    expect(result.counts).toEqual(cli.counts);
    expect(result.counts.filesLinted).toBe(1);
  });

  itEveryVersion("lints what the project's package.json lint script lints (`eslint ./src`), as that script does in the project", async () => {
    const script = { lint: { executor: 'nx:run-script', options: { script: 'lint' } } };
    const { result } = await runExecutor(ws, 'packages/scripted', { officialTarget: 'lint' }, script);
    const cli = cliCounts(eslintCli(eslint, join(ws, 'packages/scripted'), ['--concurrency=auto', './src']), ws);
    expect(result.counts).toEqual(cli.counts);
    expect(result.rules).toEqual(cli.rules);
    expect(result.counts).toMatchObject({ filesLinted: 1, warnings: 1, errors: 0 });
    // Without the script, the project as `eslint .` lints it: tools.js too.
    const whole = cliCounts(eslintCli(eslint, join(ws, 'packages/scripted')), ws);
    expect(whole.counts.filesLinted).toBe(2);
    const { result: ownRun } = await runExecutor(ws, 'packages/scripted');
    expect(ownRun.counts).toEqual(whole.counts);
  });

  itEveryVersion("carries a script's --ignore-pattern (relative to the project, where the script runs) and --no-inline-config", async () => {
    const manifest = join(ws, 'packages/scripted/package.json');
    const original = readFileSync(manifest, 'utf8');
    const args = ['.', '--ignore-pattern', 'tools.js', '--no-inline-config'];
    writeFileSync(manifest, JSON.stringify({ name: 'scripted', scripts: { lint: `eslint ${args.join(' ')}` } }));
    try {
      const script = { lint: { executor: 'nx:run-script', options: { script: 'lint' } } };
      const { result } = await runExecutor(ws, 'packages/scripted', { officialTarget: 'lint' }, script);
      const cli = cliCounts(eslintCli(eslint, join(ws, 'packages/scripted'), args), ws);
      expect(result.counts).toEqual(cli.counts);
      expect(result.counts.filesLinted).toBe(1);
    } finally {
      writeFileSync(manifest, original);
    }
  });

  // code-pushup's lint targets run `eslint '<root>/**/*.{ts,…}' … --error-on-unmatched-pattern=false`.
  itOnce("carries a Boolean option written `--name=false`, and says in the result when a script's ESLint options cannot be carried", async () => {
    const manifest = join(ws, 'packages/scripted/package.json');
    const original = readFileSync(manifest, 'utf8');
    const script = { lint: { executor: 'nx:run-script', options: { script: 'lint' } } };
    const carried = ['./src', '--error-on-unmatched-pattern=false', '--warn-ignored=false'];
    try {
      writeFileSync(manifest, JSON.stringify({ name: 'scripted', scripts: { lint: `eslint ${carried.join(' ')}` } }));
      const { result } = await runExecutor(ws, 'packages/scripted', { officialTarget: 'lint' }, script);
      expect(result.counts).toEqual(cliCounts(eslintCli(eslint, join(ws, 'packages/scripted'), carried), ws).counts);
      expect(result.counts.filesLinted).toBe(1);
      expect(result.officialTargetNotCarried).toBeUndefined();

      writeFileSync(manifest, JSON.stringify({ name: 'scripted', scripts: { lint: 'eslint --fix-dry-run ./src' } }));
      const uncarried = await runExecutor(ws, 'packages/scripted', { officialTarget: 'lint' }, script);
      const sentence =
        'The official target "lint" runs ESLint in a way nx-quality cannot reproduce (its option `--fix-dry-run` changes what ESLint reports and is not carried): ' +
        'this run linted the project with its ESLint config instead, so its files and messages may differ from `nx run scripted:lint`.';
      expect(uncarried.result.officialTargetNotCarried).toBe(sentence);
      expect(uncarried.stdout).toContain(`! ${sentence}`);
      // What it lints instead: the project, as `eslint .` there does.
      expect(uncarried.result.counts).toEqual(cliCounts(eslintCli(eslint, join(ws, 'packages/scripted')), ws).counts);
    } finally {
      writeFileSync(manifest, original);
    }
  });

  itOnce('passes with warnings unless they exceed maxWarnings, then fails with one sentence', async () => {
    const cli = cliCounts(eslintCli(eslint, join(ws, 'packages/warnings')), ws);
    expect(cli.counts.warnings).toBe(3);

    const unlimited = await runExecutor(ws, 'packages/warnings');
    expect(unlimited.success).toBe(true);
    expect(unlimited.result.counts).toEqual(cli.counts);

    const limited = await runExecutor(ws, 'packages/warnings', { maxWarnings: 2 });
    expect(limited.success).toBe(false);
    expect(limited.result.status).toBe('failed');
    expect(limited.result.maxWarnings).toBe(2);
    expect(limited.result.failureReasons).toEqual(['3 ESLint warnings exceed maxWarnings 2 (project warnings)']);
  });

  // code-pushup's lint targets run `eslint … --max-warnings=0`: one warning fails them.
  itOnce("fails beside a script where the script's `--max-warnings` fails it, and passes where it passes; our own maxWarnings wins", async () => {
    const manifest = join(ws, 'packages/scripted/package.json');
    const original = readFileSync(manifest, 'utf8');
    const script = { lint: { executor: 'nx:run-script', options: { script: 'lint' } } };
    const run = async (limit: string, own: Record<string, unknown> = {}) => {
      const args = ['./src', '--max-warnings', limit];
      writeFileSync(manifest, JSON.stringify({ name: 'scripted', scripts: { lint: `eslint ${args.join(' ')}` } }));
      const { success, result } = await runExecutor(ws, 'packages/scripted', { officialTarget: 'lint', ...own }, script);
      return { cliExit: eslintCliExitCode(eslint, join(ws, 'packages/scripted'), args), success, status: result.status, warnings: result.counts.warnings, maxWarnings: result.maxWarnings, failureReasons: result.failureReasons };
    };
    try {
      expect(await run('0')).toEqual({
        cliExit: 1,
        success: false,
        status: 'failed',
        warnings: 1,
        maxWarnings: 0,
        failureReasons: ['1 ESLint warning exceeds maxWarnings 0, the limit of the official target "lint" (project scripted)'],
      });
      expect(await run('1')).toEqual({ cliExit: 0, success: true, status: 'passed', warnings: 1, maxWarnings: 1, failureReasons: undefined });
      expect(await run('0', { maxWarnings: -1 })).toMatchObject({ cliExit: 1, success: true, status: 'passed', maxWarnings: undefined });
    } finally {
      writeFileSync(manifest, original);
    }
  });

  itOnce("uses ESLint's cache in the workspace's node_modules/.cache and gives the same counts from it", async () => {
    const first = await runExecutor(ws, 'packages/warnings', { cache: true });
    expect(existsSync(join(ws, 'node_modules/.cache/nx-quality/eslint/warnings.eslintcache'))).toBe(true);
    const second = await runExecutor(ws, 'packages/warnings', { cache: true });
    expect(second.result.counts).toEqual(first.result.counts);
    expect(second.result.rules).toEqual(first.result.rules);
    expect(second.result.counts).toEqual(cliCounts(eslintCli(eslint, join(ws, 'packages/warnings')), ws).counts);
  });

  itOnce('caps the message list but keeps the counts exact', async () => {
    const { result } = await runExecutor(ws, 'packages/dirty', { messagesCap: 3 });
    const cli = cliCounts(eslintCli(eslint, join(ws, 'packages/dirty')), ws);
    expect(result.counts).toEqual(cli.counts);
    expect(result.messages).toHaveLength(3);
    expect(result.messages.every((message) => message.severity === 'error')).toBe(true);
    expect(result.messagesOmitted).toBe(cli.counts.errors + cli.counts.warnings - 3);
  });

  itEveryVersion('records a config that throws as status error naming the config file and the cause', async () => {
    const { success, result, stdout } = await runExecutor(ws, 'packages/throws');
    expect(success).toBe(false);
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({ code: 'ESLINT_CONFIG_LOAD_FAILED', file: 'packages/throws/eslint.config.mjs' });
    expect(result.error?.message).toContain('boom from the throwing config');
    expect(result.error?.message).toContain('packages/throws/eslint.config.mjs');
    expect(result.error?.message).not.toContain(ws);
    expect(result.error?.hint).toBeTruthy();
    expect(stdout).toContain('ESLINT_CONFIG_LOAD_FAILED');
  });

  itOnce('records a missing explicit config as status error naming the option value', async () => {
    const { result } = await runExecutor(ws, 'packages/clean', { eslintConfig: 'configs/missing.eslint.config.mjs' });
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({ code: 'ESLINT_CONFIG_NOT_FOUND', file: 'configs/missing.eslint.config.mjs' });
  });

  itOnce('records patterns that match nothing as status error', async () => {
    const { result } = await runExecutor(ws, 'packages/clean', { lintFilePatterns: ['{projectRoot}/no-such-folder'] });
    expect(result.status).toBe('error');
    expect(result.error?.code).toBe('LINT_NO_FILES');
    expect(result.error?.message).toContain('packages/clean/no-such-folder');
  });
});

describe('lint executor with fix: true (ESLint 10)', () => {
  const ws = fixtureCopyPerSuite(FIXTURE, 'lint-ws-fix');

  it('writes the fixes and records what is left, as the CLI then reports it', async () => {
    const before = readFileSync(join(ws(), 'packages/dirty/src/index.js'), 'utf8');
    const { result } = await runExecutor(ws(), 'packages/dirty', { fix: true });
    const after = readFileSync(join(ws(), 'packages/dirty/src/index.js'), 'utf8');
    expect(result.fixed).toBe(true);
    expect(before).toContain('let same = a == b;');
    expect(after).toContain('const same = a == b;');
    const cli = cliCounts(eslintCli(ESLINT10_DIR, join(ws(), 'packages/dirty')), ws());
    expect(result.counts).toEqual(cli.counts);
    expect(result.counts.fixableErrors + result.counts.fixableWarnings).toBe(0);
  });
});
