import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HealthResultSchema, type HealthResult } from '@nx-quality/core';
import { copyFixture } from '../../test-support/copy-fixture';
import { runBatchInChild, taskGraphOf } from '../../test-support/run-batch-in-child';
import { runInChild } from '../../test-support/run-in-child';
import type { HealthExecutorOptions } from './options';

// The health batch implementation (`nx run-many -t health`, batched by default) against the
// single-task executor, each in its own process with the real ESLint and TypeScript, on a workspace
// made of the health fixtures: every health.json must be the same (timings aside), and so must the
// printed summary and the task's success.
jest.setTimeout(300_000);

const FIXTURES = join(__dirname, '../../health/__fixtures__');
const EXECUTOR = join(__dirname, 'executor.ts');
const BATCH = join(__dirname, 'batch.ts');
// Nx's logger colours errors (picocolors does whenever FORCE_COLOR is set at all); a batch's terminalOutput is plain text.
const PLAIN = { env: { NO_COLOR: '1' } };

interface ProjectSetup {
  root: string;
  options: HealthExecutorOptions;
}

/** untested-graph (libs/app with its own tsconfig, libs/consumer on the workspace one) plus health-counts' libs/demo, and copies. */
function makeWorkspace(): { dir: string; cleanup: () => void } {
  const workspace = copyFixture(join(FIXTURES, 'untested-graph'), 'batch-health');
  cpSync(join(FIXTURES, 'health-counts/libs/demo'), join(workspace.dir, 'libs/demo'), { recursive: true });
  cpSync(join(workspace.dir, 'libs/consumer'), join(workspace.dir, 'libs/consumer-two'), { recursive: true });
  // A near copy of demo with the same health config: a shared ESLint instance linting from the wrong
  // project directory would give demo's messages, not these.
  cpSync(join(workspace.dir, 'libs/demo'), join(workspace.dir, 'libs/demo-two'), { recursive: true });
  writeFileSync(join(workspace.dir, 'libs/demo-two/src/any.ts'), `${readFileSync(join(workspace.dir, 'libs/demo-two/src/any.ts'), 'utf8')}\n// TODO: only in demo-two\n`);
  return workspace;
}

const withoutTimings = ({ startedAt: _startedAt, durationMs: _durationMs, ...rest }: HealthResult) => rest;

interface TaskOutcome {
  success: boolean;
  output: string;
  health?: HealthResult;
  exists: boolean;
}

async function compareBatchWithSingle(ws: string, projects: Record<string, ProjectSetup>): Promise<Record<string, TaskOutcome>> {
  const names = Object.keys(projects);
  const projectsConfigurations = { version: 2, projects: Object.fromEntries(names.map((name) => [name, { root: projects[name]!.root, targets: {} }])) };
  const context = { root: ws, cwd: ws, isVerbose: false, projectsConfigurations };
  const healthFile = (name: string) => join(ws, 'dist/quality', projects[name]!.root, 'health.json');
  const read = (name: string): Pick<TaskOutcome, 'health' | 'exists'> =>
    existsSync(healthFile(name)) ? { exists: true, health: HealthResultSchema.parse(JSON.parse(readFileSync(healthFile(name), 'utf8'))) } : { exists: false };
  const clear = () => names.forEach((name) => rmSync(healthFile(name), { force: true }));

  const single: Record<string, TaskOutcome> = {};
  for (const name of names) {
    clear();
    const { value, stdout, stderr } = await runInChild<{ success: boolean }>(EXECUTOR, 'default', [projects[name]!.options, { ...context, projectName: name }], PLAIN);
    single[name] = { success: value.success, output: (stdout + stderr).trim(), ...read(name) };
  }

  // The batch must write every file itself, not leave the single runs' ones in place.
  clear();
  const inputs = Object.fromEntries(names.map((name) => [`${name}:health`, projects[name]!.options]));
  const { value: batch } = await runBatchInChild(BATCH, taskGraphOf(names, 'health'), inputs, context);
  expect(Object.keys(batch.results).sort()).toEqual(names.map((name) => `${name}:health`).sort());
  for (const name of names) {
    const task = batch.results[`${name}:health`]!;
    const written = read(name);
    expect({ name, exists: written.exists, success: task.success, output: task.terminalOutput.trim() }).toEqual({
      name,
      exists: single[name]!.exists,
      success: single[name]!.success,
      output: single[name]!.output,
    });
    if (written.health) expect(withoutTimings(written.health)).toEqual(withoutTimings(single[name]!.health!));
  }
  return single;
}

describe('health batch implementation gives the single-task results', () => {
  let workspace: { dir: string; cleanup: () => void };
  beforeEach(() => {
    workspace = makeWorkspace();
  });
  afterEach(() => workspace.cleanup());

  it('projects with findings, workspace fan-in, shared and own tsconfigs, invalid options and a crash', async () => {
    const single = await compareBatchWithSingle(workspace.dir, {
      app: { root: 'libs/app', options: { fanInScope: 'workspace', untestedTopN: 5 } },
      demo: { root: 'libs/demo', options: { maxFileLines: 40, maxFunctionLines: 10, maxComplexity: 4, errorBaseClass: 'AppError' } },
      'demo-two': { root: 'libs/demo-two', options: { maxFileLines: 40, maxFunctionLines: 10, maxComplexity: 4, errorBaseClass: 'AppError', untestedTopN: 1 } },
      consumer: { root: 'libs/consumer', options: {} },
      'consumer-two': { root: 'libs/consumer-two', options: { fanInScope: 'workspace', maxFindings: 0 } },
      broken: { root: 'libs/broken', options: { maxFileLines: 0 } },
      ghost: { root: 'libs/ghost', options: {} },
    });
    // The fixtures must exercise what the batch shares and every outcome, or the comparison proves little.
    expect(single['demo']!.health!.counts).toMatchObject({ genericCatches: 4, bareThrows: 3, longFunctions: 2, parseErrors: 1 });
    expect(single['demo-two']!.health!.counts.todos).toBe(single['demo']!.health!.counts.todos + 1);
    // Declared test calls: health reads no test.json.
    expect(single['demo']!.health!.testFiles.find((file) => file.file === 'libs/demo/src/catches.spec.ts')?.tests).toBe(4);
    expect(single['app']!.health!.untestedModules.map((module) => [module.file, module.fanIn])).toContainEqual(['libs/app/src/helpers.ts', 4]);
    expect(single['consumer']!.health!.status).toBe('passed');
    expect(single['broken']).toMatchObject({ success: false, exists: false });
    expect(single['broken']!.output).toMatch(/maxFileLines/);
    expect(single['ghost']).toMatchObject({ success: false, exists: true });
    expect(single['ghost']!.health!.error?.code).toBe('HEALTH_ANALYSIS_FAILED');
  });

  it('an invalid quality.config.json: every project analysed with its own options and the warning printed', async () => {
    writeFileSync(join(workspace.dir, 'quality.config.json'), '{ "health": { "maxFileLines": 40, } }');
    const single = await compareBatchWithSingle(workspace.dir, {
      demo: { root: 'libs/demo', options: { maxComplexity: 4 } },
      app: { root: 'libs/app', options: {} },
      consumer: { root: 'libs/consumer', options: {} },
    });
    expect(single['demo']!.output).toMatch(/! quality\.config\.json is not valid JSON/);
    expect(single['app']!.success).toBe(true);
  });

  it('an invalid health block in quality.config.json: an error result for every project', async () => {
    writeFileSync(join(workspace.dir, 'quality.config.json'), JSON.stringify({ health: { maxComplexity: 0 } }));
    const single = await compareBatchWithSingle(workspace.dir, {
      demo: { root: 'libs/demo', options: {} },
      app: { root: 'libs/app', options: { maxComplexity: 3 } },
      consumer: { root: 'libs/consumer', options: {} },
    });
    expect(single['demo']!.health!.error?.code).toBe('INVALID_OPTIONS');
    expect(single['app']!.health!.status).toBe('passed');
  });
});
