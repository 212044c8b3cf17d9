import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enterRunnerProcessState } from './enter-runner-process-state';

describe('enterRunnerProcessState', () => {
  const saved = { cwd: process.cwd(), env: { ...process.env } };
  let dir: string;
  beforeEach(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'nxq-runner-state-')));
  });
  afterEach(() => {
    process.chdir(saved.cwd);
    process.env = { ...saved.env };
    rmSync(dir, { recursive: true, force: true });
  });

  it("sets what Vitest's command line sets, keeps a NODE_ENV already set, and puts everything back", () => {
    delete process.env['NODE_ENV'];
    process.env['VITEST'] = 'before';
    const restore = enterRunnerProcessState('vitest', dir);
    expect({ cwd: process.cwd(), NODE_ENV: process.env['NODE_ENV'], TEST: process.env['TEST'], VITEST: process.env['VITEST'] }).toEqual({ cwd: dir, NODE_ENV: 'test', TEST: 'true', VITEST: 'true' });
    restore();
    expect({ cwd: process.cwd(), NODE_ENV: process.env['NODE_ENV'], VITEST: process.env['VITEST'] }).toEqual({ cwd: saved.cwd, NODE_ENV: undefined, VITEST: 'before' });

    process.env['NODE_ENV'] = 'production';
    const restoreJest = enterRunnerProcessState('jest', dir);
    expect(process.env['NODE_ENV']).toBe('production');
    restoreJest();
    expect(process.env['NODE_ENV']).toBe('production');
  });

  it('throws for a directory that cannot be entered, changing nothing', () => {
    delete process.env['NODE_ENV'];
    expect(() => enterRunnerProcessState('jest', join(dir, 'missing'))).toThrow(/ENOENT/);
    expect({ cwd: process.cwd(), NODE_ENV: process.env['NODE_ENV'] }).toEqual({ cwd: saved.cwd, NODE_ENV: undefined });
  });
});
