import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInChild } from '../../test-support/run-in-child';
import { resolveBatchWorkers } from './run-batch-in-workers';

jest.setTimeout(120_000);

// A stand-in batch implementation: it reports its pid and how often the module was loaded, fails
// the task of project "bad", throws for "throws" and kills its process for "crash".
const FAKE_BATCH = `
let loads = (globalThis.__loads = (globalThis.__loads ?? 0) + 1);
exports.default = async function* (taskGraph, inputs) {
  for (const id of Object.keys(taskGraph.tasks)) {
    const project = taskGraph.tasks[id].target.project;
    if (project === 'crash') process.exit(3);
    if (project === 'killed' || project === 'judged-killed') { process.stderr.write('\\u001b[31mError [ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG]: A dynamic import callback was invoked without --experimental-vm-modules\\u001b[39m\\n' + '    at frame (a.js:1:1)\\n'.repeat(30)); process.kill(process.pid, 'SIGKILL'); }
    if (project === 'throws') throw new Error('boom in ' + id);
    process.stdout.write('running ' + id + '\\n');
    await new Promise((resolve) => setTimeout(resolve, 50));
    yield { task: id, result: { success: project !== 'bad', terminalOutput: JSON.stringify({ pid: process.pid, loads, input: inputs[id], worker: process.env.NX_QUALITY_BATCH_WORKER, nodeOptions: process.env.NODE_OPTIONS ?? null, vmModules: process.execArgv.includes('--experimental-vm-modules') || typeof require('node:vm').SourceTextModule === 'function' }), startTime: 1, endTime: 2 } };
  }
};
`;

const DRIVER = `
exports.run = async (batchModule, taskGraph, inputs, workers, nodeOptionsByProject, batchNodeOptions, kindByProject, switchBudgetMb, recycleMb, hereProjects) => {
  if (batchNodeOptions !== null) process.env.NODE_OPTIONS = batchNodeOptions;
  const { runBatchInWorkers } = require(${JSON.stringify(join(__dirname, 'run-batch-in-workers.ts'))});
  const results = {};
  const order = [];
  const deaths = [];
  const hooks = {
    nodeOptionsOf: nodeOptionsByProject ? (taskId) => nodeOptionsByProject[taskGraph.tasks[taskId].target.project] : undefined,
    kindOf: kindByProject ? (taskId) => kindByProject[taskGraph.tasks[taskId].target.project] : undefined,
    switchBudgetMb: switchBudgetMb ?? undefined,
    recycleMb: recycleMb ?? undefined,
    onWorkerDied: (death) => { deaths.push(death); return { note: 'recorded ' + death.task, success: death.task.startsWith('judged') }; },
    whileWorkersRun: () => order.push('(while workers run)'),
    here: hereProjects ? {
      accepts: (taskId) => hereProjects.includes(taskGraph.tasks[taskId].target.project),
      run: async (taskId) => {
        const project = taskGraph.tasks[taskId].target.project;
        if (project.startsWith('here-rejects')) throw new Error('rejected ' + taskId);
        if (project.startsWith('here-throws')) { const error = new Error('thrown ' + taskId); error.stack = error.message; throw error; }
        return { success: true, terminalOutput: JSON.stringify({ pid: process.pid }), startTime: 1, endTime: 2 };
      },
    } : undefined,
  };
  for await (const done of runBatchInWorkers(batchModule, taskGraph, inputs, {}, { root: '/', cwd: '/', isVerbose: false }, workers, hooks)) {
    results[done.task] = done.result;
    order.push(done.task);
  }
  return { results, order, deaths };
};
`;

interface WorkerDeathSeen {
  task: string;
  code: number | null;
  signal: string | null;
  stderrTail: string[];
}

interface Outcome {
  results: Record<string, { success: boolean; status?: string; terminalOutput: string }>;
  deaths: WorkerDeathSeen[];
  order: string[];
}

function graph(projects: string[], dependencies: Record<string, string[]> = {}) {
  const id = (project: string) => `${project}:test`;
  const tasks = Object.fromEntries(projects.map((project) => [id(project), { id: id(project), target: { project, target: 'test' }, overrides: {}, outputs: [] }]));
  return {
    roots: projects.filter((project) => !dependencies[project]).map(id),
    tasks,
    dependencies: Object.fromEntries(projects.map((project) => [id(project), (dependencies[project] ?? []).map(id)])),
    continuousDependencies: Object.fromEntries(projects.map((project) => [id(project), []])),
  };
}

describe('runBatchInWorkers', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nxq-batch-workers-'));
    writeFileSync(join(dir, 'fake-batch.cjs'), FAKE_BATCH);
    writeFileSync(join(dir, 'driver.cjs'), DRIVER);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (
    taskGraph: ReturnType<typeof graph>,
    workers: number,
    nodeOptionsByProject?: Record<string, string | undefined>,
    batchNodeOptions?: string,
    kinds?: { byProject: Record<string, string>; switchBudgetMb: number },
    recycleMb?: number,
    hereProjects?: string[],
  ) => {
    const outcome = await runInChild<Outcome>(join(dir, 'driver.cjs'), 'run', [
      join(dir, 'fake-batch.cjs'),
      taskGraph,
      Object.fromEntries(Object.keys(taskGraph.tasks).map((id) => [id, { for: id }])),
      workers,
      nodeOptionsByProject ?? null,
      batchNodeOptions ?? null,
      kinds?.byProject ?? null,
      kinds?.switchBudgetMb ?? null,
      recycleMb ?? null,
      hereProjects ?? null,
    ]);
    return { ...outcome, deaths: outcome.value.deaths };
  };

  it('spreads independent tasks over the workers, each loading the batch module once', async () => {
    const projects = ['a', 'b', 'c', 'd', 'e', 'f'];
    const { value, stdout } = await run(graph(projects), 2);
    expect(Object.keys(value.results).sort()).toEqual(projects.map((p) => `${p}:test`));
    const reports = Object.entries(value.results).map(([id, result]) => ({ id, ...(JSON.parse(result.terminalOutput) as { pid: number; loads: number; input: unknown; worker: string }) }));
    expect(new Set(reports.map((r) => r.pid)).size).toBe(2);
    for (const report of reports) {
      expect(report).toMatchObject({ loads: 1, input: { for: report.id }, worker: '1' });
    }
    // The workers' own output reaches the batch process's stdout.
    for (const project of projects) expect(stdout).toContain(`running ${project}:test`);
  });

  it('starts a task only after its in-batch dependencies and skips it when one failed', async () => {
    const { value } = await run(graph(['bad', 'after-bad', 'good', 'after-good'], { 'after-bad': ['bad'], 'after-good': ['good'] }), 2);
    expect(value.results['bad:test']?.success).toBe(false);
    expect(value.results['after-bad:test']).toMatchObject({ success: false, status: 'skipped' });
    expect(value.results['after-good:test']?.success).toBe(true);
    expect(value.order.indexOf('after-good:test')).toBeGreaterThan(value.order.indexOf('good:test'));
    expect(value.order.indexOf('after-bad:test')).toBeGreaterThan(value.order.indexOf('bad:test'));
  });

  it('runs the tasks `here` accepts in the batch process, after their dependencies, even while every worker is busy', async () => {
    // One worker, busy with a, b and c in turn: here-a must not wait for a free worker.
    const projects = ['a', 'b', 'c', 'here-a', 'here-after-bad', 'bad', 'here-rejects', 'here-throws'];
    const dependencies = { 'here-a': ['a'], 'here-after-bad': ['bad'] };
    const { value } = await run(graph(projects, dependencies), 1, undefined, undefined, undefined, undefined, ['here-a', 'here-after-bad', 'here-rejects', 'here-throws']);
    const pidOf = (project: string) => (JSON.parse(value.results[`${project}:test`]!.terminalOutput) as { pid: number }).pid;
    const driverPid = pidOf('here-a');
    expect(driverPid).not.toBe(pidOf('a'));
    expect(value.order.indexOf('here-a:test')).toBeGreaterThan(value.order.indexOf('a:test'));
    expect(value.order.indexOf('here-a:test')).toBeLessThan(value.order.indexOf('b:test'));
    expect(value.results['here-after-bad:test']).toMatchObject({ success: false, status: 'skipped' });
    // A task run here that fails to run fails alone, with its error as its output.
    expect(value.results['here-rejects:test']).toMatchObject({ success: false, terminalOutput: expect.stringContaining('rejected here-rejects:test') });
    expect(value.results['here-throws:test']).toMatchObject({ success: false, terminalOutput: 'thrown here-throws:test\n' });
    expect(Object.keys(value.results).sort()).toEqual(projects.map((p) => `${p}:test`).sort());
  });

  it('calls whileWorkersRun once, when the first tasks have reached their workers and before any result', async () => {
    const { value } = await run(graph(['a', 'b', 'c']), 2);
    expect(value.order.filter((entry) => entry === '(while workers run)')).toHaveLength(1);
    expect(value.order[0]).toBe('(while workers run)');
    // With nothing for a worker, at once.
    const hereOnly = await run(graph(['here-a', 'here-b']), 2, undefined, undefined, undefined, undefined, ['here-a', 'here-b']);
    expect(hereOnly.value.order.filter((entry) => entry === '(while workers run)')).toHaveLength(1);
    expect(Object.values(hereOnly.value.results).every((result) => result.success)).toBe(true);
  });

  it('fails only the task of a worker that died or threw, and finishes the rest', async () => {
    const { value } = await run(graph(['crash', 'throws', 'a', 'b', 'c']), 2);
    expect(value.results['crash:test']?.success).toBe(false);
    expect(value.results['crash:test']?.terminalOutput).toContain('The batch worker process running crash:test exited (code 3)');
    expect(value.results['throws:test']).toMatchObject({ success: false });
    expect(value.results['throws:test']?.terminalOutput).toContain('boom in throws:test');
    for (const project of ['a', 'b', 'c']) expect(value.results[`${project}:test`]?.success).toBe(true);
  });

  it('records the death of a worker with its signal and the last lines of its stderr', async () => {
    const { value, deaths } = await run(graph(['killed', 'a']), 1);
    expect(value.results['killed:test']?.success).toBe(false);
    expect(value.results['killed:test']?.terminalOutput).toContain('exited (SIGKILL)');
    expect(value.results['killed:test']?.terminalOutput).toContain('ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG');
    expect(value.results['killed:test']?.terminalOutput).toContain('recorded killed:test');
    // The cause survives 30 stack frames after it, without its colour codes.
    expect(deaths).toEqual([{ task: 'killed:test', code: null, signal: 'SIGKILL', stderrTail: [expect.stringMatching(/^Error \[ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG\].*modules$/)] }]);
    // A new worker took the dead one's place.
    expect(value.results['a:test']?.success).toBe(true);
    // A task whose death was recorded as its result (inside a quality run) counts as done.
    const judged = await run(graph(['judged-killed'].map((p) => p)), 1);
    expect(judged.value.results['judged-killed:test']?.success).toBe(true);
  });

  it("runs each task in a worker started under the task's NODE_OPTIONS, never another's", async () => {
    const vm = '--experimental-vm-modules';
    const { value } = await run(graph(['plain-1', 'vm-1', 'plain-2', 'vm-2', 'plain-3']), 1, { 'vm-1': vm, 'vm-2': vm });
    const reports = Object.fromEntries(
      Object.entries(value.results).map(([id, result]) => [id, JSON.parse(result.terminalOutput) as { pid: number; nodeOptions: string | null; vmModules: boolean }]),
    );
    for (const id of ['vm-1:test', 'vm-2:test']) expect(reports[id]).toMatchObject({ nodeOptions: vm, vmModules: true });
    for (const id of ['plain-1:test', 'plain-2:test', 'plain-3:test']) expect(reports[id]).toMatchObject({ nodeOptions: process.env['NODE_OPTIONS'] ?? null, vmModules: false });
    expect(reports['vm-1:test']!.pid).not.toBe(reports['plain-1:test']!.pid);
  });

  it("runs a task without NODE_OPTIONS of its own in the same worker as one that names the batch's", async () => {
    const batchOptions = '--no-warnings';
    const { value } = await run(graph(['own-1', 'named-1', 'own-2', 'named-2']), 1, { 'named-1': batchOptions, 'named-2': batchOptions }, batchOptions);
    const reports = Object.values(value.results).map((result) => JSON.parse(result.terminalOutput) as { pid: number; nodeOptions: string | null });
    expect(new Set(reports.map((report) => report.pid)).size).toBe(1);
    expect(reports.map((report) => report.nodeOptions)).toEqual(reports.map(() => batchOptions));
  });

  describe('tasks of different kinds', () => {
    const kinds = { a1: 'a', a2: 'a', b1: 'b', b2: 'b' };
    const pidsByKind = (results: Record<string, { terminalOutput: string }>) => {
      const pids: Record<string, Set<number>> = {};
      for (const [id, result] of Object.entries(results)) (pids[kinds[id.split(':')[0] as keyof typeof kinds]] ??= new Set()).add((JSON.parse(result.terminalOutput) as { pid: number }).pid);
      return pids;
    };

    it('share a worker while it is under the memory budget', async () => {
      const { value } = await run(graph(Object.keys(kinds)), 1, undefined, undefined, { byProject: kinds, switchBudgetMb: 1_000_000 });
      const pids = pidsByKind(value.results);
      expect(new Set([...pids['a']!, ...pids['b']!]).size).toBe(1);
    });

    it('get a new worker when the one that ran another kind is over it; a kind keeps its worker', async () => {
      const { value } = await run(graph(Object.keys(kinds)), 1, undefined, undefined, { byProject: kinds, switchBudgetMb: 1 });
      const pids = pidsByKind(value.results);
      expect({ a: pids['a']!.size, b: pids['b']!.size, shared: [...pids['a']!].some((pid) => pids['b']!.has(pid)) }).toEqual({ a: 1, b: 1, shared: false });
      expect(Object.values(value.results).every((result) => result.success)).toBe(true);
    });
  });

  it('replaces a worker that switched kinds once it is over the recycle limit; one that runs one kind stays', async () => {
    const pidOf = (results: Record<string, { terminalOutput: string }>, project: string) => (JSON.parse(results[`${project}:test`]!.terminalOutput) as { pid: number }).pid;
    const kinds = { a1: 'a', b1: 'b', b2: 'b' };
    const switched = await run(graph(Object.keys(kinds)), 1, undefined, undefined, { byProject: kinds, switchBudgetMb: 1_000_000 }, 1);
    expect(pidOf(switched.value.results, 'b1')).toBe(pidOf(switched.value.results, 'a1'));
    expect(pidOf(switched.value.results, 'b2')).not.toBe(pidOf(switched.value.results, 'b1'));
    expect(Object.values(switched.value.results).every((result) => result.success)).toBe(true);
    const oneKind = { a1: 'a', a2: 'a', a3: 'a' };
    const kept = await run(graph(Object.keys(oneKind)), 1, undefined, undefined, { byProject: oneKind, switchBudgetMb: 1_000_000 }, 1);
    expect(new Set(['a1', 'a2', 'a3'].map((project) => pidOf(kept.value.results, project))).size).toBe(1);
  });

  it('runs everything in one worker when asked for one', async () => {
    const { value } = await run(graph(['a', 'b', 'c']), 1);
    const pids = Object.values(value.results).map((result) => (JSON.parse(result.terminalOutput) as { pid: number }).pid);
    expect(new Set(pids).size).toBe(1);
  });
});

describe('resolveBatchWorkers', () => {
  it('uses one worker per CPU, at most 4, never more than the tasks', () => {
    expect(resolveBatchWorkers(30, {}, 2)).toBe(2);
    expect(resolveBatchWorkers(30, {}, 16)).toBe(4);
    expect(resolveBatchWorkers(1, {}, 16)).toBe(1);
  });

  it('takes NX_QUALITY_BATCH_WORKERS, and always 1 inside a worker', () => {
    expect(resolveBatchWorkers(30, { NX_QUALITY_BATCH_WORKERS: '6' }, 2)).toBe(6);
    expect(resolveBatchWorkers(3, { NX_QUALITY_BATCH_WORKERS: '6' }, 2)).toBe(3);
    expect(resolveBatchWorkers(30, { NX_QUALITY_BATCH_WORKERS: '6', NX_QUALITY_BATCH_WORKER: '1' }, 2)).toBe(1);
  });

  it('names the variable and the fix when it is not a positive integer', () => {
    expect(() => resolveBatchWorkers(30, { NX_QUALITY_BATCH_WORKERS: 'two' }, 2)).toThrow(
      'NX_QUALITY_BATCH_WORKERS=two is not a positive integer: set it to the number of processes a batch may use (1 runs the batch in one worker process), or unset it.',
    );
    expect(() => resolveBatchWorkers(30, { NX_QUALITY_BATCH_WORKERS: '0' }, 2)).toThrow('NX_QUALITY_BATCH_WORKERS=0');
  });
});
