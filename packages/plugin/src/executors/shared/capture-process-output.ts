import { StringDecoder } from 'node:string_decoder';

/** A running capture of this process's stdout and stderr; `stop` restores the streams. */
export interface ProcessOutputCapture {
  /** Restores the streams' own `write` and returns everything written meanwhile, in order. */
  stop(): string;
}

type WriteCallback = (error?: Error | null) => void;
type Write = (chunk: string | Uint8Array, encodingOrCallback?: BufferEncoding | WriteCallback, callback?: WriteCallback) => boolean;

/**
 * Takes over `process.stdout.write` and `process.stderr.write` until `stop`: what a task of a batch
 * writes (a tool's reporter, our own logging) becomes that task's output instead of reaching the
 * terminal, as a forked single task's output does. Nothing is passed through, since Nx prints the
 * batch worker's live output as well as each task's `terminalOutput`. Output of child processes
 * that inherit file descriptors 1 and 2 bypasses `write` and is not captured.
 */
export function captureProcessOutput(): ProcessOutputCapture {
  const chunks: string[] = [];
  const streams = [process.stdout, process.stderr];
  const originals = streams.map((stream) => stream.write);
  const decoders = streams.map(() => new StringDecoder('utf8'));

  streams.forEach((stream, index) => {
    const capture: Write = (chunk, encodingOrCallback, callback) => {
      const encoding = typeof encodingOrCallback === 'string' ? encodingOrCallback : undefined;
      const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
      chunks.push(typeof chunk === 'string' ? (encoding && encoding !== 'utf8' && encoding !== 'utf-8' ? Buffer.from(chunk, encoding).toString('utf8') : chunk) : decoders[index]!.write(Buffer.from(chunk)));
      // Writers that wait for the flush (`write(data, cb)`) must still get their callback.
      if (done) process.nextTick(done);
      return true;
    };
    stream.write = capture as typeof stream.write;
  });

  let stopped = false;
  return {
    stop(): string {
      if (!stopped) {
        stopped = true;
        streams.forEach((stream, index) => {
          stream.write = originals[index]!;
          chunks.push(decoders[index]!.end());
        });
      }
      return chunks.join('');
    },
  };
}
