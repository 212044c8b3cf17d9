import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecutorContext, Task } from '@nx/devkit';
import { readProjectResult } from '@nx-quality/core';
import { GATES_JUDGE_ENV } from '../../verdict/gates-judge';
import { resultHeader } from '../../shared/result-header';
import { lintTool } from '../lint/lint-tool';
import { TASK_PROCESS_EXITED } from '../shared/record-tool-result';
import type { WorkerDeath } from '../shared/run-batch-in-workers';
import type { ToolKind } from './options';
import { recordDeadToolTask } from './record-dead-tool-task';

// What a task of each tool records when the batch worker running it dies: an `error` result where
// the task writes its result, carrying the task's hash, the cause and the worker's last stderr
// lines, that the gates judge inside a quality run.

const RESULT_FILE: Record<ToolKind, string> = { test: 'test.json', lint: 'lint.json', typecheck: 'typecheck.json', health: 'health.json' };

let ws: string;
let context: ExecutorContext;
// This suite may itself run as a task of ours (in a quality run): its hash and verdict mode are not the recorded task's.
const ownEnv = { hash: process.env['NX_TASK_HASH'], judge: process.env[GATES_JUDGE_ENV] };

beforeEach(() => {
  delete process.env['NX_TASK_HASH'];
  delete process.env[GATES_JUDGE_ENV];
  ws = mkdtempSync(join(tmpdir(), 'nxq-dead-task-'));
  mkdirSync(join(ws, 'libs/a/src'), { recursive: true });
  writeFileSync(join(ws, 'libs/a/src/index.ts'), 'export const a = 1;\n');
  writeFileSync(join(ws, 'libs/a/tsconfig.json'), '{ "compilerOptions": { "strict": true }, "include": ["src"] }\n');
  context = { root: ws, cwd: ws, isVerbose: false, projectsConfigurations: { version: 2, projects: { a: { root: 'libs/a', targets: {} } } } } as unknown as ExecutorContext;
});
afterEach(() => {
  rmSync(ws, { recursive: true, force: true });
});
afterAll(() => {
  if (ownEnv.hash !== undefined) process.env['NX_TASK_HASH'] = ownEnv.hash;
  if (ownEnv.judge !== undefined) process.env[GATES_JUDGE_ENV] = ownEnv.judge;
  else delete process.env[GATES_JUDGE_ENV];
});

const taskOf = (tool: ToolKind, hash?: string): Task => ({ id: `a:q-${tool}`, target: { project: 'a', target: `q-${tool}` }, overrides: {}, outputs: [], ...(hash ? { hash } : {}) }) as unknown as Task;
const killed = (tool: ToolKind): WorkerDeath => ({ task: `a:q-${tool}`, code: null, signal: 'SIGKILL', stderrTail: ['first line', 'FATAL ERROR: Reached heap limit Allocation failed'] });
const readResult = (tool: ToolKind, dir = 'dist/quality/libs/a') => JSON.parse(readFileSync(join(ws, dir, RESULT_FILE[tool]), 'utf8'));

describe.each<ToolKind>(['test', 'lint', 'typecheck', 'health'])('a %s task whose worker was killed', (tool) => {
  it('records an error result with the task hash, the signal and the stderr tail, judged inside a quality run', () => {
    process.env[GATES_JUDGE_ENV] = 'true';
    const outcome = recordDeadToolTask(tool, killed(tool), taskOf(tool, 'hash-1'), {}, context);
    const result = readResult(tool);
    expect({
      outcome,
      kind: result.kind,
      project: result.project,
      status: result.status,
      taskHash: result.taskHash,
      code: result.error.code,
      message: result.error.message,
      hintNamesHeap: /memory|heap/i.test(result.error.hint),
      readerAccepts: readProjectResult(join(ws, 'dist/quality/libs/a', RESULT_FILE[tool]), tool, 'a').state,
    }).toEqual({
      outcome: { note: `Recorded the failure in dist/quality/libs/a/${RESULT_FILE[tool]}.`, success: true },
      kind: tool,
      project: 'a',
      status: 'error',
      taskHash: 'hash-1',
      code: `${tool.toUpperCase()}_WORKER_DIED`,
      message: expect.stringMatching(/^The process running the .+ of a was killed by SIGKILL before it finished\.\nLast lines of its stderr:\nfirst line\nFATAL ERROR: Reached heap limit/),
      hintNamesHeap: true,
      readerAccepts: 'ok',
    });
  });

  it('fails the task outside a quality run, and writes where the resultsDir option says', () => {
    const outcome = recordDeadToolTask(tool, { ...killed(tool), signal: null, code: 3, stderrTail: [] }, taskOf(tool), { resultsDir: 'out/{projectRoot}' }, context);
    const result = readResult(tool, 'out/libs/a');
    expect({ success: outcome.success, status: result.status, hasHash: 'taskHash' in result, message: result.error.message }).toEqual({
      success: false,
      status: 'error',
      hasHash: false,
      message: expect.stringMatching(/ of a exited with code 3 before it finished\.$/),
    });
  });
});

describe('a worker that recorded its own exit', () => {
  it('keeps the TASK_PROCESS_EXITED result of this task, and replaces one of another run', () => {
    const write = (taskHash: string) => {
      const { kind: _kind, ...header } = resultHeader('lint', { name: 'a', root: 'libs/a' }, new Date());
      const lint = lintTool().errorResult({ ...header, taskHash, status: 'error', error: { code: TASK_PROCESS_EXITED, message: 'exited with code 2' } }, {});
      mkdirSync(join(ws, 'dist/quality/libs/a'), { recursive: true });
      writeFileSync(join(ws, 'dist/quality/libs/a/lint.json'), JSON.stringify(lint));
    };
    write('hash-1');
    expect(readResult('lint').error.code).toBe('TASK_PROCESS_EXITED');
    expect(recordDeadToolTask('lint', { ...killed('lint'), code: 2, signal: null }, taskOf('lint', 'hash-1'), {}, context).note).toBe('Recorded in dist/quality/libs/a/lint.json.');
    expect(readResult('lint').error.code).toBe('TASK_PROCESS_EXITED');
    write('hash-0');
    recordDeadToolTask('lint', { ...killed('lint'), code: 2, signal: null }, taskOf('lint', 'hash-1'), {}, context);
    expect(readResult('lint').error.code).toBe('LINT_WORKER_DIED');
  });
});
