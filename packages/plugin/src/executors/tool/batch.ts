import type { ExecutorContext, Task, TaskGraph } from '@nx/devkit';
import { isBatchWorker, resolveBatchWorkers, runBatchInWorkers } from '../shared/run-batch-in-workers';
import type { BatchTaskResult, BatchTaskUpdate } from '../shared/run-batch-tasks';
import { dependencyOrder } from '../shared/dependency-order';
import { exitAfterBatchResults } from '../shared/exit-after-batch-results';
import type { RunTasksHere } from '../shared/spread-batch-over-workers';
import type { TestExecutorOptions } from '../run-tests/options';
import { loadToolBatchRunner } from './load-tool-batch-runner';
import { isToolKind, type QualityTargetKind } from '../../shared/quality-target-kind';
import type { ToolExecutorOptions } from './options';
import { splitToolOptions } from './split-tool-options';
import { withoutProvisionalHash } from './without-provisional-hash';

/**
 * The longest tasks first (tests, then type checks), so the last to finish are short ones; tasks of
 * one tool together, so a worker runs a series of them. Lint before health: in a small affected run
 * the test worker comes free while the type check runs and takes lint, the longer of the two; the
 * type-check worker, TypeScript loaded, takes health after it.
 */
const HAND_OUT_ORDER: readonly QualityTargetKind[] = ['test', 'typecheck', 'lint', 'health', 'quality'];

/**
 * Nx `batchImplementation` of `@nx-quality/plugin:tool`. Nx forms one batch per executor and runs
 * the batches one after another with nothing beside them, so with one executor for all four tools a
 * quality run's test, typecheck, lint and health tasks form a single batch spread over one worker
 * process per CPU (`runBatchInWorkers`), instead of four batches in a row that each wait for their
 * slowest project. A worker runs tasks through their tool's batch runner (its modules and state
 * loaded once). A worker takes a task of another tool only while it is small (`SWITCH_BUDGET_MB`:
 * after one project, as in a small affected run), keeping the process and what it loaded; a bigger
 * one makes room for a new worker, so no process holds what every tool left in memory. Test tasks
 * run in workers started under their NODE_OPTIONS (`testWorkerHooks`); a task whose worker dies, of
 * any tool, gets an `error` result naming the cause (`recordDeadToolTask`). Quality tasks (Nx 23+, see `gatesInToolBatch`)
 * run here in the batch process, one at a time, each as soon as its project's tools have finished.
 */
export default function toolBatch(
  taskGraph: TaskGraph,
  inputs: Record<string, ToolExecutorOptions>,
  overrides: ToolExecutorOptions,
  context: ExecutorContext,
): AsyncIterableIterator<BatchTaskUpdate> {
  exitAfterBatchResults();
  if (isBatchWorker()) return runInThisWorker(taskGraph, inputs, context);
  const toolOf = (taskId: string): unknown => (inputs[taskId] as { tool?: unknown } | undefined)?.tool;
  const testInputs: Record<string, TestExecutorOptions> = {};
  for (const taskId of Object.keys(taskGraph.tasks)) {
    if (toolOf(taskId) === 'test') testInputs[taskId] = splitToolOptions(inputs[taskId], taskId).options as TestExecutorOptions;
  }
  // Loaded only where test tasks are handed out: a worker loads this module too, and most run no tests.
  const testHooks = Object.keys(testInputs).length > 0 ? (require('../run-tests/test-worker-hooks') as typeof import('../run-tests/test-worker-hooks')).testWorkerHooks(taskGraph, testInputs, context) : undefined;
  const workerTasks = Object.keys(taskGraph.tasks).filter((taskId) => toolOf(taskId) !== 'quality').length;
  const workers = resolveBatchWorkers(Math.max(1, workerTasks));
  const gates = gatesRunner(taskGraph, inputs, context);
  const hasGates = Object.keys(taskGraph.tasks).some((taskId) => toolOf(taskId) === 'quality');
  return runBatchInWorkers(__filename, inHandOutOrder(taskGraph, toolOf), inputs, overrides, context, workers, {
    here: { accepts: (taskId) => toolOf(taskId) === 'quality', run: gates.run },
    // Loaded while the workers load their tools: else the first quality task waits for it after the
    // last of its project's tools, at the end of a small run.
    whileWorkersRun: hasGates ? gates.load : undefined,
    nodeOptionsOf: (taskId) => (toolOf(taskId) === 'test' ? testHooks?.nodeOptionsOf(taskId) : undefined),
    kindOf: (taskId) => String(toolOf(taskId)),
    onWorkerDied: (death) => {
      const tool = toolOf(death.task);
      if (!isToolKind(tool)) return undefined;
      // Loaded only when a worker died: every worker loads this module too.
      const { recordDeadToolTask } = require('./record-dead-tool-task') as typeof import('./record-dead-tool-task');
      return recordDeadToolTask(tool, death, taskGraph.tasks[death.task]!, splitToolOptions(inputs[death.task], death.task).options, context);
    },
  });
}

/**
 * Runs quality tasks in the batch process: their gates read only result files, which need nothing a
 * worker has loaded. One at a time, because each sets NX_TASK_HASH while it writes its result.
 * `load` loads the gates' code ahead of the first task.
 */
function gatesRunner(taskGraph: TaskGraph, inputs: Record<string, ToolExecutorOptions>, context: ExecutorContext): { run: (taskId: string) => Promise<BatchTaskResult>; load: () => unknown } {
  let gates: RunTasksHere<Record<string, unknown>> | undefined;
  let previous: Promise<unknown> = Promise.resolve();
  const load = (): RunTasksHere<Record<string, unknown>> => (gates ??= loadToolBatchRunner('quality'));
  const run = (taskId: string): Promise<BatchTaskResult> => {
    const evaluate = async (): Promise<BatchTaskResult> => {
      const startTime = Date.now();
      const runGates = load();
      let result: BatchTaskResult | undefined;
      for await (const update of runTaskAlone(runGates, taskGraph, withoutProvisionalHash(taskGraph, taskId), splitToolOptions(inputs[taskId], taskId).options, context)) result = update.result;
      return result ?? { success: false, terminalOutput: `The gates reported no result for ${taskId}.\n`, startTime, endTime: Date.now() };
    };
    // After the previous task, whether it succeeded or not.
    const running = previous.then(evaluate, evaluate);
    previous = running;
    return running;
  };
  return { run, load };
}

/** One task of the batch through a runner, on its own (its in-batch dependencies are done). */
function runTaskAlone(run: RunTasksHere<Record<string, unknown>>, taskGraph: TaskGraph, task: Task, options: Record<string, unknown>, context: ExecutorContext): AsyncIterableIterator<BatchTaskUpdate> {
  const single: TaskGraph = { ...taskGraph, roots: [task.id], tasks: { [task.id]: task }, dependencies: { [task.id]: [] } };
  return run(single, { [task.id]: options }, context);
}

/** The task graph with its tasks listed in HAND_OUT_ORDER (runBatchInWorkers hands out ready tasks in listing order). */
function inHandOutOrder(taskGraph: TaskGraph, toolOf: (taskId: string) => unknown): TaskGraph {
  const rank = (taskId: string): number => {
    const index = HAND_OUT_ORDER.indexOf(toolOf(taskId) as QualityTargetKind);
    return index < 0 ? HAND_OUT_ORDER.length : index;
  };
  const ordered = Object.keys(taskGraph.tasks).sort((a, b) => rank(a) - rank(b));
  return { ...taskGraph, tasks: Object.fromEntries(ordered.map((taskId) => [taskId, taskGraph.tasks[taskId]!])) };
}

let runner: { tool: QualityTargetKind; run: RunTasksHere<Record<string, unknown>> } | undefined;

/**
 * A worker's share: the task it was handed, run by the batch runner of its tool; a task of another
 * tool replaces the runner (and lets go of the state the last one kept). In a process that was
 * started as a worker by other means (`NX_QUALITY_BATCH_WORKER=1` set for the Nx run) the share is
 * the whole batch: each task after its in-batch dependencies, skipped when one of them failed.
 */
async function* runInThisWorker(taskGraph: TaskGraph, inputs: Record<string, ToolExecutorOptions>, context: ExecutorContext): AsyncIterableIterator<BatchTaskUpdate> {
  const succeeded = new Map<string, boolean>();
  for (const taskId of dependencyOrder(taskGraph)) {
    const startTime = Date.now();
    if ((taskGraph.dependencies[taskId] ?? []).some((dependency) => succeeded.get(dependency) === false)) {
      succeeded.set(taskId, false);
      yield { task: taskId, result: { success: false, status: 'skipped', terminalOutput: '', startTime, endTime: startTime } };
      continue;
    }
    let split: ReturnType<typeof splitToolOptions>;
    try {
      split = splitToolOptions(inputs[taskId], `the tool executor of ${taskId}`);
    } catch (error) {
      succeeded.set(taskId, false);
      yield { task: taskId, result: { success: false, terminalOutput: `${error instanceof Error ? error.message : String(error)}\n`, startTime, endTime: Date.now() } };
      continue;
    }
    if (runner?.tool !== split.tool) runner = { tool: split.tool, run: loadToolBatchRunner(split.tool) };
    // Only the gates' hash covers their dependencies' outputs, so only theirs is provisional here.
    const task = split.tool === 'quality' ? withoutProvisionalHash(taskGraph, taskId) : taskGraph.tasks[taskId]!;
    for await (const update of runTaskAlone(runner.run, taskGraph, task, split.options, context)) {
      succeeded.set(update.task, update.result.success);
      yield update;
    }
  }
}
