import { printFromHook, type HookProcess } from './print-from-hook';

const WORKER_ENTRY = '/ws/node_modules/nx/dist/src/project-graph/plugins/isolation/plugin-worker.js';

describe('printFromHook', () => {
  let stdout: string[];
  let stderr: string[];
  beforeEach(() => {
    stdout = [];
    stderr = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true));
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true));
  });
  afterEach(() => jest.restoreAllMocks());

  it("sends the text through Nx's worker log channel in an isolated plugin worker, one line per message as Nx prints it", () => {
    const emitted: [string, string][] = [];
    const requested: string[] = [];
    const hookProcess: HookProcess = {
      entry: WORKER_ENTRY,
      load: (request) => (requested.push(request), { emitPluginWorkerLog: (level: string, message: string) => emitted.push([level, message]) }),
    };
    printFromHook('log', '\nnx-quality report: all pass\n', hookProcess);
    printFromHook('error', 'nx-quality: could not be written\n', hookProcess);
    expect(emitted).toEqual([
      ['log', '\nnx-quality report: all pass'],
      ['error', 'nx-quality: could not be written'],
    ]);
    expect(requested).toEqual(['nx/src/project-graph/plugins/isolation/worker-streaming', 'nx/src/project-graph/plugins/isolation/worker-streaming']);
    expect([...stdout, ...stderr]).toEqual([]);
  });

  it('writes to stdout or stderr outside a plugin worker, and where Nx has no such channel', () => {
    const load = jest.fn(() => ({ emitPluginWorkerLog: () => undefined }));
    printFromHook('log', 'summary\n', { entry: '/ws/node_modules/nx/bin/nx.js', load });
    expect(load).not.toHaveBeenCalled();
    const missing = (request: string) => {
      throw Object.assign(new Error(`Cannot find module '${request}'`), { code: 'MODULE_NOT_FOUND' });
    };
    printFromHook('log', 'older nx\n', { entry: WORKER_ENTRY, load: missing });
    printFromHook('error', 'warning\n', { entry: WORKER_ENTRY, load: () => ({}) });
    expect(stdout).toEqual(['summary\n', 'older nx\n']);
    expect(stderr).toEqual(['warning\n']);
  });
});
