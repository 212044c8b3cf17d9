import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { presentAsNxExecutorProcess } from './present-as-nx-executor-process';

describe('presentAsNxExecutorProcess', () => {
  let root: string;
  const nxPackage = (): string => join(root, 'node_modules/nx/package.json');
  const layout = (...scripts: string[]): void => {
    mkdirSync(dirname(nxPackage()), { recursive: true });
    writeFileSync(nxPackage(), '{"name":"nx"}');
    for (const script of scripts) {
      mkdirSync(dirname(join(root, 'node_modules/nx', script)), { recursive: true });
      writeFileSync(join(root, 'node_modules/nx', script), '');
    }
  };
  const workerArgv = (): string[] => ['/usr/bin/node', '/ws/node_modules/@nx-quality/plugin/dist/executors/shared/batch-worker.js'];

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'nxq-present-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("points argv[1] at the workspace's own Nx run-executor (Nx 23 and later: dist/bin)", () => {
    layout('dist/bin/run-executor.js', 'bin/run-executor.js');
    const argv = workerArgv();
    expect(presentAsNxExecutorProcess(root, argv)).toBe(true);
    expect(argv).toEqual(['/usr/bin/node', join(root, 'node_modules/nx/dist/bin/run-executor.js')]);
  });

  it('finds it under bin with Nx 22', () => {
    layout('bin/run-executor.js');
    const argv = workerArgv();
    expect(presentAsNxExecutorProcess(root, argv)).toBe(true);
    expect(argv[1]).toBe(join(root, 'node_modules/nx/bin/run-executor.js'));
  });

  it('resolves the Nx this repository installs to a script that exists', () => {
    const argv = workerArgv();
    expect(presentAsNxExecutorProcess(process.cwd(), argv)).toBe(true);
    expect(argv[1]).toBe(join(dirname(require.resolve('nx/package.json')), 'dist/bin/run-executor.js'));
  });

  it('leaves a process Nx already runs from its run-executor alone', () => {
    layout('dist/bin/run-executor.js');
    const argv = ['/usr/bin/node', '/elsewhere/node_modules/nx/bin/run-executor.js'];
    expect(presentAsNxExecutorProcess(root, argv)).toBe(false);
    expect(argv[1]).toBe('/elsewhere/node_modules/nx/bin/run-executor.js');
  });

  it('leaves argv alone when the workspace has no Nx or its Nx has no run-executor', () => {
    const argv = workerArgv();
    expect(presentAsNxExecutorProcess(root, argv, () => {
        throw Object.assign(new Error("Cannot find module 'nx/package.json'"), { code: 'MODULE_NOT_FOUND' });
      })).toBe(false);
    layout();
    expect(presentAsNxExecutorProcess(root, argv)).toBe(false);
    expect(argv).toEqual(workerArgv());
  });
});
