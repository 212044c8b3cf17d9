import type { ExecutorContext, Task } from '@nx/devkit';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture } from '../../test-support/copy-fixture';
import { runInChild } from '../../test-support/run-in-child';
import type { BatchTaskResult } from '../shared/run-tool-batch';
import { nxTaskEnv } from '../shared/nx-task-env';

// The test batch for real (Jest 30, in a child process run from the fixture workspace, as Nx's
// batch worker is): what one project changes in the shared process must not reach the next one,
// each project gets the environment Nx gives its own task, and each task's output is its own.
// (Result files equal to the single-task executor's: run-tool-batch.spec.ts.)
jest.setTimeout(120_000);

const BATCH = join(__dirname, 'batch.ts');

/** Drains the batch and reports the state the shared process is left in. */
const DRIVER = `
exports.run = async (batchModule, taskGraph, inputs, context) => {
  const results = {};
  for await (const done of require(batchModule).default(taskGraph, inputs, {}, context)) results[done.task] = done.result;
  return { results, after: { cwd: process.cwd(), exitCode: process.exitCode ?? null, fromLeakySetup: process.env.NXQ_FROM_LEAKY_SETUP ?? null } };
};
`;

function taskOf(project: string): Task {
  return { id: `${project}:test`, target: { project, target: 'test' }, overrides: {}, outputs: [], projectRoot: `libs/${project}`, hash: `hash-of-${project}` } as unknown as Task;
}

function contextOf(ws: string, projects: string[]): ExecutorContext {
  const nodes = Object.fromEntries(projects.map((name) => [name, { name, type: 'lib', data: { root: `libs/${name}`, targets: { test: {} } } }]));
  return {
    root: ws,
    cwd: ws,
    isVerbose: false,
    projectsConfigurations: { version: 2, projects: Object.fromEntries(projects.map((name) => [name, { root: `libs/${name}` }])) },
    projectGraph: { nodes, dependencies: Object.fromEntries(projects.map((name) => [name, []])) },
  } as unknown as ExecutorContext;
}

/** A copy of the batch workspace with the driver, and the task graph of its leaky project, then its clean one. */
function batchWorkspace(label: string) {
  const { dir: ws, cleanup } = copyFixture(join(__dirname, '__fixtures__/batch-workspace'), label);
  const projects = ['leaky', 'clean'];
  const tasks = Object.fromEntries(projects.map((name) => [`${name}:test`, taskOf(name)]));
  const graph = { roots: Object.keys(tasks), tasks, dependencies: { 'leaky:test': [], 'clean:test': [] }, continuousDependencies: {} };
  writeFileSync(join(ws, 'driver.cjs'), DRIVER);
  return { ws, cleanup, projects, graph };
}

describe('test batch', () => {
  it('isolates projects sharing the process and gives each its own task environment and terminal output', async () => {
    // The leaky project runs first: its config and global setup change env, cwd and exit code.
    const { ws, cleanup, projects, graph } = batchWorkspace('test-batch');
    try {
      const { value, stdout } = await runInChild<{ results: Record<string, BatchTaskResult>; after: Record<string, unknown> }>(
        join(ws, 'driver.cjs'),
        'run',
        [BATCH, graph, { 'leaky:test': {}, 'clean:test': {} }, contextOf(ws, projects)],
        // As in Nx's batch worker: started in the workspace root, with Nx's go-ahead for .env files;
        // one process, so the projects really share it.
        { cwd: ws, env: { NX_LOAD_DOT_ENV_FILES: 'true', NX_QUALITY_BATCH_WORKERS: '1' } },
      );
      const { results, after } = value;

      expect(Object.keys(results)).toEqual(['leaky:test', 'clean:test']);
      // The leaky project's own test sees what it set, and not the clean project's .env.
      expect(results['leaky:test']!.success).toBe(true);
      expect(results['clean:test']!.success).toBe(true);
      // Its own directory, as the official target runs `jest`, not the one the leaky setup moved to.
      expect(JSON.parse(readFileSync(join(ws, 'libs/clean/seen-env.json'), 'utf8'))).toEqual({
        cwd: join(ws, 'libs/clean'),
        fromLeakyConfig: null,
        fromLeakySetup: null,
        dotenv: 'from libs/clean/.env',
        taskProject: 'clean',
        taskTarget: 'test',
      });
      expect(after).toEqual({ cwd: ws, exitCode: null, fromLeakySetup: null });

      expect(results['leaky:test']!.terminalOutput).toMatch(/leaky console output[\s\S]*PASS leaky[\s\S]*Tests: +1 passed[\s\S]*leaky: tests PASSED/);
      expect(results['leaky:test']!.terminalOutput).not.toMatch(/PASS clean|clean: tests/);
      expect(results['clean:test']!.terminalOutput).toMatch(/PASS clean[\s\S]*clean: tests PASSED/);
      expect(results['clean:test']!.terminalOutput).not.toMatch(/leaky/);
      expect(stdout.trim()).toBe('');
      expect(existsSync(join(ws, 'dist/quality/libs/clean/test.json'))).toBe(true);
    } finally {
      cleanup();
    }
  });

  it('fails a task whose result cannot be written alone, before its tests run, and runs the next task as usual', async () => {
    const { ws, cleanup, projects, graph } = batchWorkspace('test-batch-throw');
    try {
      // A folder where test.json goes: the result that marks the task as started cannot be written.
      mkdirSync(join(ws, 'dist/quality/libs/leaky/test.json/occupied'), { recursive: true });
      const inputs = { 'leaky:test': {}, 'clean:test': {} };
      const { value, stdout } = await runInChild<{ results: Record<string, BatchTaskResult> }>(join(ws, 'driver.cjs'), 'run', [BATCH, graph, inputs, contextOf(ws, projects)], {
        cwd: ws,
        env: { NX_QUALITY_BATCH_WORKER: '1' },
      });

      expect(value.results['leaky:test']).toMatchObject({ success: false, terminalOutput: expect.stringMatching(/^test: .*test\.json/) });
      expect(stdout).not.toMatch(/PASS leaky/);
      expect(value.results['clean:test']).toMatchObject({ success: true, terminalOutput: expect.stringMatching(/PASS clean[\s\S]*clean: tests PASSED/) });
      expect(stdout).not.toMatch(/clean/);
    } finally {
      cleanup();
    }
  });
});

describe('nxTaskEnv', () => {
  it("records a project without tests as Jest's exit would, without ending the process, and passes it as its official target does (passWithNoTests)", async () => {
    const { dir: ws, cleanup } = copyFixture(join(__dirname, '__fixtures__/batch-workspace'), 'test-no-tests');
    try {
      for (const file of readdirSync(join(ws, 'libs/clean/src')).filter((name) => /\.spec\./.test(name))) rmSync(join(ws, 'libs/clean/src', file));
      writeFileSync(join(ws, 'driver.cjs'), DRIVER);
      const task = { ...taskOf('clean'), id: 'clean:quality-test', target: { project: 'clean', target: 'quality-test' } } as Task;
      const graph = { roots: [task.id], tasks: { [task.id]: task }, dependencies: { [task.id]: [] }, continuousDependencies: {} };
      const run = async (officialTest: Record<string, unknown>) => {
        const context = contextOf(ws, ['clean']) as unknown as { projectGraph: { nodes: Record<string, { data: { targets: Record<string, unknown> } }> } };
        context.projectGraph.nodes['clean']!.data.targets['test'] = officialTest;
        const { value } = await runInChild<{ results: Record<string, BatchTaskResult>; after: Record<string, unknown> }>(
          join(ws, 'driver.cjs'),
          'run',
          [BATCH, graph, { [task.id]: { officialTarget: 'test' } }, context],
          { cwd: ws, env: { NX_QUALITY_BATCH_WORKERS: '1' } },
        );
        return { success: value.results[task.id]!.success, exitCode: value.after['exitCode'], result: JSON.parse(readFileSync(join(ws, 'dist/quality/libs/clean/test.json'), 'utf8')) };
      };
      expect(await run({ executor: '@nx/jest:jest', options: {} })).toMatchObject({ success: false, exitCode: null, result: { status: 'error', error: { code: 'NO_TESTS_FOUND' } } });
      expect(await run({ executor: '@nx/jest:jest', options: { passWithNoTests: true } })).toMatchObject({ success: true, exitCode: null, result: { status: 'passed', counts: { total: 0 } } });
    } finally {
      cleanup();
    }
  });

  it("adds the .env files of the official target ours stands beside, our own target's winning", async () => {
    const { dir: ws, cleanup } = copyFixture(join(__dirname, '__fixtures__/batch-workspace'), 'test-env');
    try {
      writeFileSync(join(ws, '.env.test'), 'NODE_OPTIONS=--experimental-vm-modules\nFROM_OFFICIAL=test\nBOTH=official\n');
      writeFileSync(join(ws, '.env.quality-test'), 'FROM_OURS=quality-test\nBOTH=ours\n');
      // Nx finds .env files from its workspace root, the process's cwd: run where Nx would.
      writeFileSync(
        join(ws, 'env-driver.cjs'),
        `exports.run = (task, context, official) => { const env = require(${JSON.stringify(join(__dirname, '../shared/nx-task-env.ts'))}).nxTaskEnv(task, context, { officialTarget: official }); return env && { NODE_OPTIONS: env.NODE_OPTIONS ?? null, FROM_OFFICIAL: env.FROM_OFFICIAL ?? null, FROM_OURS: env.FROM_OURS ?? null, BOTH: env.BOTH ?? null, NX_TASK_TARGET_TARGET: env.NX_TASK_TARGET_TARGET, NX_TASK_HASH: env.NX_TASK_HASH }; };`,
      );
      const task = { ...taskOf('clean'), id: 'clean:quality-test', target: { project: 'clean', target: 'quality-test' } } as Task;
      const envOf = async (official?: string) =>
        (await runInChild<Record<string, string | null>>(join(ws, 'env-driver.cjs'), 'run', [task, contextOf(ws, ['clean']), official], { cwd: ws, env: { NX_LOAD_DOT_ENV_FILES: 'true' } })).value;
      expect(await envOf('test')).toEqual({
        NODE_OPTIONS: '--experimental-vm-modules',
        FROM_OFFICIAL: 'test',
        FROM_OURS: 'quality-test',
        BOTH: 'ours',
        NX_TASK_TARGET_TARGET: 'quality-test',
        NX_TASK_HASH: 'hash-of-clean',
      });
      // The official target's `env` option (targetDefaults.test.options.env) wins over the files, as in run-commands.
      const withTargetEnv = contextOf(ws, ['clean']) as unknown as { projectGraph: { nodes: Record<string, { data: { targets: Record<string, unknown> } }> } };
      withTargetEnv.projectGraph.nodes['clean']!.data.targets['test'] = { options: { env: { NODE_OPTIONS: '--experimental-vm-modules --max-old-space-size=4096', BOTH: 'target' } } };
      const fromTarget = (await runInChild<Record<string, string | null>>(join(ws, 'env-driver.cjs'), 'run', [task, withTargetEnv, 'test'], { cwd: ws, env: { NX_LOAD_DOT_ENV_FILES: 'true' } })).value;
      expect(fromTarget).toMatchObject({ NODE_OPTIONS: '--experimental-vm-modules --max-old-space-size=4096', BOTH: 'target', FROM_OURS: 'quality-test' });
      // Without the official target, only our own target's files apply.
      expect(await envOf()).toMatchObject({ NODE_OPTIONS: process.env['NODE_OPTIONS'] ?? null, FROM_OFFICIAL: null, FROM_OURS: 'quality-test', BOTH: 'ours' });
    } finally {
      cleanup();
    }
  });

  it('leaves the batch environment alone without a project graph', () => {
    expect(nxTaskEnv(taskOf('clean'), { root: process.cwd(), cwd: process.cwd(), isVerbose: false } as ExecutorContext)).toBeUndefined();
  });
});
