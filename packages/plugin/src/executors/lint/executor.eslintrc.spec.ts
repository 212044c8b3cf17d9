import { LINT_PSEUDO_RULES } from '@nx-quality/core';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture } from '../../test-support/copy-fixture';
import { cliCounts, eslintCli } from '../../test-support/eslint-cli-counts';
import { installEslintVersion } from '../../test-support/install-eslint-version';
import { runLintExecutor } from '../../test-support/run-lint-executor';

// Real eslintrc runs of the lint executor (.eslintrc.json/.yml/.js/.cjs, cascading as Nx 22's
// generators write them), in a child process, with ESLint 8.57.1 and ESLint 9 in eslintrc mode.
// Every number is checked against `ESLINT_USE_FLAT_CONFIG=false eslint . --format json` run in the
// project, as Nx's inferred target runs it. Both ESLints are installed into <repo>/tmp once and
// linked into the fixture copy: never at the root, where a second `eslint` bin would shadow ESLint 10's.
jest.setTimeout(240_000);

const FIXTURE = join(__dirname, '__fixtures__/lint-eslintrc-workspace');
// The CLI would otherwise find the repository's own eslint.config.mjs above the fixture copy and
// switch to flat config (ESLint 8 does so when it finds one; 9 always).
const ESLINTRC_CLI = { ESLINT_USE_FLAT_CONFIG: 'false' };

const runExecutor = runLintExecutor;

function fixtureWithEslint(label: string, eslintDir?: string): { ws: string; cleanup: () => void } {
  const { dir: ws, cleanup } = copyFixture(FIXTURE, label);
  if (eslintDir) {
    mkdirSync(join(ws, 'node_modules'), { recursive: true });
    symlinkSync(eslintDir, join(ws, 'node_modules/eslint'), 'dir');
  }
  return { ws, cleanup };
}

describe.each([
  ['ESLint 8.57.1', () => installEslintVersion('8.57.1', '8.57.1'), '8.57.1', true],
  ['ESLint 9 in eslintrc mode (LegacyESLint)', () => installEslintVersion('^9.39.0', '9.'), '9.', false],
])('lint executor on eslintrc configs with %s', (_label, eslintDir, versionPrefix, everyCase) => {
  const itOnce = (name: string, test: () => Promise<void>): void => {
    if (everyCase) it(name, test);
  };
  let ws: string;
  let cleanup: () => void;
  let eslint: string;
  const cli = (root: string) => cliCounts(eslintCli(eslint, join(ws, root), ['.'], ESLINTRC_CLI), ws);

  beforeAll(() => {
    eslint = eslintDir();
    ({ ws, cleanup } = fixtureWithEslint(`lint-rc-${versionPrefix.split('.')[0]}`, eslint));
  });
  afterAll(() => cleanup());

  it('records errors, warnings, fixable, fatal and per-rule counts exactly as `eslint .` in the project does', async () => {
    const { success, result, stdout } = await runExecutor(ws, 'packages/dirty');
    const expected = cli('packages/dirty');

    expect(result.tool.version.startsWith(versionPrefix)).toBe(true);
    expect(success).toBe(false);
    expect(result.status).toBe('failed');
    expect(result.config).toBe('packages/dirty/.eslintrc.json');
    expect(result.counts).toEqual(expected.counts);
    expect(result.rules).toEqual(expected.rules);
    expect(result.rules[LINT_PSEUDO_RULES.parseError]).toEqual({ errors: 1, warnings: 0 });
    // `reportUnusedDisableDirectives: true` in an eslintrc file reports them as warnings.
    expect(result.rules[LINT_PSEUDO_RULES.unusedDisableDirective]).toEqual({ errors: 0, warnings: 1 });
    // The project's ignorePatterns (relative to its .eslintrc.json) and the TypeScript override apply.
    expect(expected.files).toEqual(['packages/dirty/src/broken.js', 'packages/dirty/src/index.js', 'packages/dirty/src/typed.ts']);
    expect([...new Set(result.messages.map((message) => message.file))].sort()).toEqual(expected.filesWithProblems);
    expect(result.messages).toHaveLength(expected.counts.errors + expected.counts.warnings);
    expect(stdout).toContain(`dirty: lint FAILED (eslint ${result.tool.version})`);
  });

  it('passes a clean project and reads .eslintrc.yml', async () => {
    const clean = await runExecutor(ws, 'packages/clean');
    expect(clean.success).toBe(true);
    expect(clean.result.counts).toEqual(cli('packages/clean').counts);
    expect(clean.result.counts.filesLinted).toBe(1);

    const warnings = await runExecutor(ws, 'packages/warnings');
    const expected = cli('packages/warnings');
    expect(warnings.success).toBe(true);
    expect(warnings.result.config).toBe('packages/warnings/.eslintrc.yml');
    expect(warnings.result.counts).toEqual(expected.counts);
    expect(warnings.result.rules).toEqual(expected.rules);
    expect(expected.counts.warnings).toBe(3);
  });

  it('applies a nested .eslintrc.cjs to its folder only, as the cascade does', async () => {
    const { result } = await runExecutor(ws, 'packages/nested');
    const expected = cli('packages/nested');
    expect(result.counts).toEqual(expected.counts);
    expect(result.rules).toEqual(expected.rules);
    expect(result.rules['eqeqeq']).toEqual({ errors: 1, warnings: 1 });
    expect(result.rules['no-var']).toEqual({ errors: 1, warnings: 0 });
  });

  it('records a .eslintrc.js that throws as status error naming the config and the cause', async () => {
    const { success, result } = await runExecutor(ws, 'packages/throws');
    expect(success).toBe(false);
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({ code: 'ESLINT_CONFIG_LOAD_FAILED', file: 'packages/throws/.eslintrc.js' });
    expect(result.error?.message).toContain('boom from the throwing config');
    expect(result.error?.message).not.toContain(ws);
    expect(result.error?.hint).toContain('ESLINT_USE_FLAT_CONFIG=false');
  });

  it("lints what a package.json lint script with --ext lints (ESLint 8's `eslint . --ext .js,.mjs`): the .mjs files too", async () => {
    const manifest = join(ws, 'packages/clean/package.json');
    const module = join(ws, 'packages/clean/src/extra.mjs');
    writeFileSync(manifest, JSON.stringify({ name: 'clean', scripts: { lint: 'eslint . --ext .js,.mjs' } }));
    writeFileSync(module, 'export const extra = 1;\n');
    try {
      const script = { lint: { executor: 'nx:run-script', options: { script: 'lint' } } };
      const { result } = await runExecutor(ws, 'packages/clean', { officialTarget: 'lint' }, script);
      const cli = cliCounts(eslintCli(eslint, join(ws, 'packages/clean'), ['.', '--ext', '.js,.mjs'], ESLINTRC_CLI), ws);
      expect(result.counts).toEqual(cli.counts);
      expect(result.rules).toEqual(cli.rules);
      // Without --ext, ESLint lints only the .js files (and those its overrides name) of a folder it is given.
      const plain = cliCounts(eslintCli(eslint, join(ws, 'packages/clean'), ['.'], ESLINTRC_CLI), ws);
      expect({ withExt: cli.counts.filesLinted, without: plain.counts.filesLinted }).toEqual({ withExt: plain.counts.filesLinted + 1, without: plain.counts.filesLinted });
    } finally {
      rmSync(manifest, { force: true });
      rmSync(module, { force: true });
    }
  });

  itOnce('writes fixes and records what is left, as the CLI then reports it', async () => {
    const { result } = await runExecutor(ws, 'packages/dirty', { fix: true });
    expect(result.fixed).toBe(true);
    expect(readFileSync(join(ws, 'packages/dirty/src/index.js'), 'utf8')).toContain('const same = a == b;');
    expect(result.counts).toEqual(cli('packages/dirty').counts);
    expect(result.counts.fixableErrors + result.counts.fixableWarnings).toBe(0);
  });

  itOnce("uses ESLint's cache and gives the same counts from it", async () => {
    const first = await runExecutor(ws, 'packages/warnings', { cache: true });
    const second = await runExecutor(ws, 'packages/warnings', { cache: true });
    expect(second.result.counts).toEqual(first.result.counts);
    expect(second.result.counts).toEqual(cli('packages/warnings').counts);
  });
});

describe('lint executor on eslintrc configs with ESLint 10', () => {
  let ws: string;
  let cleanup: () => void;
  beforeAll(() => ({ ws, cleanup } = fixtureWithEslint('lint-rc-10')));
  afterAll(() => cleanup());

  it('records ESLINT_UNSUPPORTED_VERSION: ESLint 10 has no eslintrc', async () => {
    const { success, result } = await runExecutor(ws, 'packages/clean');
    expect(success).toBe(false);
    expect(result.status).toBe('error');
    expect(result.tool.version).toBe('unknown');
    expect(result.error?.code).toBe('ESLINT_UNSUPPORTED_VERSION');
    expect(result.error?.message).toContain('eslintrc linting needs ESLint 8.57 or 9');
    expect(result.error?.hint).toContain('migrate-config');
  });
});
