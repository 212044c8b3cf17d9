import type { ExecutorContext, Task, TaskGraph } from '@nx/devkit';
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import type { BatchTaskResult, BatchTaskUpdate } from './run-batch-tasks';
import type { BatchWorkerReply, BatchWorkerRequest } from './batch-worker-messages';

/** Set in every worker process, so a batch implementation running there does its tasks itself. */
export const BATCH_WORKER_ENV = 'NX_QUALITY_BATCH_WORKER';
/** Overrides how many worker processes a batch uses (1 runs the batch in Nx's batch process). */
export const BATCH_WORKERS_ENV = 'NX_QUALITY_BATCH_WORKERS';
const MAX_DEFAULT_WORKERS = 4;

/**
 * How many processes a batch of `taskCount` independent-ish tasks should use. Nx runs one batch at
 * a time and nothing else beside it (its coordinator awaits each batch), so a batch of
 * single-threaded tools (Jest in band, ESLint) would leave every other CPU idle; one worker per
 * CPU, at most 4 by default, never more than the tasks. Inside a worker it is always 1.
 */
export function resolveBatchWorkers(taskCount: number, env: NodeJS.ProcessEnv = process.env, cpus: number = availableParallelism()): number {
  if (env[BATCH_WORKER_ENV] === '1') return 1;
  const configured = env[BATCH_WORKERS_ENV];
  let wanted = Math.min(cpus, MAX_DEFAULT_WORKERS);
  if (configured !== undefined && configured !== '') {
    const parsed = Number(configured);
    if (!Number.isInteger(parsed) || parsed < 1) {
      throw new RangeError(`${BATCH_WORKERS_ENV}=${configured} is not a positive integer: set it to the number of processes a batch may use (1 runs the batch in one worker process), or unset it.`);
    }
    wanted = parsed;
  }
  return Math.max(1, Math.min(wanted, taskCount));
}

/** Whether this process is a worker of `runBatchInWorkers` (it runs its tasks itself). */
export function isBatchWorker(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[BATCH_WORKER_ENV] === '1';
}

/** Why a worker died while it held a task: what its parent knows of the death. */
export interface WorkerDeath {
  task: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The last lines the worker wrote to stderr (a crash's own message is there). */
  stderrTail: string[];
}

/** How a batch's tasks are placed in workers and what happens when one dies. */
export interface WorkerPoolHooks {
  /**
   * The NODE_OPTIONS a task must start under (its `.env` files may set it). Node reads NODE_OPTIONS
   * only when a process starts, so a task runs only in a worker started under the same; undefined
   * means the batch's own.
   */
  nodeOptionsOf?: (taskId: string) => string | undefined;
  /**
   * Tasks of different kinds (e.g. tools) may share a worker: one that ran another kind takes the
   * task while its resident memory is under `switchBudgetMb`, keeping what it loaded; a bigger one
   * exits and a new one takes its place, so what the first kind left in memory (a type checker's
   * parsed files, a test runner's module registry) goes with its process. One kind by default.
   */
  kindOf?: (taskId: string) => string;
  /** The memory (MiB) under which a worker takes a task of another kind; SWITCH_BUDGET_MB by default. */
  switchBudgetMb?: number;
  /** The memory (MiB) over which a worker that has run tasks of two kinds takes no further task; RECYCLE_MB by default. */
  recycleMb?: number;
  /**
   * Records the result of a task whose worker died (the worker could not finish it); returns text for
   * the task's output and whether the task counts as done (it recorded a result the gates judge).
   */
  onWorkerDied?: (death: WorkerDeath) => { note?: string; success: boolean } | undefined;
  /**
   * Tasks run in the batch process itself rather than in a worker: short ones that need nothing a
   * worker has loaded (evaluating gates), so they neither wait for a busy worker nor start one.
   * `run` is called once per accepted task, when its in-batch dependencies have succeeded; a
   * rejection fails the task alone.
   */
  here?: { accepts: (taskId: string) => boolean; run: (taskId: string) => Promise<BatchTaskResult> };
  /**
   * Called once the first tasks handed out have reached their workers (at once when none went to a
   * worker): the time for this process to load what `here` will need. Until then its event loop is
   * writing those messages, which carry the executor context and with it the project graph, and
   * whatever it runs synchronously keeps the workers waiting for their first task.
   */
  whileWorkersRun?: () => void;
}

/**
 * A worker that has run a few tasks holds their garbage and caches (a type checker's parsed files);
 * one that has run one task of a small project is still about the size of a fresh one. Only the
 * latter takes a task of another kind, so sharing saves loading modules without raising the peak.
 */
export const SWITCH_BUDGET_MB = 256;

/**
 * A worker that switched kinds carries what the first kind left in memory (a type checker's parsed
 * files) into the tasks of the second; once it has grown past this after a task, it exits and a
 * new one takes its place. Workers that run one kind only are kept however big they grow: a new
 * one would load the tool and parse the same libraries again, which costs more than it frees.
 */
export const RECYCLE_MB = 320;

const STDERR_TAIL_LINES = 20;
const STACK_FRAME = /^\s+at\s/;

interface WorkerSlot {
  child: ChildProcess;
  /** The NODE_OPTIONS the worker started with. */
  nodeOptions: string | undefined;
  /** The kind of the task it ran last (`hooks.kindOf`), and its resident memory after it. */
  kind?: string;
  rssMb?: number;
  /** Whether it has run tasks of more than one kind. */
  switched?: boolean;
  running?: string;
  exit: Promise<void>;
  stderrTail: string[];
}

/**
 * Runs a batch over `workers` child processes, each loading `batchModule` once and then running
 * one task at a time through its default export (the same batch implementation, with
 * `NX_QUALITY_BATCH_WORKER=1` so it does not fan out again). Tasks are handed out as workers
 * become free, after their in-batch dependencies; a task whose in-batch dependency failed is
 * skipped, as Nx does. Tasks run in a worker started under their own NODE_OPTIONS
 * (`hooks.nodeOptionsOf`), sharing one with tasks of another kind only while it is small
 * (`hooks.kindOf`); those `hooks.here` accepts run in
 * this process, even while every worker is busy. A worker that dies fails only the task it was running, whose result
 * `hooks.onWorkerDied` records with the cause (exit code or signal, the last lines of its stderr),
 * and a new one takes its place. Results are yielded in completion order.
 */
export async function* runBatchInWorkers(
  batchModule: string,
  taskGraph: TaskGraph,
  inputs: Record<string, unknown>,
  overrides: unknown,
  context: ExecutorContext,
  workers: number,
  hooks: WorkerPoolHooks = {},
): AsyncIterableIterator<BatchTaskUpdate> {
  const taskIds = Object.keys(taskGraph.tasks);
  const inBatchDependencies = (taskId: string): string[] => (taskGraph.dependencies[taskId] ?? []).filter((dependency) => dependency in taskGraph.tasks);
  const outcome = new Map<string, boolean>();
  const waiting = new Set(taskIds);
  const startedAt = new Map<string, number>();
  const finished: BatchTaskUpdate[] = [];
  let wake: (() => void) | undefined;
  const notify = (): void => {
    wake?.();
    wake = undefined;
  };
  const complete = (done: BatchTaskUpdate): void => {
    outcome.set(done.task, done.result.success);
    finished.push(done);
    notify();
  };

  // The messages of the first hand-out; once they are written, `whileWorkersRun`.
  let firstMessages: Promise<void>[] | undefined = [];
  const dispatch = (child: ChildProcess, message: BatchWorkerRequest): void => {
    if (!firstMessages) return send(child, message);
    firstMessages.push(new Promise((resolve) => send(child, message, () => resolve())));
  };

  const slots: WorkerSlot[] = [];
  const exits: Promise<void>[] = [];
  const spawn = (nodeOptions: string | undefined): WorkerSlot => {
    const env: NodeJS.ProcessEnv = { ...process.env, [BATCH_WORKER_ENV]: '1' };
    if (nodeOptions !== undefined) env['NODE_OPTIONS'] = nodeOptions;
    const child = fork(require.resolve('./batch-worker'), [], {
      env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    child.stdout?.pipe(process.stdout, { end: false });
    child.stderr?.pipe(process.stderr, { end: false });
    const slot: WorkerSlot = {
      child,
      nodeOptions,
      stderrTail: [],
      exit: new Promise((resolve) => {
        child.once('exit', (code, signal) => {
          const task = slot.running;
          slot.running = undefined;
          const index = slots.indexOf(slot);
          if (index >= 0) slots.splice(index, 1);
          if (task) {
            const now = Date.now();
            const how = signal ?? `code ${code}`;
            let recorded: { note?: string; success: boolean } | undefined;
            try {
              recorded = hooks.onWorkerDied?.({ task, code, signal, stderrTail: slot.stderrTail });
            } catch (error) {
              // The task fails; say why its result could not be recorded.
              recorded = { note: `Its error result could not be written: ${error instanceof Error ? error.message : String(error)}`, success: false };
            }
            const tail = slot.stderrTail.length > 0 ? `\nLast lines of the worker's stderr:\n${slot.stderrTail.join('\n')}\n` : '';
            complete({
              task,
              result: {
                success: recorded?.success ?? false,
                terminalOutput: `The batch worker process running ${task} exited (${how}) before the task finished; run it alone with \`nx run ${task} --batch=false\` to see why.\n${tail}${recorded?.note ? `${recorded.note}\n` : ''}`,
                startTime: startedAt.get(task) ?? now,
                endTime: now,
              },
            });
          } else {
            notify();
          }
          resolve();
        });
      }),
    };
    child.stderr?.on('data', (chunk: Buffer) => {
      // Loaded here, not before the workers start: the batch process loads nothing it can do without until then.
      const { stripAnsi } = require('@nx-quality/core') as typeof import('@nx-quality/core');
      // Stack frames push the cause out of a short tail; colour codes do not belong in a result file.
      const lines = stripAnsi(chunk.toString('utf8'))
        .split('\n')
        .filter((line) => line.trim() !== '' && !STACK_FRAME.test(line));
      slot.stderrTail.push(...lines);
      if (slot.stderrTail.length > STDERR_TAIL_LINES) slot.stderrTail.splice(0, slot.stderrTail.length - STDERR_TAIL_LINES);
    });
    child.on('message', (reply: BatchWorkerReply) => {
      if (reply.type !== 'done' || reply.task !== slot.running) return;
      slot.running = undefined;
      slot.rssMb = reply.rssMb;
      complete({ task: reply.task, result: reply.result });
    });
    dispatch(child, { type: 'init', batchModule, overrides, context });
    slots.push(slot);
    exits.push(slot.exit);
    return slot;
  };

  const retire = (slot: WorkerSlot): void => {
    slots.splice(slots.indexOf(slot), 1);
    if (slot.child.connected) send(slot.child, { type: 'exit' });
  };

  const kindOf = (taskId: string): string => hooks.kindOf?.(taskId) ?? '';
  // A task without NODE_OPTIONS of its own starts under the batch's, as one that names the same does.
  const nodeOptionsOf = (taskId: string): string | undefined => hooks.nodeOptionsOf?.(taskId) ?? process.env['NODE_OPTIONS'];

  /**
   * An idle worker started under the task's NODE_OPTIONS (one that ran the same kind, else one small
   * enough to switch kinds), a new one, or (all busy) none yet. Idle workers that switched kinds and
   * are over the recycle limit exit first.
   */
  const workerFor = (taskId: string): WorkerSlot | undefined => {
    const nodeOptions = nodeOptionsOf(taskId);
    const kind = kindOf(taskId);
    const budget = hooks.switchBudgetMb ?? SWITCH_BUDGET_MB;
    const recycle = hooks.recycleMb ?? RECYCLE_MB;
    for (const slot of slots.filter((candidate) => !candidate.running && candidate.switched && candidate.rssMb !== undefined && candidate.rssMb > recycle)) retire(slot);
    const fitting = slots.filter((slot) => !slot.running && slot.nodeOptions === nodeOptions);
    const idle = fitting.find((slot) => slot.kind === undefined || slot.kind === kind) ?? fitting.find((slot) => slot.rssMb !== undefined && slot.rssMb < budget);
    if (idle) return idle;
    // An idle worker too big to switch kinds makes room first: it would otherwise sit idle.
    const oversized = fitting[0];
    if (oversized) retire(oversized);
    if (slots.length < workers) return spawn(nodeOptions);
    const other = slots.find((slot) => !slot.running);
    if (!other) return undefined;
    // An idle worker under other NODE_OPTIONS makes room for one this task can run in.
    retire(other);
    return spawn(nodeOptions);
  };

  /** The first waiting task that can be handed out now (or skipped); with every worker busy, only one that runs here. */
  const readyTask = (workersBusy: boolean): string | undefined => {
    for (const taskId of waiting) {
      const dependencies = inBatchDependencies(taskId);
      if (dependencies.some((dependency) => outcome.get(dependency) === false)) return taskId;
      if (dependencies.every((dependency) => outcome.get(dependency) === true) && (!workersBusy || hooks.here?.accepts(taskId))) return taskId;
    }
    return undefined;
  };

  let runningHere = 0;
  const busy = (): boolean => runningHere > 0 || slots.some((slot) => slot.running);
  const runHere = (taskId: string): void => {
    runningHere++;
    const startTime = Date.now();
    const fail = (error: unknown): BatchTaskResult => ({ success: false, terminalOutput: `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`, startTime, endTime: Date.now() });
    // Started inside a promise, so that a throw fails the task like a rejection does.
    void Promise.resolve()
      .then(() => hooks.here!.run(taskId))
      .then(undefined, fail)
      .then((result) => {
        runningHere--;
        complete({ task: taskId, result });
      });
  };

  try {
    while (waiting.size > 0 || busy()) {
      // Hand out every task that can start now.
      let workersBusy = false;
      let taskId: string | undefined;
      while ((taskId = readyTask(workersBusy)) !== undefined) {
        const failedDependency = inBatchDependencies(taskId).some((dependency) => outcome.get(dependency) === false);
        if (failedDependency) {
          waiting.delete(taskId);
          const now = Date.now();
          complete({ task: taskId, result: { success: false, status: 'skipped', terminalOutput: '', startTime: now, endTime: now } });
          continue;
        }
        if (hooks.here?.accepts(taskId)) {
          waiting.delete(taskId);
          runHere(taskId);
          continue;
        }
        const idle = workerFor(taskId);
        if (!idle) {
          workersBusy = true;
          continue;
        }
        waiting.delete(taskId);
        idle.running = taskId;
        const kind = kindOf(taskId);
        if (idle.kind !== undefined && idle.kind !== kind) idle.switched = true;
        idle.kind = kind;
        startedAt.set(taskId, Date.now());
        const task: Task = taskGraph.tasks[taskId]!;
        dispatch(idle.child, { type: 'run', task, input: inputs[taskId] });
      }
      if (firstMessages) {
        const written = firstMessages;
        firstMessages = undefined;
        // Written or failed (a worker that died at once is handled by its exit): either way, go on.
        void Promise.all(written).then(() => hooks.whileWorkersRun?.());
      }
      // With no task left for a worker, idle ones leave now, while the last tasks (or those run here) finish.
      if (![...waiting].some((waitingId) => !hooks.here?.accepts(waitingId))) {
        for (const slot of slots.filter((candidate) => !candidate.running)) retire(slot);
      }
      while (finished.length > 0) yield finished.shift()!;
      if (waiting.size === 0 && !busy()) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        if (finished.length > 0) notify();
      });
      while (finished.length > 0) yield finished.shift()!;
    }
  } finally {
    for (const slot of [...slots]) {
      if (slot.child.connected) send(slot.child, { type: 'exit' });
    }
    await Promise.all(exits);
  }
}

function send(child: ChildProcess, message: BatchWorkerRequest, written?: () => void): void {
  child.send(message, written);
}
