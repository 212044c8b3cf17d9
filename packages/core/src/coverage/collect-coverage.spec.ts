import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { sampleCoverage } from '../test-support/coverage-data';
import { CoverageCollectorInThread, type CoverageCollector, type CoverageFileToRead } from './collect-coverage';
import { CoverageCollectorInWorker } from './collect-coverage-in-worker';
import { CoverageFileOnDisk } from './coverage-file-on-disk';
import { CoverageWorkerStalledError } from './coverage-worker-error';
import { mergeCoverage } from './merge-coverage';
import { renderCoverageFiles } from './render-coverage-files';
import { writeReportFiles } from '../report/write-report-files';

const WORKER = { file: join(__dirname, 'coverage-worker.ts'), execArgv: ['--require', 'tsx/cjs'] };
const TIMESTAMP = 1767323045000;

describe('coverage collectors', () => {
  let root: string;
  const files: CoverageFileToRead[] = [];

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'nxq-collect-'));
    const write = (file: string, text: string) => {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    };
    const [alpha, beta] = sampleCoverage();
    write('dist/quality/alpha/coverage-final.json', JSON.stringify(alpha?.data));
    write('dist/quality/beta/coverage-final.json', `${JSON.stringify(beta?.data, null, 2)}\n`);
    write('dist/quality/broken/coverage-final.json', '{"a": {');
    // The same file covered again: hits are added.
    write('dist/quality/again/coverage-final.json', JSON.stringify({ 'packages/shared/src/util.ts': (alpha?.data as Record<string, unknown>)['packages/shared/src/util.ts'] }));
    files.push(
      { project: 'alpha', target: 'test', file: 'dist/quality/alpha/coverage-final.json' },
      { project: 'missing', target: 'q-test', file: 'dist/quality/missing/coverage-final.json' },
      { project: 'beta', target: 'test', file: 'dist/quality/beta/coverage-final.json' },
      { project: 'broken', target: 'test', file: 'dist/quality/broken/coverage-final.json' },
      { project: 'again', target: 'test', file: 'dist/quality/again/coverage-final.json' },
    );
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** Adds every file, asks for the files first when `filesFirst` (as the report does), writes them, returns what was written. */
  function run(collector: CoverageCollector, out: string, filesFirst: boolean) {
    try {
      for (const file of files) collector.add(file);
      const staged = filesFirst ? collector.files(out, { timestamp: TIMESTAMP }) : undefined;
      const result = collector.result();
      writeReportFiles(out, staged ?? collector.files(out, { timestamp: TIMESTAMP }));
      return { result, written: Object.fromEntries(readdirSync(out).map((name) => [name, readFileSync(join(out, name), 'utf8')])) };
    } finally {
      collector.close();
    }
  }

  it('read, merge and write the same in this thread and in a worker thread, listing unreadable files in order', () => {
    const inThread = run(new CoverageCollectorInThread(root), join(root, 'out-thread'), false);
    const inWorker = run(new CoverageCollectorInWorker(root, WORKER), join(root, 'out-worker'), true);
    expect(inWorker).toEqual(inThread);

    const parsed = files
      .filter((f) => !['missing', 'broken'].includes(f.project))
      .map((f) => ({ project: f.project, file: f.file, data: JSON.parse(readFileSync(join(root, f.file), 'utf8')) as unknown }));
    const reference = mergeCoverage(parsed, root);
    expect(inThread.result.summary).toEqual(reference.summary);
    expect(inThread.written).toEqual(renderCoverageFiles(reference.map, { timestamp: TIMESTAMP }));
    expect(inThread.result.sources).toBe(3);
    expect(inThread.result.problems).toEqual([
      { project: 'missing', target: 'q-test', output: 'dist/quality/missing/coverage-final.json', reason: 'coverage file missing although test.json records coverage' },
      { project: 'broken', target: 'test', output: 'dist/quality/broken/coverage-final.json', reason: expect.stringMatching(/^coverage file unreadable: .*JSON/) },
    ]);
  });

  it('take what prepare read of a file still at that version, and read a file replaced since again', () => {
    const replaceBeta = (): void => {
      const beta = join(root, 'dist/quality/beta/coverage-final.json');
      const [, , third] = sampleCoverage();
      writeFileSync(`${beta}.next`, JSON.stringify(third?.data ?? {}));
      renameSync(`${beta}.next`, beta);
    };
    const original = readFileSync(join(root, 'dist/quality/beta/coverage-final.json'));
    try {
      const reads = jest.spyOn(CoverageFileOnDisk, 'read');
      const prepared = new CoverageCollectorInThread(root);
      for (const file of files) prepared.prepare(file);
      // Every file but the missing one.
      expect(reads).toHaveBeenCalledTimes(files.length - 1);
      reads.mockClear();
      replaceBeta();
      const inThread = run(prepared, join(root, 'out-prepared-thread'), false);
      // alpha and again were taken as prepared; beta changed; missing and broken could not be prepared.
      expect(reads.mock.calls.map(([path]) => relative(root, path))).toEqual([
        'dist/quality/missing/coverage-final.json',
        'dist/quality/beta/coverage-final.json',
        'dist/quality/broken/coverage-final.json',
      ]);
      reads.mockRestore();

      const unprepared = run(new CoverageCollectorInThread(root), join(root, 'out-unprepared'), false);
      expect(inThread).toEqual(unprepared);
      expect(unprepared.result.sources).toBe(3);

      // The worker thread runs the same collector; whether it prepares beta before or after the
      // replacement, what it adds is the file as it is at `add`.
      writeFileSync(join(root, 'dist/quality/beta/coverage-final.json'), original);
      const before = run(new CoverageCollectorInThread(root), join(root, 'out-before'), false);
      const inWorker = new CoverageCollectorInWorker(root, WORKER);
      for (const file of files) inWorker.prepare(file);
      replaceBeta();
      expect(run(inWorker, join(root, 'out-prepared-worker'), true)).toEqual(unprepared);
      expect(before.result.summary).not.toEqual(unprepared.result.summary);
    } finally {
      writeFileSync(join(root, 'dist/quality/beta/coverage-final.json'), original);
    }
  });

  it('prepare holds no more bytes than its budget; add reads the rest as it would without', () => {
    const [alpha, beta] = files.filter((file) => ['alpha', 'beta'].includes(file.project)) as [CoverageFileToRead, CoverageFileToRead];
    const reads = jest.spyOn(CoverageFileOnDisk, 'read');
    try {
      const collector = new CoverageCollectorInThread(root, { prepareBudgetBytes: statSync(join(root, alpha.file)).size });
      collector.prepare(alpha);
      collector.prepare(beta);
      expect(reads.mock.calls.map(([path]) => relative(root, path))).toEqual([alpha.file]);
      reads.mockClear();
      collector.add(alpha);
      collector.add(beta);
      expect(reads.mock.calls.map(([path]) => relative(root, path))).toEqual([beta.file]);
      expect(collector.result().sources).toBe(2);
      collector.close();
    } finally {
      reads.mockRestore();
    }
  });

  it('removes files a worker wrote that were never put in place', () => {
    const out = join(root, 'out-unused');
    const collector = new CoverageCollectorInWorker(root, WORKER);
    collector.add(files[0] as CoverageFileToRead);
    collector.files(out, { timestamp: TIMESTAMP });
    expect(collector.result().sources).toBe(1);
    collector.close();
    expect(readdirSync(out)).toEqual([]);
  });

  it('raises a worker that cannot start instead of waiting for it', () => {
    const collector = new CoverageCollectorInWorker(root, { file: join(root, 'no-such-worker.js') });
    collector.add(files[0] as CoverageFileToRead);
    expect(() => collector.result()).toThrow(/Cannot find module/);
    collector.close();
  });

  it('gives up on a worker stopped for lack of memory, which runs no exit handler, instead of waiting for ever', () => {
    const file = join(root, 'hungry-worker.js');
    writeFileSync(file, "const kept = []; require('node:worker_threads').parentPort.on('message', () => { for (;;) kept.push(new Array(1e5).fill(Math.random())); });\n");
    const collector = new CoverageCollectorInWorker(root, { file, resourceLimits: { maxOldGenerationSizeMb: 16 }, stallMs: 1500 });
    collector.add(files[0] as CoverageFileToRead);
    expect(() => collector.result()).toThrow(CoverageWorkerStalledError);
    // close() meets the same failure at once, and so does every later request.
    expect(() => collector.close()).not.toThrow();
    expect(() => collector.result()).toThrow(expect.objectContaining({ code: 'COVERAGE_WORKER_STALLED', hint: expect.stringContaining('--max-old-space-size') }));
  });

  it('waits for a slow worker as long as it shows progress', () => {
    const file = join(root, 'slow-worker.js');
    // Busy for about three stall periods, showing progress every 100 ms, then replies an empty result.
    // The stall period is long enough that a loaded machine (CI on 2 cores) cannot starve the progress signal past it.
    writeFileSync(
      file,
      [
        "const { parentPort, workerData } = require('node:worker_threads');",
        'parentPort.on(\'message\', (request) => {',
        "  if (request.type !== 'result') return;",
        '  const start = Date.now();',
        '  while (Date.now() - start < 4500) { Atomics.add(workerData.signal, 2, 1); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100); }',
        "  workerData.port.postMessage({ type: 'result', result: { sources: 0, problems: [], rejected: [], summary: null } });",
        '  Atomics.add(workerData.signal, 0, 1);',
        '  Atomics.notify(workerData.signal, 0);',
        '});',
        '',
      ].join('\n'),
    );
    const collector = new CoverageCollectorInWorker(root, { file, stallMs: 1500 });
    try {
      expect(collector.result().sources).toBe(0);
    } finally {
      collector.close();
    }
  });
});
