import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecutorContext } from '@nx/devkit';
import { QualityResultSchema, type LintResult, type TestResult, type TypecheckResult } from '@nx-quality/core';
import type { ProjectRef } from '../../shared/project-ref';
import qualityExecutor from './executor';
import { optionsSchema, type QualityExecutorOptions } from './options';
import { runQuality } from './run-quality';
import { healthResultFixture } from '../../test-support/health-result-fixture';
import { writeWorkspaceFile } from '../../test-support/write-workspace-file';

const header = (project: string) => ({
  schemaVersion: 1 as const,
  project,
  projectRoot: 'libs/core',
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 5,
});
const metric = (covered: number, total: number) => ({ total, covered, skipped: 0, pct: total === 0 ? 100 : Math.round((covered / total) * 10000) / 100 });

function testResult(project: string, overrides: Partial<TestResult> = {}): TestResult {
  return {
    kind: 'test',
    ...header(project),
    status: 'passed',
    tool: { name: 'jest', version: '30.3.0' },
    runner: 'jest',
    counts: { total: 10, passed: 9, failed: 1, skipped: 0, todo: 0 },
    suites: { total: 2, passed: 1, failed: 1, errored: 0 },
    failures: [{ file: 'libs/core/src/a.spec.ts', fullName: 'a › works', message: 'expected 1' }],
    failuresOmitted: 0,
    files: [],
    coverage: {
      totals: { lines: metric(712, 1000), statements: metric(700, 1000), functions: metric(40, 50), branches: metric(10, 20) },
      files: [],
      coverageFile: 'dist/quality/libs/core/coverage-final.json',
      thresholdViolations: [],
    },
    ...overrides,
  };
}

function lintResult(project: string, errors = 3): LintResult {
  return {
    kind: 'lint',
    ...header(project),
    status: errors > 0 ? 'failed' : 'passed',
    tool: { name: 'eslint', version: '10.0.0' },
    counts: { errors, warnings: 2, fixableErrors: 0, fixableWarnings: 1, fatal: 0, filesLinted: 4, filesWithProblems: 2 },
    rules: { 'no-unused-vars': { errors, warnings: 0 } },
    messages: [],
    messagesOmitted: 0,
    fixed: false,
  };
}

function typecheckResult(project: string): TypecheckResult {
  return {
    kind: 'typecheck',
    ...header(project),
    status: 'passed',
    tool: { name: 'typescript', version: '6.0.3' },
    tsconfig: 'libs/core/tsconfig.json',
    configs: ['libs/core/tsconfig.lib.json'],
    counts: { errors: 0, warnings: 0, filesChecked: 3 },
    codes: {},
    diagnostics: [],
    diagnosticsOmitted: 0,
  };
}

describe('quality executor', () => {
  let root: string;
  let project: ProjectRef;
  const resultsDir = 'dist/quality/libs/core';
  const put = (file: string, content: unknown) => writeWorkspaceFile(root, file, content);
  const options = (raw: QualityExecutorOptions = {}) => optionsSchema.parse(raw);
  const readQuality = () => QualityResultSchema.parse(JSON.parse(readFileSync(join(root, resultsDir, 'quality.json'), 'utf8')));

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'nxq-quality-'));
    project = { workspaceRoot: root, name: 'core', root: 'libs/core', tags: ['scope:core'] };
    put(`${resultsDir}/health.json`, healthResultFixture(project, { genericCatches: 2, explicitAny: 1, todos: 5, untestedModules: 1 }));
    put(`${resultsDir}/test.json`, testResult('core'));
    put(`${resultsDir}/lint.json`, lintResult('core'));
    put(`${resultsDir}/typecheck.json`, typecheckResult('core'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('evaluates the default gates on the results on disk (health.json included) and writes quality.json', async () => {
    const outcome = await runQuality(project, options());
    const written = readQuality();
    expect(written).toEqual(outcome.result);
    expect(written.status).toBe('failed');
    expect(written.violations).toEqual([
      'tests.failed 1 != 0 (project core)',
      'lint.errors 3 != 0 (project core)',
      'coverage.lines 71.2 < 80 (project core)',
    ]);
    expect(written.metrics).toMatchObject({ 'tests.passed': 9, 'coverage.lines': 71.2, 'lint.errors': 3, 'typecheck.errors': 0, 'health.genericCatches': 2 });
    // Each input names the result it judged by its startedAt, so the report can tell a result written since.
    const judged = header('core').startedAt;
    expect(written.inputs).toEqual({
      test: { state: 'ok', file: `${resultsDir}/test.json`, startedAt: judged },
      lint: { state: 'ok', file: `${resultsDir}/lint.json`, startedAt: judged },
      typecheck: { state: 'ok', file: `${resultsDir}/typecheck.json`, startedAt: judged },
      health: { state: 'ok', file: `${resultsDir}/health.json`, startedAt: judged },
    });
    expect(written.metrics['health.todos']).toBe(5);
  });

  it('applies tag and project overrides from quality.config.json under the target options', async () => {
    put('quality.config.json', {
      gates: {
        tags: { 'scope:core': [{ metric: 'coverage.lines', op: '>=', threshold: 90 }] },
        projects: { core: [{ metric: 'health.genericCatches', op: '=', threshold: 0 }] },
      },
      health: { maxFileLines: 300 },
    });
    await runQuality(project, options({ gates: { defaults: [{ metric: 'typecheck.errors', op: '=', threshold: 0 }] }, health: { maxFunctionLines: 20 } }));
    const written = readQuality();
    expect(written.violations).toEqual([
      'coverage.lines 71.2 < 90 (project core, tag:scope:core)',
      'health.genericCatches 2 != 0 (project core, project)',
    ]);
    expect(written.inputs['config']).toEqual({ state: 'ok', file: 'quality.config.json' });
  });

  it('names an invalid health option among the violations (the health target recorded only an error)', async () => {
    put('quality.config.json', { health: { maxFileLines: 0 } });
    const { result } = await runQuality(project, options());
    expect(result.violations[0]).toMatch(/^invalid health option \(quality\.config\.json or the target's health option\): health\.maxFileLines: Too small/);
  });

  it('records missing and corrupt inputs and fails their gates with the reason', async () => {
    rmSync(join(root, resultsDir, 'test.json'));
    put(`${resultsDir}/lint.json`, '{"kind":"lint","schemaVer');
    const { result } = await runQuality(project, options());
    expect(result.inputs['test']).toEqual({ state: 'missing', file: `${resultsDir}/test.json`, detail: `${resultsDir}/test.json does not exist; run the test target first` });
    expect(result.inputs['lint']?.state).toBe('invalid');
    expect(result.inputs['lint']?.detail).toMatch(/lint\.json is not valid JSON .*truncated/);
    expect(result.violations).toEqual([
      'tests.failed unknown (test result missing at dist/quality/libs/core/test.json), required = 0 (project core)',
      'tests.suitesErrored unknown (test result missing at dist/quality/libs/core/test.json), required = 0 (project core)',
      expect.stringMatching(/^lint\.errors unknown \(lint result invalid at dist\/quality\/libs\/core\/lint\.json: is not valid JSON .*truncated\), required = 0 \(project core\)$/),
      'coverage.lines unknown (test result missing at dist/quality/libs/core/test.json), required >= 80 (project core)',
    ]);
    // health.json comes from its own target, which does not depend on test: it is still evaluated.
    expect(result.inputs['health']).toEqual({ state: 'ok', file: `${resultsDir}/health.json`, startedAt: header('core').startedAt });
    expect(result.metrics['health.genericCatches']).toBe(2);
  });

  it('treats a result of another schema version, another project, or an errored tool as unusable', async () => {
    put(`${resultsDir}/test.json`, { ...testResult('core'), schemaVersion: 2 });
    put(`${resultsDir}/lint.json`, lintResult('other'));
    put(`${resultsDir}/typecheck.json`, {
      ...typecheckResult('core'),
      status: 'error',
      error: { code: 'TSCONFIG_INVALID', message: 'tsconfig.json is not valid JSON', file: 'libs/core/tsconfig.json' },
    });
    const { result } = await runQuality(project, options());
    expect(result.inputs['test']?.detail).toMatch(/schemaVersion 2, newer than/);
    expect(result.inputs['lint']).toMatchObject({ state: 'invalid', detail: `${resultsDir}/lint.json belongs to project "other", not "core"; check the resultsDir options` });
    expect(result.inputs['typecheck']).toMatchObject({ state: 'error', detail: 'tsconfig.json is not valid JSON (libs/core/tsconfig.json)' });
    expect(result.violations).toContain('typecheck.errors unknown (typecheck could not run: tsconfig.json is not valid JSON), required = 0 (project core)');
  });

  it('drops the built-in gates of tools the project does not have, and skips health when disabled', async () => {
    put(`${resultsDir}/health.json`, { stale: true });
    put(`${resultsDir}/lint.json`, lintResult('core', 0));
    const { result } = await runQuality(project, options({ tools: ['lint'], health: false }));
    expect(result.status).toBe('passed');
    expect(result.conditions.map((c) => c.metric)).toEqual(['lint.errors']);
    expect(result.inputs['test']).toMatchObject({ state: 'disabled' });
    expect(result.inputs['health']).toEqual({ state: 'disabled', file: `${resultsDir}/health.json`, detail: 'health: false' });
    expect(result.metrics['health.genericCatches']).toBeUndefined();
  });

  it('fails with a message naming quality.config.json and the key when the file is invalid', async () => {
    put('quality.config.json', { gates: { tags: { 'scope:core': [{ metric: 'coverage.lines', op: '=>', threshold: 90 }] } } });
    const { result } = await runQuality(project, options({ coverage: { lines: 70 } }));
    expect(result.status).toBe('failed');
    expect(result.violations[0]).toMatch(/^quality\.config\.json: gates\.tags\.scope:core\[0\]\.op: Invalid option/);
    expect(result.inputs['config']).toMatchObject({ state: 'invalid', file: 'quality.config.json' });
    // The target's own options still apply.
    expect(result.violations).toContain('tests.failed 1 != 0 (project core)');
    expect(result.violations.some((v) => v.startsWith('coverage.lines'))).toBe(false);
  });

  it('records an errored or missing health.json as unknown health, naming the health target to run', async () => {
    const gates = { projects: { core: [{ metric: 'health.todos', op: '<=' as const, threshold: 3 }] } };
    put(`${resultsDir}/health.json`, { ...healthResultFixture(project, { genericCatches: 2, explicitAny: 1, todos: 5, untestedModules: 1 }), status: 'error', error: { code: 'HEALTH_ANALYSIS_FAILED', message: 'boom' } });
    const errored = await runQuality(project, options({ gates }));
    expect(errored.result.inputs['health']).toMatchObject({ state: 'error', detail: 'boom' });
    expect(errored.result.violations).toContain('health.todos unknown (the health analysis failed), required <= 3 (project core)');

    rmSync(join(root, resultsDir, 'health.json'));
    const missing = await runQuality(project, options({ gates }), { health: 'quality-health' });
    expect(missing.result.inputs['health']).toEqual({
      state: 'missing',
      file: `${resultsDir}/health.json`,
      detail: `${resultsDir}/health.json does not exist; run the quality-health target first`,
    });
    expect(missing.result.violations).toContain(`health.todos unknown (${resultsDir}/health.json does not exist; run the quality-health target first), required <= 3 (project core)`);
  });

  it('fails the gate on an errored health.json even when no gate reads health, as the report does', async () => {
    put(`${resultsDir}/health.json`, { ...healthResultFixture(project, {}), status: 'error', error: { code: 'HEALTH_ESLINT_TOO_OLD', message: 'needs ESLint 9 or 10' } });
    const { result } = await runQuality(project, options());
    expect(result.status).toBe('failed');
    expect(result.violations).toContain(`health result error: HEALTH_ESLINT_TOO_OLD needs ESLint 9 or 10 (${resultsDir}/health.json) (project core)`);
  });

  describe('as an Nx executor', () => {
    const context = (): ExecutorContext =>
      ({
        root,
        cwd: root,
        isVerbose: false,
        projectName: 'core',
        projectsConfigurations: {
          version: 2,
          projects: { core: { root: 'libs/core', tags: ['scope:core'], targets: { 'quality-test': { executor: '@nx-quality/plugin:test' } } } },
        },
        nxJsonConfiguration: {},
        projectGraph: { nodes: {}, dependencies: {} },
      }) as unknown as ExecutorContext;

    it('returns success from the gates and prints the summary with every violation', async () => {
      const output: string[] = [];
      const spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void output.push(args.join(' ')));
      const info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
      const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
      try {
        expect(await qualityExecutor({}, context())).toEqual({ success: false });
      } finally {
        spy.mockRestore();
        info.mockRestore();
        log.mockRestore();
      }
      const text = output.join('\n');
      expect(text).toContain('quality core: FAILED (3 violations)');
      expect(text).toContain('tests 9 passed, 1 failed, 0 skipped · coverage lines 71.2% · lint 3 errors, 2 warnings · types 0 errors · health 2 generic catches, 1 any, 5 TODOs, 1 untested module');
      expect(text).toContain('✗ coverage.lines 71.2 < 80 (project core)');
    });

    it('names the project\'s real target in the hint for a missing result', async () => {
      rmSync(join(root, resultsDir, 'test.json'));
      const output: string[] = [];
      const spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void output.push(args.join(' ')));
      try {
        await qualityExecutor({}, context());
      } finally {
        spy.mockRestore();
      }
      expect(output.join('\n')).toContain(`! test: ${resultsDir}/test.json does not exist; run the quality-test target first`);
    });

    it('rejects invalid options naming the option', async () => {
      const output: string[] = [];
      const spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void output.push(args.join(' ')));
      try {
        expect(await qualityExecutor({ tools: ['tests'] } as unknown as QualityExecutorOptions, context())).toEqual({ success: false });
      } finally {
        spy.mockRestore();
      }
      expect(output.join('\n')).toMatch(/tools\[0\]: Invalid option/);
    });
  });
});
