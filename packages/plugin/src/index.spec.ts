import { execFileSync } from 'node:child_process';
import { join, relative, sep } from 'node:path';

// The package entry is what Nx loads for `"plugins": ["@nx-quality/plugin"]` on every graph
// computation: it must expose what Nx 22-24 look for and must not load executors or the report.
describe('@nx-quality/plugin entry points', () => {
  it('exports createNodes and createNodesV2 (same v2 tuple), preTasksExecution and postTasksExecution, from both entries', () => {
    jest.isolateModules(() => {
      const entry = require('./index') as typeof import('./index');
      const pluginEntry = require('./plugin') as typeof import('./plugin');
      expect(entry.createNodes).toBe(entry.createNodesV2);
      expect(typeof entry.createNodes[1]).toBe('function');
      expect(typeof entry.postTasksExecution).toBe('function');
      expect(pluginEntry.createNodes).toBe(entry.createNodes);
      expect(pluginEntry.postTasksExecution).toBe(entry.postTasksExecution);
      expect(typeof entry.preTasksExecution).toBe('function');
      expect(pluginEntry.preTasksExecution).toBe(entry.preTasksExecution);
    });
  });

  it('loads neither executors, generators nor the report code when imported', () => {
    // A real Node process: Jest's module registry does not show what plain require loads.
    const script = `require(${JSON.stringify(join(__dirname, 'index.ts'))}); process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
    const stdout = execFileSync(process.execPath, ['--conditions=@nx-quality/source', '--import', 'tsx', '-e', script], { encoding: 'utf8' });
    const loaded = (JSON.parse(stdout) as string[]).filter((file) => file.startsWith(__dirname)).map((file) => relative(__dirname, file).split(sep).join('/'));
    expect(loaded).toContain('inference/create-nodes.ts');
    // The health options schema validates the plugin's `health` option; the hooks decide whether a run
    // needs the report by the kind of our targets (shared/, not listed here); nothing else of the executors or the report is loaded.
    expect(loaded.filter((file) => /^(executors|generators|report-hook|report|health)\//.test(file)).sort()).toEqual([
      'health/health-options.ts',
      'report-hook/prepare-report.ts',
      'report-hook/report-run.ts',
    ]);
  });

  it('preTasksExecution loads the report code after it returns, only for a command that names our targets', () => {
    const loadedAfter = (args: string[]) => {
      const script = [
        `const entry = require(${JSON.stringify(join(__dirname, 'index.ts'))});`,
        `entry.preTasksExecution({}, { id: 'run', workspaceRoot: process.cwd(), nxJsonConfiguration: {}, argv: ${JSON.stringify(args)} });`,
        `const atReturn = Object.keys(require.cache).some((f) => f.endsWith('post-tasks-execution.ts'));`,
        // One turn of the event loop later: what the hook deferred has run.
        `setImmediate(() => setImmediate(() => process.stdout.write(JSON.stringify({ atReturn, later: Object.keys(require.cache).some((f) => f.endsWith('post-tasks-execution.ts')) }))));`,
      ].join('\n');
      return JSON.parse(execFileSync(process.execPath, ['--conditions=@nx-quality/source', '--import', 'tsx', '-e', script], { encoding: 'utf8' })) as { atReturn: boolean; later: boolean };
    };
    expect(loadedAfter(['node', 'nx', 'run-many', '-t', 'quality'])).toEqual({ atReturn: false, later: true });
    expect(loadedAfter(['node', 'nx', 'run-many', '-t', 'build'])).toEqual({ atReturn: false, later: false });
  });
});
