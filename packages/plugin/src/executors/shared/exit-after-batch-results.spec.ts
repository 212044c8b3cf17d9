import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { BatchMessageType } from 'nx/src/tasks-runner/batch/batch-messages';
import { exitAfterBatchResults } from './exit-after-batch-results';

jest.setTimeout(60_000);

const RESULTS = BatchMessageType.CompleteBatchExecution;

/** A stand-in for the process Nx forks: `send` records its calls and runs the callback as Node does once written. */
function fakeProcess(env: NodeJS.ProcessEnv = { NX_FORKED_TASK_EXECUTOR: 'true' }, sendError: Error | null = null) {
  const sent: unknown[][] = [];
  const proc = {
    env,
    connected: true,
    send: jest.fn((...args: unknown[]) => {
      sent.push(args);
      const callback = args.find((arg) => typeof arg === 'function') as ((error: Error | null) => void) | undefined;
      callback?.(sendError);
      return true;
    }),
    disconnect: jest.fn(function (this: { connected: boolean }) {
      this.connected = false;
    }),
  };
  return { proc, sent, original: proc.send };
}

describe('exitAfterBatchResults', () => {
  it('closes the IPC channel once the batch results are written, and puts send back', () => {
    const { proc, sent, original } = fakeProcess();
    expect(exitAfterBatchResults(proc as unknown as NodeJS.Process, () => RESULTS)).toBe(true);
    proc.send({ type: BatchMessageType.CompleteTask, task: 'a:test', result: { success: true } });
    expect(proc.disconnect).not.toHaveBeenCalled();
    proc.send({ type: RESULTS, results: { 'a:test': { success: true } } });
    expect(sent.map(([message]) => (message as { type: number }).type)).toEqual([BatchMessageType.CompleteTask, RESULTS]);
    expect(proc.disconnect).toHaveBeenCalledTimes(1);
    expect(proc.send).toBe(original);
  });

  it('keeps the channel open when the results could not be written (Nx stops the process as before)', () => {
    const { proc } = fakeProcess(undefined, new Error('EPIPE'));
    exitAfterBatchResults(proc as unknown as NodeJS.Process, () => RESULTS);
    proc.send({ type: RESULTS, results: {} });
    expect(proc.disconnect).not.toHaveBeenCalled();
  });

  it('passes a send with a callback or options through unchanged', () => {
    const { proc, sent } = fakeProcess();
    exitAfterBatchResults(proc as unknown as NodeJS.Process, () => RESULTS);
    const callback = jest.fn();
    proc.send({ type: RESULTS, results: {} }, callback);
    expect(sent[0]).toEqual([{ type: RESULTS, results: {} }, callback]);
    expect(proc.disconnect).not.toHaveBeenCalled();
  });

  it('is put in place once however often a batch starts', () => {
    const { proc } = fakeProcess();
    exitAfterBatchResults(proc as unknown as NodeJS.Process, () => RESULTS);
    const wrapped = proc.send;
    expect(exitAfterBatchResults(proc as unknown as NodeJS.Process, () => RESULTS)).toBe(true);
    expect(proc.send).toBe(wrapped);
  });

  it.each([
    ['a process Nx did not fork to run tasks', { env: {}, type: RESULTS }],
    ['an Nx whose batch message type cannot be read', { env: { NX_FORKED_TASK_EXECUTOR: 'true' }, type: undefined }],
  ])('changes nothing in %s', (_name, { env, type }) => {
    const { proc, original } = fakeProcess(env);
    expect(exitAfterBatchResults(proc as unknown as NodeJS.Process, () => type)).toBe(false);
    expect(proc.send).toBe(original);
  });

  it('reads the message type from the installed Nx', () => {
    const { proc } = fakeProcess();
    exitAfterBatchResults(proc as unknown as NodeJS.Process);
    proc.send({ type: RESULTS, results: {} });
    expect(proc.disconnect).toHaveBeenCalledTimes(1);
  });

  // A real child with an IPC channel and a message listener, as Nx's run-batch.js has: with the
  // helper it ends by itself right after the results reach the parent; without, it stays.
  it.each([
    ['ends on its own once the parent has the results', 'true', true],
    ['stays until stopped without it (a process Nx did not fork)', 'false', false],
  ])('a real batch process %s', async (_name, forked, endsAlone) => {
    const script = `
      const { exitAfterBatchResults } = require(${JSON.stringify(join(__dirname, 'exit-after-batch-results.ts'))});
      process.on('message', () => undefined);
      exitAfterBatchResults();
      process.send({ type: ${RESULTS}, results: { 'a:test': { success: true, terminalOutput: 'x'.repeat(1 << 20) } } });
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], {
      env: { ...process.env, NX_FORKED_TASK_EXECUTOR: forked },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const results = new Promise<{ type: number; results: Record<string, { terminalOutput: string }> }>((resolve) => child.on('message', resolve as (message: unknown) => void));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const received = await results;
    expect(received.type).toBe(RESULTS);
    expect(received.results['a:test']?.terminalOutput).toHaveLength(1 << 20);
    const stillRunning = Symbol('still running');
    const outcome = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve(stillRunning), 3000))]);
    if (endsAlone) {
      expect(outcome).toBe(0);
    } else {
      expect(outcome).toBe(stillRunning);
      child.kill();
      await exited;
    }
  });
});
