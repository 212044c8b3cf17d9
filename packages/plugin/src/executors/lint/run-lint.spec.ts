import type { ExecutorContext, TargetConfiguration } from '@nx/devkit';
import { LINT_PSEUDO_RULES } from '@nx-quality/core';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EslintFileResult, EslintOptions } from './eslint-api';
import { createLintRunCache } from './lint-run-cache';
import { normalizeLintOptions } from './normalize-lint-options';
import { resolveEslint } from './resolve-eslint';
import { runLintForProject } from './run-lint';

jest.mock('./resolve-eslint');

// ESLint mocked: what the executor hands to the `ESLint` class, and how it maps what comes back.
describe('runLintForProject with ESLint mocked', () => {
  const ws = mkdtempSync(join(tmpdir(), 'nxq-lint-'));
  mkdirSync(join(ws, 'libs/a/src'), { recursive: true });
  mkdirSync(join(ws, 'libs/b'), { recursive: true });
  writeFileSync(join(ws, 'eslint.config.mjs'), 'export default [];');
  writeFileSync(join(ws, 'libs/a/eslint.config.mjs'), 'export default [];');
  const projectA = { workspaceRoot: ws, name: 'a', root: 'libs/a', tags: [] };
  const projectB = { workspaceRoot: ws, name: 'b', root: 'libs/b', tags: [] };

  let constructed: EslintOptions[];
  let linted: string[][];
  let results: EslintFileResult[];
  let configError: Error | undefined;
  const outputFixes = jest.fn(async () => undefined);

  beforeEach(() => {
    constructed = [];
    linted = [];
    configError = undefined;
    results = [];
    outputFixes.mockClear();
    class FakeESLint {
      static version = '9.39.0';
      static outputFixes = outputFixes;
      constructor(options: EslintOptions) {
        constructed.push(options);
      }
      async calculateConfigForFile(): Promise<unknown> {
        if (configError) throw configError;
        return {};
      }
      async lintFiles(patterns: string[]): Promise<EslintFileResult[]> {
        linted.push(patterns);
        return results;
      }
    }
    jest.mocked(resolveEslint).mockResolvedValue({ ESLint: FakeESLint, path: '/fake/eslint/lib/api.js', version: '9.39.0', major: 9, mode: 'flat' });
  });

  it("passes the project's own config as overrideConfigFile with its folder as cwd, and lints the project root", async () => {
    await runLintForProject(projectA, normalizeLintOptions(projectA, {}));
    expect(resolveEslint).toHaveBeenCalledWith([join(ws, 'libs/a'), ws], 'flat');
    expect(constructed).toEqual([
      { cwd: join(ws, 'libs/a'), overrideConfigFile: join(ws, 'libs/a/eslint.config.mjs'), fix: false, cache: false, errorOnUnmatchedPattern: true, warnIgnored: false },
    ]);
    expect(linted).toEqual([[join(ws, 'libs/a')]]);
  });

  it('falls back to the workspace config (cwd the workspace root) and passes fix, cache and patterns', async () => {
    const options = normalizeLintOptions(projectB, { fix: true, cache: true, cacheStrategy: 'content', lintFilePatterns: ['{projectRoot}/src/**/*.ts'] });
    await runLintForProject(projectB, options);
    expect(constructed).toEqual([
      {
        cwd: ws,
        overrideConfigFile: join(ws, 'eslint.config.mjs'),
        fix: true,
        cache: true,
        cacheLocation: join(ws, 'node_modules/.cache/nx-quality/eslint/b.eslintcache'),
        cacheStrategy: 'content',
        errorOnUnmatchedPattern: true,
        warnIgnored: false,
      },
    ]);
    expect(linted).toEqual([[join(ws, 'libs/b/src/**/*.ts')]]);
  });

  it('uses the workspace root as cwd for an explicit config outside the project folders (e.g. under tools/)', async () => {
    mkdirSync(join(ws, 'tools'), { recursive: true });
    writeFileSync(join(ws, 'tools/eslint.shared.mjs'), 'export default [];');
    await runLintForProject(projectA, normalizeLintOptions(projectA, { eslintConfig: 'tools/eslint.shared.mjs' }));
    expect(constructed[0]).toMatchObject({ cwd: ws, overrideConfigFile: join(ws, 'tools/eslint.shared.mjs') });
  });

  it('writes fixes only when ESLint produced output, and counts what is left', async () => {
    results = [
      {
        filePath: join(ws, 'libs/a/src/x.js'),
        output: 'fixed',
        errorCount: 1,
        warningCount: 1,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
        fatalErrorCount: 0,
        messages: [
          { ruleId: 'no-console', severity: 1, message: 'Unexpected console statement.', line: 2, column: 1 },
          { ruleId: null, severity: 2, message: "Unused eslint-disable directive (no problems were reported from 'eqeqeq').", line: 1, column: 1, fix: { range: [0, 1], text: '' } },
        ],
      },
    ];
    const result = await runLintForProject(projectA, normalizeLintOptions(projectA, { fix: true }));
    expect(outputFixes).toHaveBeenCalledWith(results);
    expect(result.fixed).toBe(true);
    expect(result.rules).toEqual({ [LINT_PSEUDO_RULES.unusedDisableDirective]: { errors: 1, warnings: 0 }, 'no-console': { errors: 0, warnings: 1 } });
    expect(result.messages.map((m) => [m.file, m.severity, m.fixable])).toEqual([
      ['libs/a/src/x.js', 'error', true],
      ['libs/a/src/x.js', 'warning', false],
    ]);
    expect(result.status).toBe('failed');
  });

  it('reuses one ESLint instance for projects with the same config and options through a shared cache', async () => {
    const cache = createLintRunCache();
    await runLintForProject(projectB, normalizeLintOptions(projectB, {}), cache);
    await runLintForProject(projectB, normalizeLintOptions(projectB, {}), cache);
    expect(constructed).toHaveLength(1);
    expect(linted).toHaveLength(2);
  });

  it('reports a config that fails to load as ESLINT_CONFIG_LOAD_FAILED naming the config, without linting', async () => {
    configError = new Error(`Cannot find package 'missing-plugin' imported from ${ws}/libs/a/eslint.config.mjs`);
    const result = await runLintForProject(projectA, normalizeLintOptions(projectA, {}));
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({ code: 'ESLINT_CONFIG_LOAD_FAILED', file: 'libs/a/eslint.config.mjs' });
    expect(result.error?.message).toContain("Cannot find package 'missing-plugin' imported from libs/a/eslint.config.mjs");
    expect(linted).toEqual([]);
  });

  it('fails on warnings only beyond maxWarnings', async () => {
    results = [
      { filePath: join(ws, 'libs/a/x.js'), errorCount: 0, warningCount: 2, fixableErrorCount: 0, fixableWarningCount: 0, messages: [
        { ruleId: 'no-console', severity: 1, message: 'c', line: 1, column: 1 },
        { ruleId: 'no-console', severity: 1, message: 'c', line: 2, column: 1 },
      ] },
    ];
    expect((await runLintForProject(projectA, normalizeLintOptions(projectA, { maxWarnings: 2 }))).status).toBe('passed');
    const over = await runLintForProject(projectA, normalizeLintOptions(projectA, { maxWarnings: 1 }));
    expect(over.status).toBe('failed');
    expect(over.failureReasons).toEqual(['2 ESLint warnings exceed maxWarnings 1 (project a)']);
  });

  it('lets ESLint find the eslintrc cascade from the project root (no overrideConfigFile, no warnIgnored) and asks for the eslintrc class', async () => {
    const rc = mkdtempSync(join(tmpdir(), 'nxq-lint-rc-'));
    mkdirSync(join(rc, 'libs/c/src'), { recursive: true });
    writeFileSync(join(rc, '.eslintrc.json'), '{ "root": true }');
    writeFileSync(join(rc, 'libs/c/.eslintrc.json'), '{ "extends": ["../../.eslintrc.json"] }');
    const projectC = { workspaceRoot: rc, name: 'c', root: 'libs/c', tags: [] };
    const result = await runLintForProject(projectC, normalizeLintOptions(projectC, {}));
    expect(resolveEslint).toHaveBeenCalledWith([join(rc, 'libs/c'), rc], 'eslintrc');
    expect(constructed).toEqual([{ cwd: join(rc, 'libs/c'), fix: false, cache: false, errorOnUnmatchedPattern: true }]);
    expect(result.config).toBe('libs/c/.eslintrc.json');
  });

  it('names the flat and the eslintrc file names when a project has no config at all', async () => {
    const none = mkdtempSync(join(tmpdir(), 'nxq-lint-none-'));
    mkdirSync(join(none, 'libs/d'), { recursive: true });
    const projectD = { workspaceRoot: none, name: 'd', root: 'libs/d', tags: [] };
    const result = await runLintForProject(projectD, normalizeLintOptions(projectD, {}));
    expect(result.error).toMatchObject({ code: 'ESLINT_CONFIG_NOT_FOUND', file: 'libs/d' });
    expect(result.error?.message).toContain('eslint.config.mjs');
    expect(result.error?.message).toContain('.eslintrc.json');
  });

  describe('beside an official @nx/eslint:lint target', () => {
    const rc = mkdtempSync(join(tmpdir(), 'nxq-lint-official-'));
    mkdirSync(join(rc, 'libs/e/types'), { recursive: true });
    writeFileSync(join(rc, '.eslintrc.json'), '{ "root": true }');
    writeFileSync(join(rc, 'libs/e/types/.eslintrc.js'), 'module.exports = {};');
    const projectE = { workspaceRoot: rc, name: 'e', root: 'libs/e', tags: [] };
    const contextWith = (lint: TargetConfiguration, root = rc, name = 'e'): ExecutorContext =>
      ({ root, projectName: name, targetName: 'quality-lint', projectGraph: { nodes: { [name]: { data: { targets: { lint } } } } } }) as unknown as ExecutorContext;
    const official = (options: Record<string, unknown>) => contextWith({ executor: '@nx/eslint:lint', options });
    const ours = { officialTarget: 'lint' };

    it('lints its patterns as written from the workspace root, fails only when nothing at all is linted, and passes its eslintrc options', async () => {
      const context = official({
        lintFilePatterns: ['{projectRoot}/**/*.ts', '!{projectRoot}/types'],
        rulesdir: ['tools/rules'],
        ignorePath: '.lintignore',
        reportUnusedDisableDirectives: 'warn',
        format: 'json',
        quiet: true,
      });
      const result = await runLintForProject(projectE, normalizeLintOptions(projectE, ours, context));
      expect(resolveEslint).toHaveBeenCalledWith([join(rc, 'libs/e'), rc], 'eslintrc');
      expect(constructed).toEqual([
        { cwd: rc, fix: false, cache: false, errorOnUnmatchedPattern: false, rulePaths: ['tools/rules'], ignorePath: '.lintignore', reportUnusedDisableDirectives: 'warn' },
      ]);
      expect(linted).toEqual([['libs/e/**/*.ts', '!libs/e/types']]);
      expect(result).toMatchObject({ status: 'error', config: '.eslintrc.json', error: { code: 'LINT_NO_FILES', file: 'libs/e' } });
      expect(result.error?.message).toContain('"lint"');

      constructed = [];
      results = [{ filePath: join(rc, 'libs/e/a.ts'), messages: [], errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 }];
      const passed = await runLintForProject(projectE, normalizeLintOptions(projectE, ours, official({ errorOnUnmatchedPattern: false })));
      expect(passed).toMatchObject({ status: 'passed', counts: { filesLinted: 1 } });
      expect(linted.at(-1)).toEqual(['libs/e']);
    });

    it("gives a command's --ignore-pattern to the eslintrc class as overrideConfig, relative to the command's directory (ESLint's cwd)", async () => {
      await runLintForProject(projectE, normalizeLintOptions(projectE, ours, contextWith({ executor: 'nx:run-commands', options: { command: 'eslint . --ignore-pattern dist', cwd: 'libs/e' } })));
      expect(constructed).toEqual([{ cwd: join(rc, 'libs/e'), fix: false, cache: false, errorOnUnmatchedPattern: true, overrideConfig: { ignorePatterns: ['dist'] } }]);
      expect(linted).toEqual([[join(rc, 'libs/e')]]);
    });

    it("applies its eslintConfig like `eslint --config`, and noEslintrc turns the cascade off", async () => {
      const result = await runLintForProject(
        projectE,
        normalizeLintOptions(projectE, ours, official({ eslintConfig: 'libs/e/types/.eslintrc.js', lintFilePatterns: ['libs/e/types'], noEslintrc: true })),
      );
      expect(constructed).toEqual([
        { cwd: rc, overrideConfigFile: join(rc, 'libs/e/types/.eslintrc.js'), fix: false, cache: false, errorOnUnmatchedPattern: false, useEslintrc: false },
      ]);
      expect(result.config).toBe('libs/e/types/.eslintrc.js');
      const none = await runLintForProject(projectE, normalizeLintOptions(projectE, ours, official({ noEslintrc: true })));
      expect(none.error).toMatchObject({ code: 'ESLINT_CONFIG_NOT_FOUND' });
    });

    it('lets our own lintFilePatterns, eslintConfig and errorOnUnmatchedPattern win', async () => {
      const context = official({ lintFilePatterns: ['libs/e/types'], eslintConfig: 'libs/e/types/.eslintrc.js', errorOnUnmatchedPattern: false });
      const own = { ...ours, lintFilePatterns: ['{projectRoot}/src'], eslintConfig: '.eslintrc.json', errorOnUnmatchedPattern: true };
      await runLintForProject(projectE, normalizeLintOptions(projectE, own, context));
      expect(constructed).toEqual([{ cwd: rc, overrideConfigFile: join(rc, '.eslintrc.json'), fix: false, cache: false, errorOnUnmatchedPattern: true }]);
      expect(linted).toEqual([[join(rc, 'libs/e/src')]]);
    });

    it('with flat config: the found config from the workspace root, ignored files reported as ESLint reports them, eslintrc-only options refused', async () => {
      await runLintForProject(projectA, normalizeLintOptions(projectA, ours, contextWith({ executor: '@nx/eslint:lint', options: { rulesdir: ['x'], noEslintrc: true } }, ws, 'a')));
      expect(constructed).toEqual([{ cwd: ws, overrideConfigFile: join(ws, 'libs/a/eslint.config.mjs'), fix: false, cache: false, errorOnUnmatchedPattern: false }]);
      expect(linted).toEqual([['libs/a']]);
      const refused = () => normalizeLintOptions(projectA, ours, contextWith({ executor: '@nx/eslint:lint', options: { ignorePath: '.eslintignore' } }, ws, 'a'));
      expect(refused).toThrow(/official target "lint" of project "a"[\s\S]*ignorePath: not supported with flat config/);
    });

    it('carries nothing from a target of another executor', async () => {
      await runLintForProject(projectA, normalizeLintOptions(projectA, ours, contextWith({ executor: '@nx/js:tsc', options: { main: 'src/index.ts' } }, ws, 'a')));
      expect(constructed).toEqual([
        { cwd: join(ws, 'libs/a'), overrideConfigFile: join(ws, 'libs/a/eslint.config.mjs'), fix: false, cache: false, errorOnUnmatchedPattern: true, warnIgnored: false },
      ]);
      expect(linted).toEqual([[join(ws, 'libs/a')]]);
    });
  });

  describe('beside a command that runs ESLint (package.json script, run-commands)', () => {
    const contextWith = (lint: TargetConfiguration): ExecutorContext =>
      ({ root: ws, projectName: 'a', targetName: 'quality-lint', projectGraph: { nodes: { a: { data: { targets: { lint } } } } } }) as unknown as ExecutorContext;
    const ours = { officialTarget: 'lint' };
    /** What ESLint is constructed with for a run from libs/a with its own flat config. */
    const fromLibA = { cwd: join(ws, 'libs/a'), overrideConfigFile: join(ws, 'libs/a/eslint.config.mjs'), fix: false, cache: false, errorOnUnmatchedPattern: true };

    it('lints what the inferred `eslint .` in the project lints, as without it, ignored files it names reported as the CLI reports them', async () => {
      await runLintForProject(projectA, normalizeLintOptions(projectA, ours, contextWith({ executor: 'nx:run-commands', options: { command: 'eslint .', cwd: 'libs/a' } })));
      expect(constructed).toEqual([fromLibA]);
      expect(linted).toEqual([[join(ws, 'libs/a')]]);
    });

    it("lints a command's patterns from its directory with the config ESLint looks up there, or its --config with that directory as the base", async () => {
      await runLintForProject(projectA, normalizeLintOptions(projectA, ours, contextWith({ executor: 'nx:run-commands', options: { command: 'eslint libs/a/src --no-error-on-unmatched-pattern' } })));
      expect(constructed).toEqual([{ cwd: ws, overrideConfigFile: join(ws, 'eslint.config.mjs'), fix: false, cache: false, errorOnUnmatchedPattern: false }]);
      expect(linted).toEqual([[join(ws, 'libs/a/src')]]);

      constructed = [];
      await runLintForProject(projectA, normalizeLintOptions(projectA, ours, contextWith({ executor: 'nx:run-commands', options: { command: 'eslint -c eslint.config.mjs src', cwd: 'libs/a' } })));
      expect(constructed).toEqual([fromLibA]);
      expect(linted.at(-1)).toEqual([join(ws, 'libs/a/src')]);
    });

    it("passes a command's --ext as ESLint's CLI does: for flat config, a config whose files are those extensions", async () => {
      await runLintForProject(projectA, normalizeLintOptions(projectA, ours, contextWith({ executor: 'nx:run-commands', options: { command: 'eslint . --ext .ts,tsx', cwd: 'libs/a' } })));
      expect(constructed).toEqual([{ ...fromLibA, overrideConfig: [{ files: ['**/*.ts', '**/*.tsx'] }] }]);
      constructed = [];
      // Our own lintFilePatterns replace the command's whole file selection.
      await runLintForProject(projectA, normalizeLintOptions(projectA, { ...ours, lintFilePatterns: ['{projectRoot}/src'] }, contextWith({ executor: 'nx:run-commands', options: { command: 'eslint . --ext .ts', cwd: 'libs/a' } })));
      expect(constructed[0]).not.toHaveProperty('overrideConfig');
    });

    it("passes a command's --ignore-pattern rebased to ESLint's cwd, --no-ignore and --no-inline-config", async () => {
      const command = 'eslint src --ignore-pattern "**/*.gen.js" --ignore-pattern !keep.js --no-ignore --no-inline-config';
      await runLintForProject(projectA, normalizeLintOptions(projectA, ours, contextWith({ executor: 'nx:run-commands', options: { command, cwd: 'libs/a/src' } })));
      // The config is found from libs/a/src up (libs/a/eslint.config.mjs), so ESLint's cwd is libs/a.
      expect(constructed).toEqual([{ ...fromLibA, ignorePatterns: ['src/**/*.gen.js', '!src/keep.js'], ignore: false, allowInlineConfig: false }]);
    });

    it('stands beside a script whose name has a ":" (TanStack/query: `test:eslint`)', async () => {
      writeFileSync(join(ws, 'libs/a/package.json'), JSON.stringify({ scripts: { 'test:eslint': 'eslint --concurrency=auto ./src' } }));
      const context = { ...contextWith({}), projectGraph: { nodes: { a: { data: { targets: { 'test:eslint': { executor: 'nx:run-script', options: { script: 'test:eslint' } } } } } } } } as unknown as ExecutorContext;
      const options = normalizeLintOptions(projectA, { officialTarget: 'test:eslint' }, context);
      expect({ officialTarget: options.officialTarget, patterns: options.lintFilePatterns }).toEqual({ officialTarget: 'test:eslint', patterns: [join(ws, 'libs/a/src')] });
    });
  });

  it('rejects invalid options naming the option', () => {
    expect(() => normalizeLintOptions(projectA, { maxWarnings: -2 })).toThrow(/maxWarnings/);
    expect(() => normalizeLintOptions(projectA, { lintFilePattern: ['x'] })).toThrow(/lintFilePattern/);
  });
});
