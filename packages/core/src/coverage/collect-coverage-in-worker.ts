import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort, type ResourceLimits } from 'node:worker_threads';
import { CoverageCollectorInThread, type CollectedCoverage, type CoverageCollector, type CoverageFileToRead } from './collect-coverage';
import type { CoverageWorkerData, CoverageWorkerRequest } from './coverage-worker';
import { CoverageWorkerError, CoverageWorkerStalledError } from './coverage-worker-error';
import type { ReportFileContent } from '../io/report-file-content';

const COVERAGE_FILES = ['coverage-final.json', 'lcov.info', 'cobertura.xml'] as const;

// Marks the worker stopped however it ends, also when its module fails to load, so the caller
// never sleeps on a reply that cannot come.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const stopped = () => { Atomics.store(workerData.signal, 1, 1); Atomics.notify(workerData.signal, 0); };
process.on('exit', stopped);
try {
  require(workerData.file);
} catch (error) {
  workerData.port.postMessage({ type: 'error', error: { name: String(error && error.name), message: String(error && error.message), stack: String(error && error.stack) } });
  stopped();
}
`;

type Reply =
  | { type: 'result'; result: CollectedCoverage }
  | { type: 'staged'; staged: Record<string, string> }
  | { type: 'error'; error: { name: string; message: string; stack?: string } };

/**
 * Collects coverage in a worker thread, so reading, merging and writing the merged coverage run
 * beside the caller's own work (the results, the other report formats). Requests are posted as
 * they come; `result()` and the staged files wait for the worker's reply, synchronously.
 */
export class CoverageCollectorInWorker implements CoverageCollector {
  private readonly worker: Worker;
  private readonly replies: MessagePort;
  private readonly signal = new Int32Array(new SharedArrayBuffer(12));
  private readonly stallMs: number;
  private collected: CollectedCoverage | undefined;
  private staging: { staged?: Record<string, string> } | undefined;
  // Once the worker failed, every later wait (close() too) raises the same error at once.
  private failed: CoverageWorkerError | undefined;
  private closed = false;

  /**
   * `file`: the compiled coverage-worker module; `execArgv`: the worker's Node options (a TypeScript
   * loader in tests); `stallMs`: how long the worker may show no progress before it is given up
   * (default 2 minutes: reading or writing one file's piece never takes that long).
   */
  constructor(workspaceRoot: string, options: { file: string; execArgv?: string[]; resourceLimits?: ResourceLimits; stallMs?: number }) {
    this.stallMs = options.stallMs ?? 120_000;
    const { port1, port2 } = new MessageChannel();
    this.replies = port1;
    const workerData: CoverageWorkerData & { file: string } = { workspaceRoot, port: port2, signal: this.signal, file: options.file };
    this.worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData,
      transferList: [port2],
      ...(options.execArgv ? { execArgv: options.execArgv } : {}),
      ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
    });
    // Never keeps the process alive: close() ends it, and an abandoned one must not hang Nx.
    this.worker.unref();
    // A failure reaches the caller as a reply (or as the worker having stopped), never as an unhandled event.
    this.worker.on('error', () => undefined);
  }

  prepare(file: CoverageFileToRead): void {
    this.post({ type: 'prepare', file });
  }

  add(file: CoverageFileToRead): void {
    this.post({ type: 'add', file });
  }

  result(): CollectedCoverage {
    if (!this.collected) {
      // After a `stage` request the result comes unasked, before the files.
      if (!this.staging) this.post({ type: 'result' });
      this.collected = (this.wait('result') as Extract<Reply, { type: 'result' }>).result;
    }
    return this.collected;
  }

  files(outputDir: string, options: { timestamp: number }): Record<string, ReportFileContent> {
    // The worker merges, replies the result, then writes the files; the caller meets them when it writes its own.
    this.post({ type: 'stage', outputDir, options });
    const staging: { staged?: Record<string, string> } = {};
    this.staging = staging;
    const staged = (): Record<string, string> => (staging.staged ??= (this.wait('staged') as Extract<Reply, { type: 'staged' }>).staged);
    return Object.fromEntries(COVERAGE_FILES.map((name) => [name, { temp: () => staged()[name] as string }]));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      // Files staged but never renamed into place (no coverage after all, or a failure) are removed.
      if (this.staging && !this.collected) this.result();
      if (this.staging && !this.staging.staged) this.staging.staged = (this.wait('staged') as Extract<Reply, { type: 'staged' }>).staged;
      for (const temp of Object.values(this.staging?.staged ?? {})) rmSync(temp, { force: true });
    } catch (error) {
      // The worker's failure was already raised to the caller, or is of no use now.
      if (!(error instanceof CoverageWorkerError)) throw error;
    } finally {
      void this.worker.terminate();
      this.replies.close();
    }
  }

  private post(request: CoverageWorkerRequest): void {
    this.worker.postMessage(request);
  }

  private wait(expected: Reply['type']): Reply {
    if (this.failed) throw this.failed;
    try {
      return this.receive(expected);
    } catch (error) {
      if (error instanceof CoverageWorkerError) this.failed = error;
      throw error;
    }
  }

  private receive(expected: Reply['type']): Reply {
    // The main thread cannot see the worker's exit event while it sleeps here, and a worker stopped
    // for lack of memory runs no exit handler: a progress count standing still is the only sign.
    let progress = Atomics.load(this.signal, 2);
    let progressedAt = Date.now();
    for (;;) {
      const posted = Atomics.load(this.signal, 0);
      const received = receiveMessageOnPort(this.replies);
      if (received) {
        const reply = received.message as Reply;
        if (reply.type === 'error') throw new CoverageWorkerError(`coverage worker failed: ${reply.error.message}`, { cause: reply.error });
        // The result comes again before staged files when it was asked for on its own first.
        if (reply.type === 'result' && expected === 'staged') continue;
        if (reply.type !== expected) throw new CoverageWorkerError(`coverage worker replied ${reply.type}, expected ${expected}`);
        return reply;
      }
      if (Atomics.load(this.signal, 1) === 1) throw new CoverageWorkerError('the coverage worker stopped before it replied');
      Atomics.wait(this.signal, 0, posted, Math.min(1000, this.stallMs));
      const now = Atomics.load(this.signal, 2);
      if (now !== progress) {
        progress = now;
        progressedAt = Date.now();
      } else if (Date.now() - progressedAt >= this.stallMs && Atomics.load(this.signal, 0) === posted) {
        throw new CoverageWorkerStalledError(Date.now() - progressedAt);
      }
    }
  }
}

/**
 * A coverage collector for a report over `projects` projects: a worker thread when this module runs
 * compiled (the worker's script is beside it) and there are enough projects for the thread to pay,
 * else the calling thread. Both give the same results and files.
 */
export function createCoverageCollector(workspaceRoot: string, projects: number): CoverageCollector {
  const file = join(__dirname, 'coverage-worker.js');
  if (projects >= 8 && __filename.endsWith('.js') && existsSync(file)) {
    try {
      return new CoverageCollectorInWorker(workspaceRoot, { file });
    } catch (error) {
      // Threads unavailable here (Node reports it with a code): the same work in this thread.
      if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
    }
  }
  return new CoverageCollectorInThread(workspaceRoot);
}
