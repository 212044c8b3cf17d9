import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

const nxEnv = (dir: string): NodeJS.ProcessEnv => ({
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  FORCE_COLOR: '0',
  NX_SKIP_NX_CACHE: '',
  NX_CACHE_DIRECTORY: join(dir, '.nx/cache'),
  NX_WORKSPACE_DATA_DIRECTORY: join(dir, '.nx/workspace-data'),
});

type ShownTargets = Record<string, { executor?: string; options?: Record<string, unknown>; dependsOn?: unknown }>;

/** The targets `nx show project <name> --json` gives. */
function showProject(dir: string, name: string): ShownTargets {
  const run = spawnSync(NX, ['show', 'project', name, '--json'], { cwd: dir, encoding: 'utf8', env: nxEnv(dir), timeout: 120_000 });
  if (run.status !== 0) throw new Error(`nx show project ${name} failed\n${run.stdout}${run.stderr}`);
  return (JSON.parse(run.stdout) as { targets: ShownTargets }).targets;
}

/**
 * A workspace in the repository's tmp folder (inside it, so Nx resolves @nx/* from the repository):
 * its package.json, our built plugin behind a local path, an empty ESLint config, and per project
 * its files plus a Jest config and one passing spec.
 */
function makeWorkspace(prefix: string, rootPackage: object, projects: Record<string, Record<string, unknown>>): string {
  if (!existsSync(BUILT_PLUGIN)) throw new QualityError('PLUGIN_NOT_BUILT', `${BUILT_PLUGIN} is missing.`, { hint: 'Run `npm run build` first (npm test does).' });
  mkdirSync(join(REPO_ROOT, 'tmp'), { recursive: true });
  const dir = mkdtempSync(join(REPO_ROOT, 'tmp', prefix));
  write(dir, 'package.json', rootPackage);
  write(dir, 'nxq-plugin.js', `module.exports = require(${JSON.stringify(BUILT_PLUGIN)});\n`);
  write(dir, 'eslint.config.mjs', 'export default [];\n');
  for (const [root, files] of Object.entries(projects)) {
    for (const [file, content] of Object.entries(files)) write(dir, `${root}/${file}`, content);
    write(dir, `${root}/jest.config.js`, "module.exports = { testEnvironment: 'node' };\n");
    write(dir, `${root}/src/index.js`, 'exports.one = () => 1;\n');
    write(dir, `${root}/src/index.spec.js`, "test('one', () => expect(require('./index').one()).toBe(1));\n");
  }
  return dir;
}

/**
 * The projects `nx run-many -t test|lint` selects without the plugin and with it registered, and
 * those that have our quality-test, quality-lint and quality targets.
 */
function selections(dir: string): { before: Record<string, string[]>; after: Record<string, string[]>; ours: Record<string, string[]> } {
  const setPlugins = (plugins: unknown[]) => write(dir, 'nx.json', { plugins, targetDefaults: {} });
  setPlugins([]);
  const before = { test: showProjects(dir, 'test'), lint: showProjects(dir, 'lint') };
  setPlugins([{ plugin: './nxq-plugin.js' }]);
  const after = { test: showProjects(dir, 'test'), lint: showProjects(dir, 'lint') };
  return { before, after, ours: { test: showProjects(dir, 'quality-test'), lint: showProjects(dir, 'quality-lint'), quality: showProjects(dir, 'quality') } };
}

// The shape of ngxs/store: targets declared in project.json, no inference plugin; one project's
// tests switched off as `xtest` (they crash), one with specs but no test target, one without lint.
// Real Nx merges our inferred targets with the declared ones; the workspace's own commands must
// select what they selected before the plugin was registered.
describe('installing the plugin leaves `nx run-many -t test|lint` selecting the same projects (real Nx)', () => {
  let dir: string;
  beforeAll(() => {
    const jest = (name: string) => ({ executor: '@nx/jest:jest', options: { jestConfig: `libs/${name}/jest.config.js` } });
    const lint = { executor: '@nx/eslint:lint' };
    const project = (name: string, targets: Record<string, unknown>) => ({ 'project.json': { name, root: `libs/${name}`, targets } });
    dir = makeWorkspace('declared-targets-', { name: 'declared', private: true }, {
      'libs/store': project('store', { test: jest('store'), lint }),
      'libs/hmr': project('hmr', { xtest: jest('hmr'), lint }),
      'libs/integration': project('integration', { build: { executor: 'nx:run-commands', options: { command: 'echo built' } } }),
    });
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('test and lint select the same projects with the plugin as without; ours stand beside under quality-*', () => {
    const { before, after, ours } = selections(dir);
    expect(before).toEqual({ test: ['store'], lint: ['hmr', 'store'] });
    expect(after).toEqual(before);
    const all = ['hmr', 'integration', 'store'];
    expect(ours).toEqual({ test: all, lint: all, quality: all });
  });
});

// An npm workspace whose packages run their tools through package.json scripts, one package without
// them: Nx turns each script into a target of its package, and `nx run-many -t test` runs those.
describe('installing the plugin leaves `nx run-many -t test|lint` selecting the same packages of an npm workspace with scripts (real Nx)', () => {
  let dir: string;
  beforeAll(() => {
    const scripted = (name: string, scripts: Record<string, string>) => ({ 'package.json': { name: `@scripted/${name}`, version: '0.0.0', scripts } });
    dir = makeWorkspace('script-targets-', { name: 'scripted', private: true, workspaces: ['packages/*'] }, {
      'packages/api': scripted('api', { test: 'jest', lint: 'eslint .' }),
      'packages/web': scripted('web', { test: 'jest', lint: 'eslint .' }),
      'packages/legacy': scripted('legacy', { build: 'echo built' }),
    });
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('test and lint select the packages with the scripts, with the plugin as without; ours stand beside under quality-*', () => {
    const { before, after, ours } = selections(dir);
    expect(before).toEqual({ test: ['@scripted/api', '@scripted/web'], lint: ['@scripted/api', '@scripted/web'] });
    expect(after).toEqual(before);
    const all = ['@scripted/api', '@scripted/legacy', '@scripted/web'];
    expect(ours).toEqual({ test: all, lint: all, quality: all });
  });
});

// `init` run before the official plugins were added: the generator that adds @nx/js/typescript (or
// @nx/jest/plugin, @nx/eslint/plugin) registers it after ours, and by their order in nx.json one
// plugin's target would replace the other's of the same name. Ours gives way.
describe('an official plugin registered after ours takes its target name; ours stands beside it (real Nx)', () => {
  let dir: string;
  beforeAll(() => {
    const lib = (name: string) => ({ 'package.json': { name: `@after/${name}`, version: '0.0.0' }, 'tsconfig.json': { compilerOptions: { allowJs: true, noEmit: true }, include: ['src'] } });
    dir = makeWorkspace('official-after-', { name: 'after', private: true, workspaces: ['packages/*'] }, { 'packages/api': lib('api'), 'packages/web': lib('web') });
    write(dir, 'tsconfig.json', { files: [], references: [{ path: './packages/api' }, { path: './packages/web' }] });
    write(dir, 'nx.json', { plugins: [{ plugin: './nxq-plugin.js' }, '@nx/js/typescript'], targetDefaults: { typecheck: { dependsOn: ['^typecheck'] } } });
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("typecheck stays @nx/js/typescript's; ours is quality-typecheck with its dependsOn, and quality runs ours", () => {
    const targets = showProject(dir, '@after/api');
    expect(targets['typecheck']?.executor).not.toBe('@nx-quality/plugin:tool');
    expect(String(targets['typecheck']?.options?.['command'] ?? '')).toContain('tsc');
    // The official typecheck runs after its dependencies' own; ours after theirs.
    expect(targets['quality-typecheck']).toMatchObject({ executor: '@nx-quality/plugin:tool', options: { tool: 'typecheck', officialTarget: 'typecheck' }, dependsOn: ['^quality-typecheck'] });
    expect(targets['quality']?.dependsOn).toContain('quality-typecheck');
    expect(showProjects(dir, 'quality-typecheck')).toEqual(['@after/api', '@after/web']);
  });
});

// As in typescript-eslint: each package declares `lint` as a command in package.json `nx.targets`, and
// the target defaults make it build the workspace's own ESLint plugin first, which the ESLint config
// imports from its build output. Without the same prerequisite ours fails on a fresh clone.
describe('our lint beside a declared lint target runs after the same tasks (real Nx, real ESLint)', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeWorkspace('declared-prerequisite-', { name: 'prerequisite', private: true, workspaces: ['packages/*'] }, {
      'packages/app': { 'package.json': { name: '@pre/app', version: '0.0.0', nx: { targets: { lint: { command: 'eslint packages/app' } } } } },
      'packages/rules': {
        'package.json': { name: '@pre/rules', version: '0.0.0', nx: { targets: { build: { executor: 'nx:run-commands', options: { command: 'node build.mjs', cwd: 'packages/rules' } } } } },
        'build.mjs': "import { mkdirSync, writeFileSync } from 'node:fs';\nmkdirSync('dist', { recursive: true });\nwriteFileSync('dist/plugin.mjs', 'export default { rules: {} };\\n');\n",
      },
    });
    write(dir, 'eslint.config.mjs', "import local from './packages/rules/dist/plugin.mjs';\nexport default [{ plugins: { local } }];\n");
    write(dir, 'nx.json', { plugins: [{ plugin: './nxq-plugin.js' }], targetDefaults: { lint: { dependsOn: ['@pre/rules:build'] } } });
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('quality-lint takes the dependsOn the target defaults give lint, and so finds the built plugin', () => {
    const targets = showProject(dir, '@pre/app');
    expect(targets['lint']?.dependsOn).toEqual(['@pre/rules:build']);
    expect(targets['quality-lint']).toMatchObject({ executor: '@nx-quality/plugin:tool', options: { tool: 'lint', officialTarget: 'lint' }, dependsOn: ['@pre/rules:build'] });
    expect(existsSync(join(dir, 'packages/rules/dist/plugin.mjs'))).toBe(false);
    const run = spawnSync(NX, ['run', '@pre/app:quality-lint', '--output-style=static'], { cwd: dir, encoding: 'utf8', env: nxEnv(dir), timeout: 240_000 });
    expect(`${run.stdout}${run.stderr}`).toContain('nx run @pre/rules:build');
    expect(run.status).toBe(0);
    const result = JSON.parse(readFileSync(join(dir, 'dist/quality/packages/app/lint.json'), 'utf8')) as { status: string; counts: { errors: number } };
    expect(result).toMatchObject({ status: 'passed', counts: { errors: 0 } });
  });
});

