import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture } from '../../test-support/copy-fixture';
import { runBatchInChild } from '../../test-support/run-batch-in-child';
import { runInChild } from '../../test-support/run-in-child';
import type { ToolExecutorOptions } from './options';

// The `tool` executor's batch, which the inferred targets share, holds the tasks of all four tools
// at once: against each task run alone through the `tool` executor, with the real Jest, ESLint and
// TypeScript, every result file must be the same (timings aside), over two worker processes at a
// time, replaced as the batch moves from one tool to the next.
jest.setTimeout(300_000);

const EXECUTORS = join(__dirname, '..');

interface ToolTask {
  project: string;
  root: string;
  options: ToolExecutorOptions;
  files: string[];
}

const TASKS: ToolTask[] = [
  { project: 'nx-style', root: 'libs/nx-style', options: { tool: 'test' }, files: ['test.json', 'coverage-final.json'] },
  { project: 'mixed', root: 'libs/mixed', options: { tool: 'test' }, files: ['test.json', 'coverage-final.json'] },
  { project: 'clean', root: 'packages/clean', options: { tool: 'lint' }, files: ['lint.json'] },
  { project: 'dirty', root: 'packages/dirty', options: { tool: 'lint' }, files: ['lint.json'] },
  { project: 'clean-lib', root: 'packages/clean-lib', options: { tool: 'typecheck' }, files: ['typecheck.json'] },
  { project: 'broken-lib', root: 'packages/broken-lib', options: { tool: 'typecheck' }, files: ['typecheck.json'] },
  { project: 'mixed', root: 'libs/mixed', options: { tool: 'health' }, files: ['health.json'] },
  { project: 'dirty', root: 'packages/dirty', options: { tool: 'health' }, files: ['health.json'] },
];
const taskId = (task: ToolTask) => `${task.project}:${task.options.tool}`;

/** The Jest, lint and TypeScript fixture workspaces in one: their root files side by side, their projects under libs/ and packages/. */
function makeWorkspace(): { dir: string; cleanup: () => void } {
  const workspace = copyFixture(join(EXECUTORS, 'run-tests/__fixtures__/jest-workspace'), 'batch-tool');
  cpSync(join(EXECUTORS, 'lint/__fixtures__/lint-workspace'), workspace.dir, { recursive: true });
  cpSync(join(EXECUTORS, 'typecheck/__fixtures__/ts-workspace'), workspace.dir, { recursive: true });
  return workspace;
}

function withoutTimings(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTimings);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'startedAt' && key !== 'durationMs').map(([key, inner]) => [key, withoutTimings(inner)]));
}

describe('the tool batch: test, lint, typecheck and health tasks in one batch', () => {
  it('records what each task records alone, over two workers', async () => {
    const { dir: ws, cleanup } = makeWorkspace();
    try {
      const projects = Object.fromEntries(TASKS.map((task) => [task.project, { root: task.root, targets: {} }]));
      const context = { root: ws, cwd: ws, isVerbose: false, projectsConfigurations: { version: 2, projects } };
      const read = (task: ToolTask) =>
        task.files.map((file) => {
          const path = join(ws, 'dist/quality', task.root, file);
          return existsSync(path) ? withoutTimings(JSON.parse(readFileSync(path, 'utf8'))) : undefined;
        });

      const single: Record<string, { success: boolean; files: unknown[] }> = {};
      for (const task of TASKS) {
        const { value } = await runInChild<{ success: boolean }>(join(__dirname, 'executor.ts'), 'default', [task.options, { ...context, projectName: task.project }]);
        single[taskId(task)] = { success: value.success, files: read(task) };
      }
      rmSync(join(ws, 'dist/quality'), { recursive: true, force: true });

      const ids = TASKS.map(taskId);
      const graph = {
        roots: ids,
        tasks: Object.fromEntries(TASKS.map((task) => [taskId(task), { id: taskId(task), target: { project: task.project, target: task.options.tool }, overrides: {}, outputs: [] }])),
        dependencies: Object.fromEntries(ids.map((id) => [id, []])),
        continuousDependencies: Object.fromEntries(ids.map((id) => [id, []])),
      };
      const inputs = Object.fromEntries(TASKS.map((task) => [taskId(task), task.options]));
      const { value: batch } = await runBatchInChild(join(__dirname, 'batch.ts'), graph as never, inputs, context, { env: { NX_QUALITY_BATCH_WORKERS: '2' } });

      expect(Object.keys(batch.results).sort()).toEqual([...ids].sort());
      for (const task of TASKS) {
        const files = read(task);
        expect(files.every((file) => file !== undefined)).toBe(true);
        // A real outcome of the tool, not an error result both sides would share.
        expect((files[0] as { status: string }).status).not.toBe('error');
        expect(files).toEqual(single[taskId(task)]!.files);
        expect(batch.results[taskId(task)]!.success).toBe(single[taskId(task)]!.success);
      }
      // Both outcomes, for every tool that can fail here, or the comparison proves little.
      expect(['nx-style:test', 'mixed:test', 'clean:lint', 'dirty:lint', 'clean-lib:typecheck', 'broken-lib:typecheck'].map((id) => single[id]!.success)).toEqual([true, false, true, false, true, false]);
    } finally {
      cleanup();
    }
  });

  it('records an error result for a task whose worker dies, with its hash and cause, and runs the others', async () => {
    const { dir: ws, cleanup } = makeWorkspace();
    try {
      // An ESLint rule that kills the process linting it: what an out-of-memory kill does to a lint worker.
      mkdirSync(join(ws, 'packages/killer/src'), { recursive: true });
      writeFileSync(join(ws, 'packages/killer/src/index.js'), 'export const a = 1;\n');
      writeFileSync(
        join(ws, 'packages/killer/eslint.config.mjs'),
        "const killer = { rules: { kill: { create: () => ({ Program: () => { process.stderr.write('about to die\\n'); process.kill(process.pid, 'SIGKILL'); } }) } } };\n" +
          "export default [{ files: ['**/*.js'], languageOptions: { sourceType: 'module' }, plugins: { killer }, rules: { 'killer/kill': 'error' } }];\n",
      );
      const projects = { killer: { root: 'packages/killer', targets: {} }, clean: { root: 'packages/clean', targets: {} }, 'clean-lib': { root: 'packages/clean-lib', targets: {} } };
      const context = { root: ws, cwd: ws, isVerbose: false, projectsConfigurations: { version: 2, projects } };
      const ids = ['killer:lint', 'clean:lint', 'clean-lib:typecheck'];
      const graph = {
        roots: ids,
        tasks: Object.fromEntries(ids.map((id) => [id, { id, target: { project: id.split(':')[0], target: id.split(':')[1] }, overrides: {}, outputs: [], hash: `hash-of-${id}` }])),
        dependencies: Object.fromEntries(ids.map((id) => [id, []])),
        continuousDependencies: Object.fromEntries(ids.map((id) => [id, []])),
      };
      const inputs = { 'killer:lint': { tool: 'lint' }, 'clean:lint': { tool: 'lint' }, 'clean-lib:typecheck': { tool: 'typecheck' } };
      const { value: batch } = await runBatchInChild(join(__dirname, 'batch.ts'), graph as never, inputs, context, { env: { NX_QUALITY_BATCH_WORKERS: '2', NX_QUALITY_GATES_JUDGE: 'true' } });
      const result = (root: string, file: string) => JSON.parse(readFileSync(join(ws, 'dist/quality', root, file), 'utf8'));
      const killed = result('packages/killer', 'lint.json');
      expect({
        success: batch.results['killer:lint']!.success,
        output: batch.results['killer:lint']!.terminalOutput,
        status: killed.status,
        code: killed.error.code,
        taskHash: killed.taskHash,
        message: killed.error.message,
      }).toEqual({
        success: true,
        output: expect.stringContaining('Recorded the failure in dist/quality/packages/killer/lint.json.'),
        status: 'error',
        code: 'LINT_WORKER_DIED',
        taskHash: 'hash-of-killer:lint',
        message: expect.stringMatching(/^The process running the lint of killer was killed by SIGKILL before it finished\.\nLast lines of its stderr:\n(.*\n)*about to die$/),
      });
      expect([batch.results['clean:lint']!.success, result('packages/clean', 'lint.json').status, batch.results['clean-lib:typecheck']!.success, result('packages/clean-lib', 'typecheck.json').status]).toEqual([
        true,
        'passed',
        true,
        'passed',
      ]);

      // The lint executor's own batch (a target that declares @nx-quality/plugin:lint) does the same; outside a quality run the task fails.
      rmSync(join(ws, 'dist/quality'), { recursive: true, force: true });
      const lintIds = ['killer:lint', 'clean:lint'];
      const lintGraph = { ...graph, roots: lintIds, tasks: Object.fromEntries(lintIds.map((id) => [id, graph.tasks[id]])), dependencies: { 'killer:lint': [], 'clean:lint': [] }, continuousDependencies: { 'killer:lint': [], 'clean:lint': [] } };
      const { value: lintBatch } = await runBatchInChild(join(EXECUTORS, 'lint/batch.ts'), lintGraph as never, { 'killer:lint': {}, 'clean:lint': {} }, context, { env: { NX_QUALITY_BATCH_WORKERS: '2' } });
      expect([lintBatch.results['killer:lint']!.success, result('packages/killer', 'lint.json').error.code, lintBatch.results['clean:lint']!.success]).toEqual([false, 'LINT_WORKER_DIED', true]);
    } finally {
      cleanup();
    }
  });

  // Nx 23 puts a project's quality task into the tools' batch (gatesInToolBatch) with a hash it
  // replaces after the batch; over workers the gates run in the batch process, in one process in order.
  it.each([
    ['over two workers', { NX_QUALITY_BATCH_WORKERS: '2' }],
    ['in one process', { NX_QUALITY_BATCH_WORKER: '1' }],
  ])('evaluates each project’s gates after its tools, %s, skipped when a tool failed, recording only a final hash', async (_how, env) => {
    const { dir: ws, cleanup } = makeWorkspace();
    try {
      const projects = { clean: { root: 'packages/clean', targets: {} }, dirty: { root: 'packages/dirty', targets: {} }, 'clean-lib': { root: 'packages/clean-lib', targets: {} } };
      const context = { root: ws, cwd: ws, isVerbose: false, projectsConfigurations: { version: 2, projects } };
      // Listed gates first: the batch must still wait for the tools.
      const ids = ['clean:quality', 'dirty:quality', 'clean-lib:quality', 'clean:lint', 'dirty:lint'];
      const dependencies: Record<string, string[]> = { 'clean:quality': ['clean:lint'], 'dirty:quality': ['dirty:lint'], 'clean-lib:quality': [], 'clean:lint': [], 'dirty:lint': [] };
      const graph = {
        roots: ids.filter((id) => dependencies[id]!.length === 0),
        tasks: Object.fromEntries(ids.map((id) => [id, { id, target: { project: id.split(':')[0], target: id.split(':')[1] }, overrides: {}, outputs: [], hash: `hash-of-${id}` }])),
        dependencies,
        continuousDependencies: Object.fromEntries(ids.map((id) => [id, []])),
      };
      const gates = { tool: 'quality', tools: ['lint'], health: false } as const;
      const inputs = { 'clean:quality': gates, 'dirty:quality': gates, 'clean-lib:quality': { ...gates, tools: ['typecheck'] }, 'clean:lint': { tool: 'lint' }, 'dirty:lint': { tool: 'lint' } };
      const { value: batch } = await runBatchInChild(join(__dirname, 'batch.ts'), graph as never, inputs, context, { env });
      const quality = (root: string) => JSON.parse(readFileSync(join(ws, 'dist/quality', root, 'quality.json'), 'utf8')) as { status: string; taskHash?: string; metrics: Record<string, unknown> };

      expect(batch.order.indexOf('clean:quality')).toBeGreaterThan(batch.order.indexOf('clean:lint'));
      expect({ success: batch.results['clean:quality']!.success, status: quality('packages/clean').status, taskHash: quality('packages/clean').taskHash }).toEqual({ success: true, status: 'passed', taskHash: undefined });
      // dirty's lint fails (no gates judge this run): its gates are skipped, as Nx skips a task whose dependency failed.
      expect(batch.results['dirty:lint']!.success).toBe(false);
      expect(batch.results['dirty:quality']).toMatchObject({ success: false, status: 'skipped' });
      expect(existsSync(join(ws, 'dist/quality/packages/dirty/quality.json'))).toBe(false);
      // No tool of clean-lib ran in this batch, so its hash is final and recorded (its typecheck result is missing: the gates fail).
      expect({ success: batch.results['clean-lib:quality']!.success, status: quality('packages/clean-lib').status, taskHash: quality('packages/clean-lib').taskHash }).toEqual({
        success: false,
        status: 'failed',
        taskHash: 'hash-of-clean-lib:quality',
      });
    } finally {
      cleanup();
    }
  });

  it('fails a task whose `tool` names no tool, with the option named, and runs the others', async () => {
    const { dir: ws, cleanup } = makeWorkspace();
    try {
      const projects = { clean: { root: 'packages/clean', targets: {} } };
      const context = { root: ws, cwd: ws, isVerbose: false, projectsConfigurations: { version: 2, projects } };
      const ids = ['clean:lint', 'clean:format'];
      const graph = {
        roots: ids,
        tasks: Object.fromEntries(ids.map((id) => [id, { id, target: { project: 'clean', target: id.split(':')[1] }, overrides: {}, outputs: [] }])),
        dependencies: { 'clean:lint': [], 'clean:format': [] },
        continuousDependencies: { 'clean:lint': [], 'clean:format': [] },
      };
      const inputs = { 'clean:lint': { tool: 'lint' }, 'clean:format': { tool: 'prettier' } };
      const { value: batch } = await runBatchInChild(join(__dirname, 'batch.ts'), graph as never, inputs, context, { env: { NX_QUALITY_BATCH_WORKERS: '1' } });
      expect(batch.results['clean:lint']!.success).toBe(true);
      expect(batch.results['clean:format']!.success).toBe(false);
      expect(batch.results['clean:format']!.terminalOutput).toContain('tool: "prettier" is not a tool: set it to one of "test", "lint", "typecheck", "health", "quality"');
    } finally {
      cleanup();
    }
  });
});
