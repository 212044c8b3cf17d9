import type { ExecutorContext } from '@nx/devkit';
import { stripAnsi } from '@nx-quality/core';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture } from '../../test-support/copy-fixture';
import { installEslintVersion } from '../../test-support/install-eslint-version';
import { runBatchInChild, taskGraphOf } from '../../test-support/run-batch-in-child';
import { runInChild } from '../../test-support/run-in-child';
import type { BatchTaskResult } from './run-tool-batch';
import { runToolBatch } from './run-tool-batch';
import type { ToolDefinition } from './record-tool-result';

// The typecheck, lint and test batch implementations (`nx … --batch`) against the single-task
// executors, with the real tools on fixture workspaces: every project's result files must be the
// same, only the timing fields may differ.
jest.setTimeout(300_000);

const EXECUTORS = join(__dirname, '..');

type Result = Record<string, unknown>;
type Kind = 'typecheck' | 'lint' | 'test';

/** The result without what differs between any two runs: when it started and how long things took (at any depth). */
function withoutTimings(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTimings);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'startedAt' && key !== 'durationMs').map(([key, inner]) => [key, withoutTimings(inner)]));
}

/** Extra set-up of a comparison: per-project options, and projects copied in from other fixtures (root → folder). */
interface ComparisonSetup {
  /** NX_QUALITY_BATCH_WORKERS of the batch process (batches that spread over worker processes). */
  workers?: number;
  options?: Record<string, Record<string, unknown>>;
  addProjects?: Record<string, string>;
  /** Links `node_modules/eslint` of the copied workspace to this ESLint (another version than the repository's). */
  eslint?: string;
}

/** What both sides printed: each single run's stdout and stderr, the batch's tasks and the batch process's own stdout. */
interface Comparison {
  singleOutput: Record<string, string>;
  batch: Record<string, BatchTaskResult>;
  batchStdout: string;
  batchStderr: string;
}

async function compareBatchWithSingle(kind: Kind, fixture: string, roots: string[], setup: ComparisonSetup = {}): Promise<Comparison> {
  const { dir: ws, cleanup } = copyFixture(fixture, `batch-${kind}`);
  const executorDir = join(EXECUTORS, kind === 'test' ? 'run-tests' : kind);
  try {
    for (const [root, source] of Object.entries(setup.addProjects ?? {})) cpSync(source, join(ws, root), { recursive: true });
    if (setup.eslint) {
      mkdirSync(join(ws, 'node_modules'), { recursive: true });
      symlinkSync(setup.eslint, join(ws, 'node_modules/eslint'), 'dir');
    }
    const names = roots.map((root) => root.split('/').pop()!);
    const projects = Object.fromEntries(roots.map((root, index) => [names[index], { root }]));
    const context = { root: ws, cwd: ws, isVerbose: false, projectsConfigurations: { version: 2, projects } };
    const resultFiles = (root: string) => [join(ws, 'dist/quality', root, `${kind}.json`), ...(kind === 'test' ? [join(ws, 'dist/quality', root, 'coverage-final.json')] : [])];
    const read = (root: string) => resultFiles(root).map((file) => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Result) : undefined));
    const optionsOf = (root: string) => setup.options?.[root] ?? {};

    const single: (Result | undefined)[][] = [];
    const singleSuccess: boolean[] = [];
    const singleOutput: Record<string, string> = {};
    for (const [index, root] of roots.entries()) {
      const { value, stdout, stderr } = await runInChild<{ success: boolean }>(join(executorDir, 'executor.ts'), 'default', [optionsOf(root), { ...context, projectName: names[index] }]);
      single.push(read(root));
      singleSuccess.push(value.success);
      singleOutput[root] = stdout + stderr;
    }

    // The batch must write every file itself, not leave the single runs' ones in place.
    rmSync(join(ws, 'dist/quality'), { recursive: true, force: true });
    const graph = taskGraphOf(names, kind);
    const inputs = Object.fromEntries(names.map((name, index) => [`${name}:${kind}`, optionsOf(roots[index]!)]));
    const {
      value: { results: batch },
      stdout: batchStdout,
      stderr: batchStderr,
    } = await runBatchInChild(join(executorDir, 'batch.ts'), graph, inputs, context, { env: { NX_QUALITY_BATCH_WORKERS: String(setup.workers ?? 1) } });

    expect(Object.keys(batch).sort()).toEqual(names.map((name) => `${name}:${kind}`).sort());
    for (const [index, root] of roots.entries()) {
      const task = batch[`${names[index]}:${kind}`]!;
      const [result, ...others] = read(root);
      expect(result).toBeDefined();
      expect(task.success).toBe(singleSuccess[index]);
      expect(task.terminalOutput).toContain(`dist/quality/${root}/${kind}.json`);
      expect(withoutTimings(result)).toEqual(withoutTimings(single[index]![0]));
      // Files beside the result (coverage-final.json): the same, or absent on both sides.
      expect(others).toEqual(single[index]!.slice(1));
    }
    // The fixtures must exercise both outcomes, or the comparison proves little.
    expect(new Set(singleSuccess)).toEqual(new Set([true, false]));
    return { singleOutput, batch, batchStdout, batchStderr };
  } finally {
    cleanup();
  }
}

/**
 * Terminal output as a sorted list of lines, without what differs between two runs of the same
 * tests: Jest's `Time:` line, durations, the order in which Jest (slowest file first, from its
 * timing cache) and the two streams interleave, and Node's process warnings, which a process
 * prints once (so in a batch only with the first project that triggers them). Colours are
 * dropped: a single task prints a failed summary through Nx's logger in red, runToolBatch plainly.
 */
function comparableLines(output: string): string[] {
  return stripAnsi(output)
    .split('\n')
    // Jest adds a suite's duration to its PASS/FAIL line only when the suite was slow: dropped, not compared.
    .map((line) => line.trimEnd().replace(/^((?:PASS|FAIL) .*?) \(\d+(\.\d+)?\s?m?s\)$/, '$1'))
    .map((line) => line.replace(/\d+(\.\d+)?\s?m?s\b/g, '<duration>').replace(/duration_ms [\d.]+/, 'duration_ms <duration>'))
    .filter((line) => line !== '' && !line.startsWith('Time:') && !/^\(node:\d+\) /.test(line) && !line.startsWith('(Use `node --trace-'))
    .sort();
}

describe('batch implementations give the single-task result files', () => {
  it('typecheck: a clean, a failing and a misconfigured project in one TypeScript process', async () => {
    await compareBatchWithSingle('typecheck', join(EXECUTORS, 'typecheck/__fixtures__/ts-workspace'), [
      'packages/clean-lib',
      'packages/broken-lib',
      'packages/broken-config',
    ]);
  });

  it('typecheck: the same projects spread over two worker processes', async () => {
    await compareBatchWithSingle('typecheck', join(EXECUTORS, 'typecheck/__fixtures__/ts-workspace'), ['packages/clean-lib', 'packages/broken-lib', 'packages/broken-config'], { workers: 2 });
  });

  it('lint: projects sharing the root config and projects with their own (one throwing) in one ESLint process', async () => {
    await compareBatchWithSingle('lint', join(EXECUTORS, 'lint/__fixtures__/lint-workspace'), ['packages/clean', 'packages/warnings', 'packages/dirty', 'packages/throws']);
  });

  it('lint: the same projects spread over two worker processes, each sharing its ESLint between the projects it is handed', async () => {
    await compareBatchWithSingle('lint', join(EXECUTORS, 'lint/__fixtures__/lint-workspace'), ['packages/clean', 'packages/warnings', 'packages/dirty', 'packages/throws'], { workers: 2 });
  });

  it('lint: eslintrc projects (.json, .yml, a nested .cjs, a throwing .js) on ESLint 8.57.1 in one process', async () => {
    await compareBatchWithSingle('lint', join(EXECUTORS, 'lint/__fixtures__/lint-eslintrc-workspace'), ['packages/clean', 'packages/warnings', 'packages/dirty', 'packages/nested', 'packages/throws'], {
      eslint: installEslintVersion('8.57.1', '8.57.1'),
    });
  });

  it('test: passing, failing, config-throwing and config-less Jest projects and a node-runner project in one process, each with its own terminal output', async () => {
    const roots = ['libs/nx-style', 'libs/mixed', 'libs/throwing', 'libs/async-config', 'libs/no-config', 'libs/plain-js'];
    const { singleOutput, batch, batchStdout, batchStderr } = await compareBatchWithSingle('test', join(EXECUTORS, 'run-tests/__fixtures__/jest-workspace'), roots, {
      options: { 'libs/plain-js': { runner: 'node' } },
      addProjects: { 'libs/plain-js': join(EXECUTORS, 'run-tests/__fixtures__/node-workspace/libs/plain-js') },
      // Two worker processes, as on a 2-CPU machine: each project's files must not depend on which one ran it.
      workers: 2,
    });
    // Each task's output is what its single run printed (Jest's reporters, node's spec reporter, our summary) …
    for (const root of roots) {
      expect(comparableLines(batch[`${root.split('/').pop()}:test`]!.terminalOutput)).toEqual(comparableLines(singleOutput[root]!));
    }
    // Jest names files relative to the project, where the official target runs it.
    expect(batch['mixed:test']!.terminalOutput).toMatch(/FAIL mixed src\/math\.spec\.ts[\s\S]*Tests: .*2 failed/);
    expect(batch['plain-js:test']!.terminalOutput).toContain('is wrong on purpose');
    // … and none of it reached the batch process's own streams, which Nx prints as well.
    expect(batchStdout.trim()).toBe('');
    expect(batchStderr).not.toMatch(/PASS|FAIL|Tests:|tests (PASSED|FAILED)/);
  });

  it('test: passing, failing and unloadable-file Vitest projects (v8 and istanbul coverage) one after another in one worker process', async () => {
    const roots = ['libs/calc', 'libs/vite-style', 'libs/broken'];
    const { batch, batchStdout } = await compareBatchWithSingle('test', join(EXECUTORS, 'run-tests/__fixtures__/vitest-workspace'), roots, {
      options: Object.fromEntries(roots.map((root) => [root, { runner: 'vitest' }])),
    });
    // Vitest's own reporter output is the task's output, not the batch process's.
    expect(stripAnsi(batch['calc:test']!.terminalOutput)).toMatch(/Tests\s+2 failed \| 4 passed \| 2 skipped \| 1 todo \(9\)/);
    expect(batchStdout.trim()).toBe('');
  });
});

describe('runToolBatch', () => {
  const spec = (failing: string[], ran: string[]): ToolDefinition<object, string, { status: 'passed' | 'failed' }> => ({
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
