import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProjectRef } from '../../../shared/project-ref';
import { normalizeTestOptions } from '../normalize-test-options';
import { runTestsForProject } from '../run-tests';

jest.mock('node:child_process', () => ({ spawn: jest.fn() }));
const { spawn } = jest.requireMock<{ spawn: jest.Mock }>('node:child_process');

// Unit level: the child process is mocked; it writes what our reporter and c8 would, so the
// arguments we pass and the mapping can be checked without running anything.
const workspaceRoot = join(__dirname, '../__fixtures__/node-workspace');
let resultsDir: string;

function fakeRun(events: object[], coverage: Record<string, unknown> | undefined, exitCode: number) {
  spawn.mockImplementation((_command: string, args: string[]) => {
    const child = Object.assign(new EventEmitter(), { stderr: new EventEmitter() });
    const eventsFile = args.find((arg) => arg.startsWith('--test-reporter-destination=') && !arg.endsWith('=stdout'))!.split('=')[1]!;
    const reportDir = args.find((arg) => arg.startsWith('--report-dir='))?.split('=')[1];
    writeFileSync(eventsFile, events.map((event) => JSON.stringify(event)).join('\n'));
    if (reportDir && coverage) {
      mkdirSync(reportDir, { recursive: true });
      writeFileSync(join(reportDir, 'coverage-final.json'), JSON.stringify(coverage));
    }
    setImmediate(() => child.emit('close', exitCode));
    return child;
  });
}

beforeEach(() => {
  resultsDir = mkdtempSync(join(tmpdir(), 'nxq-node-unit-'));
  spawn.mockReset();
});
afterEach(() => rmSync(resultsDir, { recursive: true, force: true }));

const project = (root: string): ProjectRef => ({ workspaceRoot, name: root.split('/').pop()!, root, tags: [] });

describe('runTestsForProject with runner node (child process mocked)', () => {
  it('runs node --test under c8 with our reporter, tsx for TypeScript and the test files it found', async () => {
    const testFile = join(workspaceRoot, 'libs/typescript/src/math.test.ts');
    const source = join(workspaceRoot, 'libs/typescript/src/math.ts');
    fakeRun(
      [
        { type: 'meta', data: { node: '22.1.0' } },
        { type: 'test:start', data: { name: 'adds', nesting: 0, file: testFile } },
        { type: 'test:pass', data: { name: 'adds', nesting: 0, file: testFile, details: { duration_ms: 1 } } },
      ],
      { [source]: { path: source, statementMap: { '0': { start: { line: 1, column: 0 }, end: { line: 1, column: 1 } } }, fnMap: {}, branchMap: {}, s: { '0': 1 }, f: {}, b: {} } },
      0,
    );
    const ref = project('libs/typescript');
    const result = await runTestsForProject(ref, normalizeTestOptions(ref, { runner: 'node', resultsDir, testNamePattern: 'adds', runInBand: true, nodeExecutable: '/opt/node22/bin/node' }));

    const [command, args, spawnOptions] = spawn.mock.calls[0] as [string, string[], { cwd: string }];
    expect(command).toBe('/opt/node22/bin/node');
    expect(spawnOptions.cwd).toBe(join(workspaceRoot, 'libs/typescript'));
    expect(args[0]).toBe(require.resolve('c8/bin/c8.js'));
    expect(args).toEqual(expect.arrayContaining(['--reporter=json', '--clean', '--exclude=src/math.test.ts', '--exclude=**/*.d.ts']));
    const nodeAt = args.indexOf('/opt/node22/bin/node');
    expect(args.slice(nodeAt + 1, nodeAt + 4)).toEqual(['--import', 'tsx', '--test']);
    expect(args).toEqual(expect.arrayContaining(['--test-reporter=spec', '--test-reporter-destination=stdout', '--test-name-pattern=adds', '--test-concurrency=1']));
    expect(args[args.length - 1]).toBe('src/math.test.ts');

    expect(result).toMatchObject({ status: 'passed', runner: 'node', tool: { name: 'node', version: '22.1.0' }, counts: { total: 1, passed: 1 } });
    expect(Object.keys(JSON.parse(readFileSync(join(resultsDir, 'coverage-final.json'), 'utf8')))).toEqual(['libs/typescript/src/math.ts']);
  });

  it('runs plain JavaScript without c8 or a loader when coverage is off', async () => {
    fakeRun([{ type: 'meta', data: { node: '20.19.0' } }], undefined, 0);
    const ref = project('libs/plain-js');
    await runTestsForProject(ref, normalizeTestOptions(ref, { runner: 'node', resultsDir, coverage: false }));
    const [, args] = spawn.mock.calls[0] as [string, string[]];
    expect(args[0]).toBe('--test');
    expect(args.slice(-2)).toEqual(['test/math.test.js', 'test/strings.test.js']);
  });

  it('reports a node process that never started the test runner as status error', async () => {
    fakeRun([], undefined, 9);
    const ref = project('libs/plain-js');
    const result = await runTestsForProject(ref, normalizeTestOptions(ref, { runner: 'node', resultsDir, nodeArgs: ['--bogus-flag'] }));
    expect(result).toMatchObject({ status: 'error', error: { code: 'NODE_TEST_RUN_FAILED', message: expect.stringContaining('exit code 9') } });
  });

  it('says when no test files match', async () => {
    const ref = project('libs/plain-js');
    const result = await runTestsForProject(ref, normalizeTestOptions(ref, { runner: 'node', resultsDir, testFiles: ['**/*.nothing.js'] }));
    expect(spawn).not.toHaveBeenCalled();
    expect(result).toMatchObject({ status: 'error', error: { code: 'NO_TESTS_FOUND', file: 'libs/plain-js' } });
  });
});
