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

  it('rejects invalid options naming the option', () => {
    expect(() => normalizeLintOptions(projectA, { maxWarnings: -2 })).toThrow(/maxWarnings/);
    expect(() => normalizeLintOptions(projectA, { lintFilePattern: ['x'] })).toThrow(/lintFilePattern/);
  });
});
