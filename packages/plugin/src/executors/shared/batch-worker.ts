import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import type { BatchWorkerReply, BatchWorkerRequest } from './batch-worker-messages';
import type { BatchTaskUpdate } from './run-batch-tasks';
import { enableCompileCache } from './enable-compile-cache';

// Before the batch module loads its tool: a new worker compiles Jest, TypeScript or ESLint otherwise.
enableCompileCache();

// Entry point of a worker process forked by runBatchInWorkers: it keeps the batch module (and so
// the loaded tools) for its whole life and runs the tasks it is handed one at a time.
type BatchImplementation = (taskGraph: TaskGraph, inputs: Record<string, unknown>, overrides: unknown, context: ExecutorContext) => AsyncIterable<BatchTaskUpdate>;

let implementation: BatchImplementation | undefined;
let overrides: unknown;
let context: ExecutorContext | undefined;
let queue: Promise<void> = Promise.resolve();

process.on('message', (message: BatchWorkerRequest) => {
  queue = queue.then(() => handle(message));
});

async function handle(message: BatchWorkerRequest): Promise<void> {
  if (message.type === 'init') {
    implementation = (require(message.batchModule) as { default: BatchImplementation }).default;
    overrides = message.overrides;
    context = message.context;
    return;
  }
  if (message.type === 'exit') {
    // A tool may leave handles open (timers, watchers); the worker's job is done. Pipes to the parent are synchronous on Linux, and stdout/stderr were flushed task by task.
    process.exit(0);
  }
  const id = message.task.id;
  const taskGraph = { roots: [id], tasks: { [id]: message.task }, dependencies: { [id]: [] }, continuousDependencies: { [id]: [] } } as unknown as TaskGraph;
  const startTime = Date.now();
  let reply: Omit<BatchWorkerReply, 'rssMb'> | undefined;
  try {
    for await (const done of implementation!(taskGraph, { [id]: message.input }, overrides, context!)) {
      if (done.task === id) reply = { type: 'done', task: id, result: done.result };
    }
    // Worker boundary: a task that throws fails alone, the worker goes on.
  } catch (error) {
    reply = { type: 'done', task: id, result: { success: false, terminalOutput: `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`, startTime, endTime: Date.now() } };
  }
  const rssMb = process.memoryUsage.rss() / 1048576;
  process.send!({ ...(reply ?? { type: 'done', task: id, result: { success: false, terminalOutput: `The batch implementation reported no result for ${id}.\n`, startTime, endTime: Date.now() } }), rssMb });
}
