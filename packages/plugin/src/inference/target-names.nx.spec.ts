import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { QualityError } from '@nx-quality/core';

const REPO_ROOT = join(__dirname, '../../../..');
const BUILT_PLUGIN = join(REPO_ROOT, 'packages/plugin/dist/index.js');
const NX = join(REPO_ROOT, 'node_modules/.bin/nx');

jest.setTimeout(240_000);

function write(dir: string, file: string, content: unknown): void {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
}

/** `nx show projects -t <target> --json` of the real Nx CLI, sorted. */
function showProjects(dir: string, target: string): string[] {
  const run = spawnSync(NX, ['show', 'projects', '-t', target, '--json'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0', NX_WORKSPACE_DATA_DIRECTORY: join(dir, '.nx/workspace-data') },
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`nx show projects -t ${target} failed\n${run.stdout}${run.stderr}`);
  return (JSON.parse(run.stdout) as string[]).sort();
}

// The shape of ngxs/store: targets declared in project.json, no inference plugin; one project's
// tests switched off as `xtest` (they crash), one with specs but no test target, one without lint.
// Real Nx merges our inferred targets with the declared ones; the workspace's own commands must
// select what they selected before the plugin was registered.
describe('installing the plugin leaves `nx run-many -t test|lint` selecting the same projects (real Nx)', () => {
  let dir: string;
  const setPlugins = (plugins: unknown[]) => write(dir, 'nx.json', { plugins, targetDefaults: {} });

  beforeAll(() => {
    if (!existsSync(BUILT_PLUGIN)) throw new QualityError('PLUGIN_NOT_BUILT', `${BUILT_PLUGIN} is missing.`, { hint: 'Run `npm run build` first (npm test does).' });
    mkdirSync(join(REPO_ROOT, 'tmp'), { recursive: true });
    dir = mkdtempSync(join(REPO_ROOT, 'tmp', 'declared-targets-'));
    write(dir, 'package.json', { name: 'declared', private: true });
    write(dir, 'nxq-plugin.js', `module.exports = require(${JSON.stringify(BUILT_PLUGIN)});\n`);
    write(dir, 'eslint.config.mjs', 'export default [];\n');
    const jest = (name: string) => ({ executor: '@nx/jest:jest', options: { jestConfig: `libs/${name}/jest.config.js` } });
    const lint = { executor: '@nx/eslint:lint' };
    const targetsOf: Record<string, Record<string, unknown>> = {
      store: { test: jest('store'), lint },
      hmr: { xtest: jest('hmr'), lint },
      integration: { build: { executor: 'nx:run-commands', options: { command: 'echo built' } } },
    };
    for (const [name, targets] of Object.entries(targetsOf)) {
      write(dir, `libs/${name}/project.json`, { name, root: `libs/${name}`, targets });
      write(dir, `libs/${name}/jest.config.js`, "module.exports = { testEnvironment: 'node' };\n");
      write(dir, `libs/${name}/src/index.js`, 'exports.one = () => 1;\n');
      write(dir, `libs/${name}/src/index.spec.js`, "test('one', () => expect(require('./index').one()).toBe(1));\n");
    }
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('test and lint select the same projects with the plugin as without; ours stand beside under quality-*', () => {
    setPlugins([]);
    const before = { test: showProjects(dir, 'test'), lint: showProjects(dir, 'lint') };
    expect(before).toEqual({ test: ['store'], lint: ['hmr', 'store'] });

    setPlugins([{ plugin: './nxq-plugin.js' }]);
    expect({ test: showProjects(dir, 'test'), lint: showProjects(dir, 'lint') }).toEqual(before);
    expect({ test: showProjects(dir, 'quality-test'), lint: showProjects(dir, 'quality-lint'), quality: showProjects(dir, 'quality') }).toEqual({
      test: ['hmr', 'integration', 'store'],
      lint: ['hmr', 'integration', 'store'],
      quality: ['hmr', 'integration', 'store'],
    });
  });
});

// An npm workspace whose packages run their tools through package.json scripts, one package without
// them: Nx turns each script into a target of its package, and `nx run-many -t test` runs those.
describe('installing the plugin leaves `nx run-many -t test|lint` selecting the same packages of an npm workspace with scripts (real Nx)', () => {
  let dir: string;
  const setPlugins = (plugins: unknown[]) => write(dir, 'nx.json', { plugins, targetDefaults: {} });

  beforeAll(() => {
    if (!existsSync(BUILT_PLUGIN)) throw new QualityError('PLUGIN_NOT_BUILT', `${BUILT_PLUGIN} is missing.`, { hint: 'Run `npm run build` first (npm test does).' });
    mkdirSync(join(REPO_ROOT, 'tmp'), { recursive: true });
    dir = mkdtempSync(join(REPO_ROOT, 'tmp', 'script-targets-'));
    write(dir, 'package.json', { name: 'scripted', private: true, workspaces: ['packages/*'] });
    write(dir, 'nxq-plugin.js', `module.exports = require(${JSON.stringify(BUILT_PLUGIN)});\n`);
    write(dir, 'eslint.config.mjs', 'export default [];\n');
    const scriptsOf: Record<string, Record<string, string>> = {
      api: { test: 'jest', lint: 'eslint .' },
      web: { test: 'jest', lint: 'eslint .' },
      legacy: { build: 'echo built' },
    };
    for (const [name, scripts] of Object.entries(scriptsOf)) {
      write(dir, `packages/${name}/package.json`, { name: `@scripted/${name}`, version: '0.0.0', scripts });
      write(dir, `packages/${name}/jest.config.js`, "module.exports = { testEnvironment: 'node' };\n");
      write(dir, `packages/${name}/src/index.js`, 'exports.one = () => 1;\n');
      write(dir, `packages/${name}/src/index.spec.js`, "test('one', () => expect(require('./index').one()).toBe(1));\n");
    }
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('test and lint select the packages with the scripts, with the plugin as without; ours stand beside under quality-*', () => {
    setPlugins([]);
    const before = { test: showProjects(dir, 'test'), lint: showProjects(dir, 'lint') };
    expect(before).toEqual({ test: ['@scripted/api', '@scripted/web'], lint: ['@scripted/api', '@scripted/web'] });

    setPlugins([{ plugin: './nxq-plugin.js' }]);
    expect({ test: showProjects(dir, 'test'), lint: showProjects(dir, 'lint') }).toEqual(before);
    const all = ['@scripted/api', '@scripted/legacy', '@scripted/web'];
    expect({ test: showProjects(dir, 'quality-test'), lint: showProjects(dir, 'quality-lint'), quality: showProjects(dir, 'quality') }).toEqual({ test: all, lint: all, quality: all });
  });
});
