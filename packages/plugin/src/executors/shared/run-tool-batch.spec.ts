import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture } from '../../test-support/copy-fixture';
import { runInChild } from '../../test-support/run-in-child';
import type { BatchTaskResult } from './run-tool-batch';
import { runToolBatch } from './run-tool-batch';
import type { ToolExecutorSpec } from './run-tool-executor';

// The typecheck and lint batch implementations (`nx … --batch`) against the single-task executors,
// with the real tools on fixture workspaces: every project's result file must be the same, only
// the timing fields may differ.
jest.setTimeout(300_000);

const EXECUTORS = join(__dirname, '..');

/** A child-process entry that drains a batch implementation's async iterator into a plain object. */
const DRIVER = `
exports.run = async (batchModule, taskGraph, inputs, context) => {
  const results = {};
  for await (const done of require(batchModule).default(taskGraph, inputs, {}, context)) results[done.task] = done.result;
  return results;
};
`;

type Result = Record<string, unknown>;

function withoutTimings(result: Result): Result {
  const { startedAt: _startedAt, durationMs: _durationMs, ...rest } = result;
  return rest;
}

function taskGraphOf(projects: string[], target: string, dependencies: Record<string, string[]> = {}): TaskGraph {
  const tasks = Object.fromEntries(projects.map((project) => [`${project}:${target}`, { id: `${project}:${target}`, target: { project, target }, overrides: {}, outputs: [] }]));
  return { roots: Object.keys(tasks), tasks, dependencies: Object.fromEntries(Object.keys(tasks).map((id) => [id, dependencies[id] ?? []])), continuousDependencies: {} } as unknown as TaskGraph;
}

async function compareBatchWithSingle(kind: 'typecheck' | 'lint', fixture: string, roots: string[]): Promise<void> {
  const { dir: ws, cleanup } = copyFixture(fixture, `batch-${kind}`);
  try {
    const names = roots.map((root) => root.split('/').pop()!);
    const projects = Object.fromEntries(roots.map((root, index) => [names[index], { root }]));
    const context = { root: ws, cwd: ws, isVerbose: false, projectsConfigurations: { version: 2, projects } };
    const resultFile = (root: string) => join(ws, 'dist/quality', root, `${kind}.json`);
    const read = (root: string) => JSON.parse(readFileSync(resultFile(root), 'utf8')) as Result;

    const single: Result[] = [];
    const singleSuccess: boolean[] = [];
    for (const [index, root] of roots.entries()) {
      const { value } = await runInChild<{ success: boolean }>(join(EXECUTORS, kind, 'executor.ts'), 'default', [{}, { ...context, projectName: names[index] }]);
      single.push(read(root));
      singleSuccess.push(value.success);
    }

    // The batch must write every file itself, not leave the single runs' ones in place.
    rmSync(join(ws, 'dist/quality'), { recursive: true, force: true });
    const driver = join(ws, 'batch-driver.cjs');
    writeFileSync(driver, DRIVER);
    const graph = taskGraphOf(names, kind);
    const inputs = Object.fromEntries(names.map((name) => [`${name}:${kind}`, {}]));
    const { value: batch } = await runInChild<Record<string, BatchTaskResult>>(driver, 'run', [join(EXECUTORS, kind, 'batch.ts'), graph, inputs, context]);

    expect(Object.keys(batch).sort()).toEqual(names.map((name) => `${name}:${kind}`).sort());
    for (const [index, root] of roots.entries()) {
      const task = batch[`${names[index]}:${kind}`]!;
      expect(existsSync(resultFile(root))).toBe(true);
      expect(task.success).toBe(singleSuccess[index]);
      expect(task.terminalOutput).toContain(`dist/quality/${root}/${kind}.json`);
      expect(withoutTimings(read(root))).toEqual(withoutTimings(single[index]!));
    }
    // The fixtures must exercise both outcomes, or the comparison proves little.
    expect(new Set(singleSuccess)).toEqual(new Set([true, false]));
  } finally {
    cleanup();
  }
}

describe('batch implementations give the single-task result files', () => {
  it('typecheck: a clean, a failing and a misconfigured project in one TypeScript process', async () => {
    await compareBatchWithSingle('typecheck', join(EXECUTORS, 'typecheck/__fixtures__/ts-workspace'), [
      'packages/clean-lib',
      'packages/broken-lib',
      'packages/broken-config',
    ]);
  });

  it('lint: projects sharing the root config and projects with their own (one throwing) in one ESLint process', async () => {
    await compareBatchWithSingle('lint', join(EXECUTORS, 'lint/__fixtures__/lint-workspace'), ['packages/clean', 'packages/warnings', 'packages/dirty', 'packages/throws']);
  });
});

describe('runToolBatch', () => {
  const spec = (failing: string[], ran: string[]): ToolExecutorSpec<object, string, { status: 'passed' | 'failed' }> => ({
    kind: 'lint',
    normalize: (project) => project.name,
    resultFile: (name) => join(copyDir, `${name}.json`),
    run: async (_project, name) => {
      ran.push(name);
      return { status: failing.includes(name) ? 'failed' : 'passed' };
    },
    errorResult: () => ({ status: 'failed' }),
    summarize: (result, file) => `${result.status} ${file}`,
  });
  let copyDir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir: copyDir, cleanup } = copyFixture(join(EXECUTORS, 'lint/__fixtures__/lint-workspace/packages/clean'), 'batch-unit'));
  });
  afterAll(() => cleanup());

  async function drain(failing: string[], dependencies: Record<string, string[]>): Promise<{ order: string[]; ran: string[]; results: Record<string, BatchTaskResult> }> {
    const ran: string[] = [];
    const projects = Object.fromEntries(['a', 'b', 'c'].map((name) => [name, { root: `packages/${name}` }]));
    const context = { root: copyDir, cwd: copyDir, isVerbose: false, projectsConfigurations: { version: 2, projects } } as unknown as ExecutorContext;
    const order: string[] = [];
    const results: Record<string, BatchTaskResult> = {};
    for await (const done of runToolBatch(spec(failing, ran), taskGraphOf(['c', 'b', 'a'], 'lint', dependencies), { 'a:lint': {}, 'b:lint': {}, 'c:lint': {} }, context)) {
      order.push(done.task);
      results[done.task] = done.result;
    }
    return { order, ran, results };
  }

  it('runs each task after the tasks it depends on inside the batch', async () => {
    const { order, results } = await drain([], { 'c:lint': ['b:lint'], 'b:lint': ['a:lint'] });
    expect(order).toEqual(['a:lint', 'b:lint', 'c:lint']);
    expect(Object.values(results).map((result) => result.success)).toEqual([true, true, true]);
    expect(results['a:lint']!.terminalOutput).toBe('passed a.json\n');
  });

  it('skips the dependents of a failed task and still runs the independent ones', async () => {
    const { ran, results } = await drain(['a'], { 'b:lint': ['a:lint'] });
    expect(ran.sort()).toEqual(['a', 'c']);
    expect(results['b:lint']).toMatchObject({ success: false, status: 'skipped' });
    expect(results['c:lint']!.success).toBe(true);
  });
});
