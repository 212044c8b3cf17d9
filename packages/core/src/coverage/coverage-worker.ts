// Module run in the worker thread that reads, merges and writes a report's coverage (see CoverageCollectorInWorker).
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { CoverageCollectorInThread, type CoverageFileToRead } from './collect-coverage';

/** What the worker is started with. */
export interface CoverageWorkerData {
  workspaceRoot: string;
  /** Replies go here; the caller reads them synchronously. */
  port: MessagePort;
  /**
   * [replies posted, worker stopped (set by the bootstrap), progress]: the caller sleeps on it until
   * a reply comes, and gives up on a worker whose progress count stands still too long.
   */
  signal: Int32Array;
}

/** A request to the worker, handled in order. */
export type CoverageWorkerRequest =
  | { type: 'prepare'; file: CoverageFileToRead }
  | { type: 'add'; file: CoverageFileToRead }
  | { type: 'result' }
  | { type: 'stage'; outputDir: string; options: { timestamp: number } };

const { workspaceRoot, port, signal } = workerData as CoverageWorkerData;
const collector = new CoverageCollectorInThread(workspaceRoot);
// A failure while preparing or adding is reported at the next request that expects a reply.
let failure: unknown;

// Bumped for every request and every piece of a file written: the caller's sign of life.
function progressed(): void {
  Atomics.add(signal, 2, 1);
}

function reply(message: unknown): void {
  port.postMessage(message);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

parentPort?.on('message', (request: CoverageWorkerRequest) => {
  progressed();
  try {
    if (request.type === 'prepare' || request.type === 'add') {
      if (failure === undefined) collector[request.type](request.file);
      return;
    }
    if (failure !== undefined) throw failure;
    // Asked to write the files, the worker first replies the merged result (the caller needs it first).
    reply({ type: 'result', result: collector.result() });
    if (request.type === 'stage') reply({ type: 'staged', staged: collector.stage(request.outputDir, request.options, progressed) });
  } catch (error) {
    if (request.type === 'prepare' || request.type === 'add') {
      failure = error;
      return;
    }
    const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
    reply({ type: 'error', error: { name, message, stack } });
  }
});
