import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecutorContext } from '@nx/devkit';
import { HealthResultSchema } from '@nx-quality/core';
import { analyzeHealth } from '../../health/analyze-health';
import { copyFixture } from '../../test-support/copy-fixture';
import { runInChild } from '../../test-support/run-in-child';
import type { ProjectRef } from '../../shared/project-ref';
import healthExecutor from './executor';
import { optionsSchema, type HealthExecutorOptions } from './options';
import { runHealth, type HealthOutcome } from './run-health';
import { healthResultFixture } from '../../test-support/health-result-fixture';
import { writeWorkspaceFile } from '../../test-support/write-workspace-file';

jest.mock('../../health/analyze-health', () => ({ analyzeHealth: jest.fn() }));
const analyzeHealthMock = analyzeHealth as jest.MockedFunction<typeof analyzeHealth>;

describe('health executor', () => {
  let root: string;
  let project: ProjectRef;
  const resultsDir = 'dist/quality/libs/core';
  const put = (file: string, content: unknown) => writeWorkspaceFile(root, file, content);
  const options = (raw: HealthExecutorOptions = {}) => optionsSchema.parse(raw);
  const readHealth = () => HealthResultSchema.parse(JSON.parse(readFileSync(join(root, resultsDir, 'health.json'), 'utf8')));

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'nxq-health-'));
    project = { workspaceRoot: root, name: 'core', root: 'libs/core', tags: [] };
    analyzeHealthMock.mockReset();
    analyzeHealthMock.mockImplementation(async (p) => healthResultFixture(p, { genericCatches: 2, todos: 5 }));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('has no defaults for the health keys, so Nx does not fill them over quality.config.json', () => {
    expect(options()).toEqual({ resultsDir: 'dist/quality/{projectRoot}' });
    expect(() => optionsSchema.parse({ maxFileLines: 0 })).toThrow(/Too small/);
    expect(() => optionsSchema.parse({ colour: 1 })).toThrow(/Unrecognized key/);
  });

  it('layers the target options over quality.config.json, applies the defaults and writes health.json', async () => {
    put('quality.config.json', { health: { maxFileLines: 300, maxFunctionLines: 40 } });
    const outcome = await runHealth(project, options({ maxFunctionLines: 20 }));
    expect(outcome.file).toBe(`${resultsDir}/health.json`);
    expect(readHealth()).toEqual(outcome.health);
    expect(analyzeHealthMock.mock.calls[0]?.[1]).toMatchObject({ maxFileLines: 300, maxFunctionLines: 20, maxComplexity: 10 });
    // Health does not depend on the test target, so it reads no test.json: the analysis gets the project and options only.
    expect(analyzeHealthMock.mock.calls[0]).toHaveLength(3);
    expect(analyzeHealthMock.mock.calls[0]?.[2]).toBeUndefined();
  });

  it('records a crash and invalid options as an error result in health.json and fails the executor', async () => {
    analyzeHealthMock.mockRejectedValue(new Error('boom'));
    const crashed = await runHealth(project, options());
    expect(readHealth()).toMatchObject({ status: 'error', error: { code: 'HEALTH_ANALYSIS_FAILED', message: 'boom' } });
    expect(crashed.health?.status).toBe('error');

    put('quality.config.json', { health: { maxFileLines: 0 } });
    await runHealth(project, options());
    expect(readHealth()).toMatchObject({ status: 'error', error: { code: 'INVALID_OPTIONS', message: expect.stringMatching(/^invalid health options: health\.maxFileLines: Too small/) } });
  });

  it('removes a stale health.json when quality.config.json turns health off', async () => {
    put(`${resultsDir}/health.json`, healthResultFixture(project, { genericCatches: 2, todos: 5 }));
    put('quality.config.json', { health: false });
    const outcome: HealthOutcome = await runHealth(project, options());
    expect(outcome).toEqual({ file: `${resultsDir}/health.json`, disabled: true, configWarning: undefined });
    expect(existsSync(join(root, resultsDir, 'health.json'))).toBe(false);
    expect(analyzeHealthMock).not.toHaveBeenCalled();
  });

  describe('as an Nx executor', () => {
    const context = (): ExecutorContext =>
      ({
        root,
        cwd: root,
        isVerbose: false,
        projectName: 'core',
        projectsConfigurations: { version: 2, projects: { core: { root: 'libs/core', targets: {} } } },
        nxJsonConfiguration: {},
        projectGraph: { nodes: {}, dependencies: {} },
      }) as unknown as ExecutorContext;
    const capture = async (run: () => Promise<{ success: boolean }>) => {
      const output: string[] = [];
      const spies = (['info', 'error', 'log'] as const).map((level) =>
        jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void output.push(args.join(' '))),
      );
      try {
        return { ...(await run()), text: output.join('\n') };
      } finally {
        for (const spy of spies) spy.mockRestore();
      }
    };

    it('succeeds whatever the counts are, and prints the headline', async () => {
      const { success, text } = await capture(() => healthExecutor({}, context()));
      expect(success).toBe(true);
      expect(text).toContain('health core: 2 generic catches, 5 TODOs (3 source files)');
      expect(existsSync(join(root, resultsDir, 'health.json'))).toBe(true);
    });

    it('fails when the analysis could not run, after writing health.json', async () => {
      analyzeHealthMock.mockRejectedValue(new Error('boom'));
      const { success, text } = await capture(() => healthExecutor({}, context()));
      expect(success).toBe(false);
      expect(text).toContain('health core: ERROR boom');
      expect(readHealth().status).toBe('error');
    });
  });
});

// The real analysis (ESLint loads configs with dynamic import(), which Jest's sandbox lacks) in a child process.
describe('health executor on a real project', () => {
  jest.setTimeout(180_000);
  let fixture: { dir: string; cleanup: () => void };
  beforeAll(() => {
    fixture = copyFixture(join(__dirname, '../../health/__fixtures__/health-counts'), 'health-executor');
  });
  afterAll(() => fixture.cleanup());

  it('writes the health.json it returns, with the fixture counts', async () => {
    const project = { workspaceRoot: fixture.dir, name: 'demo', root: 'libs/demo', tags: [] };
    const { value } = await runInChild<HealthOutcome>(join(__dirname, 'run-health.ts'), 'runHealth', [project, optionsSchema.parse({})]);
    expect(value.file).toBe('dist/quality/libs/demo/health.json');
    const written = HealthResultSchema.parse(JSON.parse(readFileSync(join(fixture.dir, value.file), 'utf8')));
    expect(written).toEqual(value.health);
    expect(written.status).toBe('passed');
    expect(written.counts.genericCatches).toBeGreaterThan(0);
    expect(written.sourceFiles).toBeGreaterThan(0);
  });
});
