import { captureProcessOutput } from './capture-process-output';

describe('captureProcessOutput', () => {
  // Stand-ins for the real streams' write, so a leak past the capture shows up here and not in Jest's output.
  let stdoutWrites: unknown[];
  let stderrWrites: unknown[];
  let realStdoutWrite: typeof process.stdout.write;
  let realStderrWrite: typeof process.stderr.write;
  let stdoutSpy: typeof process.stdout.write;
  let stderrSpy: typeof process.stderr.write;

  beforeEach(() => {
    stdoutWrites = [];
    stderrWrites = [];
    realStdoutWrite = process.stdout.write;
    realStderrWrite = process.stderr.write;
    stdoutSpy = ((chunk: unknown) => stdoutWrites.push(chunk) > 0) as typeof process.stdout.write;
    stderrSpy = ((chunk: unknown) => stderrWrites.push(chunk) > 0) as typeof process.stderr.write;
    process.stdout.write = stdoutSpy;
    process.stderr.write = stderrSpy;
  });
  afterEach(() => {
    process.stdout.write = realStdoutWrite;
    process.stderr.write = realStderrWrite;
  });

  it('collects stdout and stderr writes in order, strings and bytes, and lets none through', () => {
    const capture = captureProcessOutput();
    process.stdout.write('one\n');
    process.stderr.write(Buffer.from('two\n'));
    process.stdout.write(new Uint8Array(Buffer.from('three\n')));
    process.stderr.write('666f75720a', 'hex');
    const output = capture.stop();

    expect(output).toBe('one\ntwo\nthree\nfour\n');
    expect(stdoutWrites).toEqual([]);
    expect(stderrWrites).toEqual([]);
  });

  it('restores the streams on stop, and a second stop returns the same output', () => {
    const capture = captureProcessOutput();
    process.stdout.write('inside\n');
    expect(capture.stop()).toBe('inside\n');
    expect(process.stdout.write).toBe(stdoutSpy);
    expect(process.stderr.write).toBe(stderrSpy);

    process.stdout.write('after\n');
    expect(stdoutWrites).toEqual(['after\n']);
    expect(capture.stop()).toBe('inside\n');
  });

  it('captures what a Console bound to the process streams prints', () => {
    // Node's global console resolves `stream.write` at each call, as this one does.
    const { Console } = jest.requireActual<typeof import('node:console')>('node:console');
    const console = new Console({ stdout: process.stdout, stderr: process.stderr });
    const capture = captureProcessOutput();
    console.log('logged %d', 1);
    console.error('errored');
    expect(capture.stop()).toBe('logged 1\nerrored\n');
  });

  it('decodes a UTF-8 character split across two byte chunks', () => {
    const bytes = Buffer.from('✓ passed\n');
    const capture = captureProcessOutput();
    process.stdout.write(bytes.subarray(0, 1));
    process.stdout.write(bytes.subarray(1));
    expect(capture.stop()).toBe('✓ passed\n');
  });

  it('calls write callbacks, as writers waiting for a flush need', async () => {
    const capture = captureProcessOutput();
    const flushed = await Promise.all([
      new Promise<string>((resolve) => process.stdout.write('a', () => resolve('callback'))),
      new Promise<string>((resolve) => process.stderr.write('b', 'utf8', () => resolve('callback with encoding'))),
    ]);
    expect(capture.stop()).toBe('ab');
    expect(flushed).toEqual(['callback', 'callback with encoding']);
  });
});
