import { execFileSync } from 'node:child_process';
import { join, relative, sep } from 'node:path';

// The package entry is what Nx loads for `"plugins": ["@nx-quality/plugin"]` on every graph
// computation: it must expose what Nx 22-24 look for and must not load executors or the report.
describe('@nx-quality/plugin entry points', () => {
  it('exports createNodes and createNodesV2 (same v2 tuple) and postTasksExecution, from both entries', () => {
    jest.isolateModules(() => {
      const entry = require('./index') as typeof import('./index');
      const pluginEntry = require('./plugin') as typeof import('./plugin');
      expect(entry.createNodes).toBe(entry.createNodesV2);
      expect(typeof entry.createNodes[1]).toBe('function');
      expect(typeof entry.postTasksExecution).toBe('function');
      expect(pluginEntry.createNodes).toBe(entry.createNodes);
      expect(pluginEntry.postTasksExecution).toBe(entry.postTasksExecution);
    });
  });

  it('loads neither executors, generators nor the report code when imported', () => {
    // A real Node process: Jest's module registry does not show what plain require loads.
    const script = `require(${JSON.stringify(join(__dirname, 'index.ts'))}); process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
    const stdout = execFileSync(process.execPath, ['--conditions=@nx-quality/source', '--import', 'tsx', '-e', script], { encoding: 'utf8' });
    const loaded = (JSON.parse(stdout) as string[]).filter((file) => file.startsWith(__dirname)).map((file) => relative(__dirname, file).split(sep).join('/'));
    expect(loaded).toContain('plugin/create-nodes.ts');
    // The health options schema validates the plugin's `health` option; nothing else of the executors is loaded.
    expect(loaded.filter((file) => /^(executors|generators|report-hook|health)\//.test(file))).toEqual(['health/health-options.ts']);
  });
});
