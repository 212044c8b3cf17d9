/** Marks a process whose `send` already lets it leave after the batch results. */
const INSTALLED = Symbol.for('nx-quality.exitAfterBatchResults');

type Send = (message: unknown, ...rest: unknown[]) => boolean;

/** The type of the message Nx's batch process sends once the whole batch is done, as Nx defines it. */
function batchResultsMessageType(): unknown {
  try {
    const messages = require('nx/src/tasks-runner/batch/batch-messages') as { BatchMessageType?: { CompleteBatchExecution?: unknown } };
    return messages.BatchMessageType?.CompleteBatchExecution;
  } catch (error) {
    // An Nx that moved the module, or does not export it: the process is left for Nx to stop.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return undefined;
    throw error;
  }
}

/**
 * Lets Nx's batch process end on its own once the batch's results are on their way to Nx. Nx
 * keeps that process after the results and, when the run is over, stops it and polls until it is
 * gone, which holds the end of every run with a batch by about a tenth of a second; a process
 * that has already ended is not waited for. Only the results message is intercepted: once Node
 * has written it to the IPC channel the channel is closed, and the process ends when nothing else
 * holds it (anything that does leaves it to Nx to stop, as before). Does nothing outside a process
 * Nx forked to run tasks, or when Nx's message type cannot be read. Returns whether it is in place.
 */
export function exitAfterBatchResults(proc: NodeJS.Process = process, readResultsType: () => unknown = batchResultsMessageType): boolean {
  const marked = proc as NodeJS.Process & { [INSTALLED]?: true };
  if (marked[INSTALLED]) return true;
  if (proc.env['NX_FORKED_TASK_EXECUTOR'] !== 'true' || typeof proc.send !== 'function') return false;
  const resultsType = readResultsType();
  if (resultsType === undefined) return false;
  const send = proc.send as Send;
  const leaving: Send = (message, ...rest) => {
    // Only the exact call Nx makes (the message alone) is changed.
    if (rest.length > 0 || (message as { type?: unknown } | null)?.type !== resultsType) return send.call(proc, message, ...rest);
    proc.send = send as NodeJS.Process['send'];
    delete marked[INSTALLED];
    return send.call(proc, message, (error: Error | null) => {
      // Unsent, the results have not reached Nx: the channel stays open and Nx stops the process as before.
      if (!error && proc.connected) proc.disconnect();
    });
  };
  proc.send = leaving as NodeJS.Process['send'];
  marked[INSTALLED] = true;
  return true;
}
