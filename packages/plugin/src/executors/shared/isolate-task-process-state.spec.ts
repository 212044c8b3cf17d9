import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isolateTaskProcessState } from './isolate-task-process-state';

describe('isolateTaskProcessState', () => {
  const cwd = process.cwd();
  let elsewhere: string;
  beforeAll(() => {
    elsewhere = realpathSync(mkdtempSync(join(tmpdir(), 'nxq-isolate-')));
  });
  afterAll(() => {
    process.chdir(cwd);
    rmSync(elsewhere, { recursive: true, force: true });
  });
  afterEach(() => {
    delete process.env['NXQ_ISOLATE_BEFORE'];
    delete process.env['NXQ_ISOLATE_TASK'];
    delete process.env['NXQ_ISOLATE_DURING'];
    process.exitCode = undefined;
  });

  it('undoes environment, working directory and exit code changes made during the task', () => {
    process.env['NXQ_ISOLATE_BEFORE'] = 'before';
    const env = process.env;
    const restore = isolateTaskProcessState();

    process.env['NXQ_ISOLATE_DURING'] = 'during';
    process.env['NXQ_ISOLATE_BEFORE'] = 'changed';
    process.chdir(elsewhere);
    process.exitCode = 7;
    restore();

    expect(process.env['NXQ_ISOLATE_DURING']).toBeUndefined();
    expect(process.env['NXQ_ISOLATE_BEFORE']).toBe('before');
    expect(process.cwd()).toBe(cwd);
    expect(process.exitCode).toBeUndefined();
    // Replaced in place: code that kept a reference to process.env sees the restored values.
    expect(process.env).toBe(env);
  });

  it('runs the task with the given environment only, and brings the previous one back', () => {
    process.env['NXQ_ISOLATE_BEFORE'] = 'before';
    const restore = isolateTaskProcessState({ PATH: process.env['PATH'], NXQ_ISOLATE_TASK: 'task' });

    expect(process.env['NXQ_ISOLATE_TASK']).toBe('task');
    expect(process.env['NXQ_ISOLATE_BEFORE']).toBeUndefined();
    restore();

    expect(process.env['NXQ_ISOLATE_TASK']).toBeUndefined();
    expect(process.env['NXQ_ISOLATE_BEFORE']).toBe('before');
  });
});
