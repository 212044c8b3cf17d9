import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CreateNodesContextV2, NxJsonConfiguration, TargetConfiguration } from '@nx/devkit';
import { planOfficialCarryOver } from '../generators/init/plan-official-carry-over';
import { registerPlugin } from '../generators/init/register-plugin';
import { replaceOfficialPlugins } from '../generators/init/replace-official-plugins';
import { createNodes, createNodesV2 } from './create-nodes';
import type { PluginOptions } from './plugin-options';

const NX_JSON: NxJsonConfiguration = {
  namedInputs: {
    default: ['{projectRoot}/**/*', 'sharedGlobals'],
    production: ['default', '!{projectRoot}/**/*.spec.ts'],
    sharedGlobals: [],
  },
};

describe('createNodesV2', () => {
  let root: string;
  const write = (file: string, content: string | object = '') => {
    const full = join(root, file);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, typeof content === 'string' ? content : JSON.stringify(content));
  };
  const context = (nxJson: NxJsonConfiguration = NX_JSON): CreateNodesContextV2 => ({ nxJsonConfiguration: nxJson, workspaceRoot: root });
  const run = async (files: string[], options?: PluginOptions, nxJson?: NxJsonConfiguration) => {
    const results = await createNodesV2[1](files, options, context(nxJson));
    const projects: Record<string, Record<string, TargetConfiguration>> = {};
    for (const [, result] of results) {
      for (const [projectRoot, project] of Object.entries(result.projects ?? {})) projects[projectRoot] = project.targets ?? {};
    }
    return projects;
  };

  /** Puts these packages into node_modules and writes a package-lock.json that lists exactly them. */
  const install = (names: string[]) => {
    for (const name of names) write(`node_modules/${name}/package.json`, { name });
    write('package-lock.json', { lockfileVersion: 3, packages: Object.fromEntries(names.map((name) => [`node_modules/${name}`, { version: '1.0.0' }])) });
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'nxq-nodes-'));
    // The shape of a create-nx-workspace --preset=ts workspace.
    write('package.json', { name: '@ws/source', private: true, workspaces: ['packages/*'] });
    write('nx.json', {});
    write('jest.config.ts', "import { getJestProjectsAsync } from '@nx/jest';\nexport default async () => ({ projects: await getJestProjectsAsync() });\n");
    write('jest.preset.js', 'module.exports = {};');
    write('eslint.config.mjs', 'export default [];');
    write('tsconfig.base.json', {});
    write('tsconfig.json', { files: [], references: [{ path: './packages/alpha' }] });
    write('packages/alpha/package.json', { name: '@ws/alpha' });
    write('packages/alpha/jest.config.cts', 'module.exports = {};');
    write('packages/alpha/eslint.config.mjs', "import base from '../../eslint.config.mjs'; export default [...base];");
    write('packages/alpha/tsconfig.json', { files: [], references: [] });
    write('packages/alpha/src/index.ts', 'export const a = 1;');
    install(['jest', 'eslint', 'typescript', '@nx-quality/plugin', 'c8']);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is exported under both names Nx 22-24 look for', () => {
    expect(createNodes).toBe(createNodesV2);
    expect(createNodesV2[0]).toBe('**/{project.json,package.json}');
  });

  it('infers test, lint, typecheck and quality with exact inputs and outputs', async () => {
    const projects = await run(['package.json', 'packages/alpha/package.json']);
    expect(Object.keys(projects)).toEqual(['packages/alpha']);
    expect(projects['packages/alpha']).toMatchInlineSnapshot(`
{
  "health": {
    "cache": true,
    "executor": "@nx-quality/plugin:tool",
    "inputs": [
      "default",
      "{workspaceRoot}/quality.config.json",
      "{workspaceRoot}/eslint.config.mjs",
      "{workspaceRoot}/tsconfig.base.json",
      {
        "externalDependencies": [
          "eslint",
          "typescript",
          "@nx-quality/plugin",
        ],
      },
    ],
    "metadata": {
      "description": "Analyses the project's code health and records health.json",
      "technologies": [
        "nx-quality",
      ],
    },
    "options": {
      "resultsDir": "dist/quality/{projectRoot}",
      "tool": "health",
    },
    "outputs": [
      "{workspaceRoot}/dist/quality/{projectRoot}/health.json",
    ],
  },
  "lint": {
    "cache": true,
    "executor": "@nx-quality/plugin:tool",
    "inputs": [
      "default",
      "^production",
      "{workspaceRoot}/eslint.config.mjs",
      "{workspaceRoot}/tsconfig.base.json",
      {
        "env": "NX_QUALITY_GATES_JUDGE",
      },
      {
        "externalDependencies": [
          "eslint",
          "@nx-quality/plugin",
        ],
      },
    ],
    "metadata": {
      "description": "Lints the project with ESLint and records lint.json",
      "technologies": [
        "eslint",
      ],
    },
    "options": {
      "resultsDir": "dist/quality/{projectRoot}",
      "tool": "lint",
    },
    "outputs": [
      "{workspaceRoot}/dist/quality/{projectRoot}/lint.json",
    ],
  },
  "quality": {
    "cache": true,
    "dependsOn": [
      "test",
      "lint",
      "typecheck",
      "health",
    ],
    "executor": "@nx-quality/plugin:quality",
    "inputs": [
      "default",
      "^production",
      "{workspaceRoot}/quality.config.json",
      {
        "dependentTasksOutputFiles": "**/*.json",
        "transitive": false,
      },
      {
        "env": "NX_QUALITY_GATES_JUDGE",
      },
      {
        "externalDependencies": [
          "@nx-quality/plugin",
        ],
      },
    ],
    "metadata": {
      "description": "Evaluates the project's quality gates on its test, lint, typecheck, health results; records quality.json",
      "technologies": [
        "nx-quality",
      ],
    },
    "options": {
      "resultsDir": "dist/quality/{projectRoot}",
      "tools": [
        "test",
        "lint",
        "typecheck",
      ],
    },
    "outputs": [
      "{workspaceRoot}/dist/quality/{projectRoot}/quality.json",
    ],
  },
  "test": {
    "cache": true,
    "executor": "@nx-quality/plugin:tool",
    "inputs": [
      "default",
      "^production",
      "{workspaceRoot}/jest.preset.js",
      "{workspaceRoot}/tsconfig.base.json",
      {
        "env": "NX_QUALITY_GATES_JUDGE",
      },
      {
        "externalDependencies": [
          "jest",
          "@nx-quality/plugin",
        ],
      },
    ],
    "metadata": {
      "description": "Runs the project's Jest tests with coverage and records test.json",
      "technologies": [
        "jest",
      ],
    },
    "options": {
      "jestConfig": "packages/alpha/jest.config.cts",
      "resultsDir": "dist/quality/{projectRoot}",
      "tool": "test",
    },
    "outputs": [
      "{workspaceRoot}/dist/quality/{projectRoot}/test.json",
      "{workspaceRoot}/dist/quality/{projectRoot}/coverage-final.json",
    ],
  },
  "typecheck": {
    "cache": true,
    "executor": "@nx-quality/plugin:tool",
    "inputs": [
      "default",
      "^production",
      "{workspaceRoot}/tsconfig.base.json",
      {
        "env": "NX_QUALITY_GATES_JUDGE",
      },
      {
        "externalDependencies": [
          "typescript",
          "@nx-quality/plugin",
        ],
      },
    ],
    "metadata": {
      "description": "Type-checks the project with the TypeScript compiler and records typecheck.json",
      "technologies": [
        "typescript",
      ],
    },
    "options": {
      "resultsDir": "dist/quality/{projectRoot}",
      "tool": "typecheck",
    },
    "outputs": [
      "{workspaceRoot}/dist/quality/{projectRoot}/typecheck.json",
    ],
  },
}
`);
  });

  it('uses the configured target names, results folder and gates in every target', async () => {
    const projects = await run(['packages/alpha/package.json'], {
      testTargetName: 'quality-test',
      lintTargetName: 'quality-lint',
      typecheckTargetName: 'quality-typecheck',
      qualityTargetName: 'gate',
      resultsDir: '{workspaceRoot}/reports/{projectRoot}/',
      gates: { tags: { 'scope:core': [{ metric: 'coverage.lines', op: '>=', threshold: 90 }] } },
      coverage: { lines: 75 },
      health: false,
    });
    const targets = projects['packages/alpha'] ?? {};
    expect(Object.keys(targets).sort()).toEqual(['gate', 'quality-lint', 'quality-test', 'quality-typecheck']);
    expect(targets['gate']?.dependsOn).toEqual(['quality-test', 'quality-lint', 'quality-typecheck']);
    expect(targets['gate']?.options).toEqual({
      resultsDir: 'reports/{projectRoot}',
      tools: ['test', 'lint', 'typecheck'],
      gates: { tags: { 'scope:core': [{ metric: 'coverage.lines', op: '>=', threshold: 90 }] } },
      coverage: { lines: 75 },
      health: false,
    });
    expect(targets['quality-test']?.outputs).toEqual([
      '{workspaceRoot}/reports/{projectRoot}/test.json',
      '{workspaceRoot}/reports/{projectRoot}/coverage-final.json',
    ]);
    expect(targets['quality-test']?.options).toEqual({ tool: 'test', jestConfig: 'packages/alpha/jest.config.cts', resultsDir: 'reports/{projectRoot}' });
    for (const name of ['quality-lint', 'quality-typecheck']) expect(targets[name]?.options).toEqual({ tool: name.replace('quality-', ''), resultsDir: 'reports/{projectRoot}' });
  });

  it('infers only what a project is configured for, inheriting the root ESLint config', async () => {
    write('packages/beta/project.json', { name: 'beta' });
    write('packages/beta/src/main.ts', 'export {};');
    write('packages/docs/package.json', { name: 'docs' });
    write('packages/docs/README.md', '# no code');
    const projects = await run(['packages/beta/project.json', 'packages/docs/package.json']);
    expect(Object.keys(projects)).toEqual(['packages/beta']);
    expect(Object.keys(projects['packages/beta'] ?? {})).toEqual(['lint', 'health', 'quality']);
    expect(projects['packages/beta']?.['quality']?.dependsOn).toEqual(['lint', 'health']);
    expect(projects['packages/beta']?.['quality']?.options).toEqual({ resultsDir: 'dist/quality/{projectRoot}', tools: ['lint'] });
  });

  it("lists the root .eslintignore among lint's inputs: ESLint 8 reads it beside a declared @nx/eslint:lint target", async () => {
    write('.eslintignore', '**/*.spec.ts\n');
    const targets = (await run(['packages/alpha/package.json']))['packages/alpha'] ?? {};
    expect(targets['lint']?.inputs).toContain('{workspaceRoot}/.eslintignore');
    expect(targets['typecheck']?.inputs).not.toContain('{workspaceRoot}/.eslintignore');
  });

  it('infers lint from eslintrc configs as @nx/eslint/plugin does (Nx 22: .eslintrc.json at the root and in each project)', async () => {
    rmSync(join(root, 'eslint.config.mjs'));
    rmSync(join(root, 'packages/alpha/eslint.config.mjs'));
    write('.eslintrc.json', { root: true, ignorePatterns: ['**/*'] });
    write('packages/alpha/.eslintrc.json', { extends: ['../../.eslintrc.json'], ignorePatterns: ['!**/*'] });
    write('packages/alpha/src/legacy/.eslintrc.yml', 'rules: {}');
    write('packages/beta/project.json', { name: 'beta' });
    write('packages/beta/.eslintrc.js', 'module.exports = {};');
    write('packages/beta/src/main.ts', 'export {};');
    write('packages/docs/package.json', { name: 'docs' });
    write('packages/docs/README.md', '# no code');
    const projects = await run(['packages/alpha/package.json', 'packages/beta/project.json', 'packages/docs/package.json'], { lintTargetName: 'quality-lint' }, {
      ...NX_JSON,
      plugins: [{ plugin: '@nx/eslint/plugin', options: { targetName: 'lint' } }],
    });
    expect(Object.keys(projects).sort()).toEqual(['packages/alpha', 'packages/beta']);
    for (const project of ['packages/alpha', 'packages/beta']) expect(projects[project]?.['quality-lint']?.executor).toBe('@nx-quality/plugin:tool');
    // The project's own config and the root one it extends; a nested one below the project root is the project's input anyway.
    expect(projects['packages/alpha']?.['quality-lint']?.inputs).toContain('{workspaceRoot}/.eslintrc.json');
    expect(projects['packages/alpha']?.['quality-lint']?.options).toEqual({ tool: 'lint', resultsDir: 'dist/quality/{projectRoot}', officialTarget: 'lint' });
  });

  it("infers a Node test runner target from a package's `node --test` script", async () => {
    write('packages/gamma/package.json', { name: 'gamma', scripts: { test: 'node --import tsx --test src/**/*.test.ts' } });
    write('packages/delta/package.json', { name: 'delta', scripts: { test: 'nodemon --test' } });
    const projects = await run(['packages/gamma/package.json', 'packages/delta/package.json']);
    // Nx turns the `test` script into a target that replaces an inferred `test`: ours is quality-test.
    expect(projects['packages/gamma']?.['test']).toBeUndefined();
    expect(projects['packages/gamma']?.['quality-test']).toEqual({
      executor: '@nx-quality/plugin:tool',
      // The `test` script is the target ours stands beside: its .env files apply to ours too.
      options: { tool: 'test', runner: 'node', resultsDir: 'dist/quality/{projectRoot}', officialTarget: 'test' },
      cache: true,
      inputs: ['default', '^production', '{workspaceRoot}/tsconfig.base.json', { env: 'NX_QUALITY_GATES_JUDGE' }, { externalDependencies: ['c8', '@nx-quality/plugin'] }],
      outputs: ['{workspaceRoot}/dist/quality/{projectRoot}/test.json', '{workspaceRoot}/dist/quality/{projectRoot}/coverage-final.json'],
      metadata: { technologies: ['node'], description: "Runs the project's tests with Node's test runner under c8 and records test.json" },
    });
    expect(projects['packages/gamma']?.['quality']?.dependsOn).toEqual(['quality-test', 'health']);
    expect(projects['packages/delta']?.['test']).toBeUndefined();
  });

  it('infers a Vitest test target from a vitest.config.* or a vite.config.* with a test block, following the @nx/vitest entries', async () => {
    // What `nx g @nx/js:lib --unitTestRunner=vitest` writes (Nx 23): a root config aggregating the projects, one per project.
    write('vitest.config.mts', "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { projects: ['**/vitest.config.{mjs,js,ts,mts}'] } });\n");
    write('packages/vit/package.json', { name: '@ws/vit' });
    write('packages/vit/vitest.config.mts', "export default defineConfig(() => ({ root: import.meta.dirname, test: { name: '@ws/vit', coverage: { provider: 'v8' as const } } }));");
    write('packages/vite-app/package.json', { name: '@ws/vite-app' });
    write('packages/vite-app/vite.config.ts', "export default defineConfig({\n  // no tests here: test: {}\n  plugins: [],\n  test: {\n    environment: 'node',\n  },\n});");
    write('packages/vite-build/package.json', { name: '@ws/vite-build' });
    write('packages/vite-build/vite.config.ts', "export default defineConfig({\n  // test: { } is commented out\n  build: { outDir: 'dist' },\n});");
    install(['vitest', '@nx-quality/plugin']);
    const files = ['package.json', 'packages/vit/package.json', 'packages/vite-app/package.json', 'packages/vite-build/package.json'];
    const nxJson = (plugins: NxJsonConfiguration['plugins']): NxJsonConfiguration => ({ ...NX_JSON, plugins });
    const vitestEntry = { plugin: '@nx/vitest', options: { testTargetName: 'test', ciTargetName: 'test-ci', testMode: 'watch' } };

    const projects = await run(files, { testTargetName: 'quality-test' }, nxJson([vitestEntry]));
    // A vite.config.* without a test block tests nothing: the project (linted for its config file) gets no test target.
    expect(Object.entries(projects).filter(([, targets]) => targets['quality-test']).map(([projectRoot]) => projectRoot)).toEqual(['packages/vit', 'packages/vite-app']);
    expect(projects['packages/vit']?.['quality-test']).toEqual({
      executor: '@nx-quality/plugin:tool',
      options: { tool: 'test', runner: 'vitest', vitestConfig: 'packages/vit/vitest.config.mts', resultsDir: 'dist/quality/{projectRoot}', officialTarget: 'test' },
      cache: true,
      inputs: ['default', '^production', '{workspaceRoot}/tsconfig.base.json', { env: 'NX_QUALITY_GATES_JUDGE' }, { externalDependencies: ['vitest', '@nx-quality/plugin'] }],
      outputs: ['{workspaceRoot}/dist/quality/{projectRoot}/test.json', '{workspaceRoot}/dist/quality/{projectRoot}/coverage-final.json'],
      metadata: { technologies: ['vitest'], description: "Runs the project's Vitest tests with coverage and records test.json" },
    });
    expect(projects['packages/vite-app']?.['quality-test']?.options).toMatchObject({ runner: 'vitest', vitestConfig: 'packages/vite-app/vite.config.ts' });
    expect(projects['packages/vit']?.['quality']?.dependsOn).toEqual(['quality-test', 'lint', 'health']);

    // The entry's include/exclude and its testTargetName decide, as @nx/jest/plugin's do for Jest projects.
    const excluded = await run(files, { testTargetName: 'quality-test' }, nxJson([{ ...vitestEntry, exclude: ['packages/vite-app/**'], options: { testTargetName: 'unit' } }]));
    expect(excluded['packages/vite-app']?.['quality-test']).toBeUndefined();
    expect(excluded['packages/vit']?.['quality-test']?.options).toMatchObject({ officialTarget: 'unit' });
    // Without an official Vitest entry, our own testInclude/testExclude see the Vitest config.
    const own = await run(files, { testExclude: ['packages/vit/**'] }, nxJson([]));
    expect(Object.entries(own).filter(([, targets]) => targets['test']).map(([projectRoot]) => projectRoot)).toEqual(['packages/vite-app']);
    // init names ours quality-test beside @nx/vitest's `test`.
    const registered = nxJson([vitestEntry]);
    expect(registerPlugin(registered, undefined)).toEqual([{ kind: 'test', officialName: 'test', officialPlugin: '@nx/vitest', ourName: 'quality-test' }]);
  });

  it('follows the Vitest entries of angular-eslint @ a666e1b4 (Nx 23): @nx/vite/plugin infers no tests there, and the end-to-end @nx/vitest entry is not stood beside', async () => {
    write('packages/eslint-plugin/package.json', { name: '@angular-eslint/eslint-plugin' });
    write('packages/eslint-plugin/vitest.config.mts', "export default defineConfig({ test: { globals: true, include: ['tests/**/*.spec.ts'] } });");
    write('e2e/project.json', { name: 'e2e' });
    write('e2e/vitest.config.mts', "export default defineConfig({ test: { globalSetup: './setup.ts' } });");
    install(['vitest', '@nx-quality/plugin']);
    const plugins: NxJsonConfiguration['plugins'] = [
      { plugin: '@nx/vite/plugin', include: ['e2e/**/*'] },
      { plugin: '@nx/vitest', options: { testTargetName: 'e2e-local', ciTargetName: 'e2e-ci' }, include: ['e2e/**/*'] },
      { plugin: '@nx/vite/plugin', include: ['packages/**'], options: { typecheckTargetName: 'typecheck' } },
      // What Nx 23's generator registers (its ciTargetName too), narrowed to packages/.
      { plugin: '@nx/vitest', options: { testTargetName: 'test', ciTargetName: 'test-ci', testMode: 'watch' }, include: ['packages/**'] },
    ];
    const files = ['package.json', 'packages/eslint-plugin/package.json', 'e2e/project.json'];
    const testTargets = async (nxVersion: string | undefined) => {
      rmSync(join(root, 'node_modules/nx'), { recursive: true, force: true });
      if (nxVersion) write('node_modules/nx/package.json', { name: 'nx', version: nxVersion });
      const projects = await run(files, { testTargetName: 'quality-test' }, { ...NX_JSON, plugins });
      return Object.fromEntries(Object.entries(projects).map(([projectRoot, targets]) => [projectRoot, (targets['quality-test']?.options as { officialTarget?: string } | undefined)?.officialTarget ?? null]));
    };
    // Nx 23: the e2e suite (a local registry, new workspaces) is `e2e-local`; `nx run-many -t test` does not run it, nor does quality.
    expect(await testTargets('23.0.2')).toEqual({ 'packages/eslint-plugin': 'test', e2e: null });
    // Nx 22: the first @nx/vite/plugin entry does infer `test` for e2e, so ours stands beside it.
    expect(await testTargets('22.7.5')).toEqual({ 'packages/eslint-plugin': 'test', e2e: 'test' });
    // init renames ours beside @nx/vitest's `test`, the plugin that infers it on Nx 23.
    expect(registerPlugin({ ...NX_JSON, plugins: structuredClone(plugins) }, '23.0.2')).toEqual([{ kind: 'test', officialName: 'test', officialPlugin: '@nx/vitest', ourName: 'quality-test' }]);
    expect(registerPlugin({ ...NX_JSON, plugins: structuredClone(plugins) }, '22.7.5')).toEqual([{ kind: 'test', officialName: 'test', officialPlugin: '@nx/vite/plugin', ourName: 'quality-test' }]);
  });

  it('renames every inferred target a package.json script would replace, unless nx.includedScripts leaves the script out', async () => {
    write('packages/alpha/package.json', {
      name: '@ws/alpha',
      scripts: { test: 'jest', lint: 'eslint .', typecheck: 'tsc', health: 'echo ok', build: 'tsc' },
      nx: { includedScripts: ['test', 'health', 'build'] },
    });
    const targets = (await run(['packages/alpha/package.json'], { testTargetName: 'test', healthTargetName: 'health' }))['packages/alpha'] ?? {};
    expect(Object.keys(targets)).toEqual(['quality-test', 'lint', 'typecheck', 'quality-health', 'quality']);
    expect({ test: targets['quality-test']?.executor, health: targets['quality-health']?.executor, quality: targets['quality'] }).toMatchInlineSnapshot(`
{
  "health": "@nx-quality/plugin:tool",
  "quality": {
    "cache": true,
    "dependsOn": [
      "quality-test",
      "lint",
      "typecheck",
      "quality-health",
    ],
    "executor": "@nx-quality/plugin:quality",
    "inputs": [
      "default",
      "^production",
      "{workspaceRoot}/quality.config.json",
      {
        "dependentTasksOutputFiles": "**/*.json",
        "transitive": false,
      },
      {
        "env": "NX_QUALITY_GATES_JUDGE",
      },
      {
        "externalDependencies": [
          "@nx-quality/plugin",
        ],
      },
    ],
    "metadata": {
      "description": "Evaluates the project's quality gates on its test, lint, typecheck, health results; records quality.json",
      "technologies": [
        "nx-quality",
      ],
    },
    "options": {
      "resultsDir": "dist/quality/{projectRoot}",
      "tools": [
        "test",
        "lint",
        "typecheck",
      ],
    },
    "outputs": [
      "{workspaceRoot}/dist/quality/{projectRoot}/quality.json",
    ],
  },
  "test": "@nx-quality/plugin:tool",
}
`);
  });

  it('stands beside the targets a project declares with executors (useInferencePlugins: false), never under their names', async () => {
    write('packages/alpha/project.json', {
      name: 'alpha',
      targets: {
        test: { executor: '@nx/jest:jest', options: { jestConfig: 'packages/alpha/jest.config.cts' } },
        lint: { executor: '@nx/eslint:lint' },
        // Options only: merged into an inferred target of that name, not a replacement.
        typecheck: { options: { verbose: true } },
      },
    });
    const targets = (await run(['packages/alpha/project.json']))['packages/alpha'] ?? {};
    expect(Object.keys(targets)).toEqual(['quality-test', 'quality-lint', 'typecheck', 'health', 'quality']);
    expect(targets['quality-test']?.options).toMatchObject({ officialTarget: 'test' });
    expect(targets['quality-lint']?.options).toMatchObject({ officialTarget: 'lint' });
    expect(targets['quality']?.dependsOn).toEqual(['quality-test', 'quality-lint', 'typecheck', 'health']);
  });

  // As in code-pushup/cli @ 47eb97ae (Nx 22.3): each project.json declares `"unit-test": {}`, `"int-test": {}`,
  // `"lint": {}` and `"e2e": {}`, and nx.json's target defaults give them their executors, options and dependsOn.
  it('completes a target declared without executor from the target defaults of its name, as Nx does, and runs the config its official test target names', async () => {
    const targetDefaults = {
      lint: {
        dependsOn: ['eslint-formatter-multi:build'],
        executor: 'nx:run-commands',
        options: { command: 'eslint', args: ["'{projectRoot}/**/*.ts'", '--error-on-unmatched-pattern=false'] },
      },
      'unit-test': { executor: '@nx/vitest:test', options: { configFile: '{projectRoot}/vitest.unit.config.ts', passWithNoTests: true } },
      'int-test': { executor: '@nx/vitest:test', options: { configFile: '{projectRoot}/vitest.int.config.ts' } },
      e2e: { executor: '@nx/vitest:test', options: { configFile: '{projectRoot}/vitest.e2e.config.ts' } },
      // Options only, as for an inferred target: the declared `typecheck` stays an addition.
      typecheck: { cache: true },
    } as NxJsonConfiguration['targetDefaults'];
    write('packages/alpha/project.json', { name: 'alpha', targets: { lint: {}, 'unit-test': {}, 'int-test': {}, typecheck: {} } });
    write('packages/alpha/vitest.unit.config.ts', 'export default {};');
    write('packages/alpha/vitest.int.config.ts', 'export default {};');
    write('packages/alpha-e2e/project.json', { name: 'alpha-e2e', targets: { lint: {}, e2e: {} } });
    write('packages/alpha-e2e/eslint.config.mjs', 'export default [];');
    write('packages/alpha-e2e/vitest.e2e.config.ts', 'export default {};');
    write('packages/alpha-e2e/tests/cli.e2e.test.ts', "it('runs', () => undefined);");
    const projects = await run(['packages/alpha/project.json', 'packages/alpha-e2e/project.json'], undefined, { ...NX_JSON, targetDefaults });
    const alpha = projects['packages/alpha'] ?? {};
    // `lint` is the workspace's own (run-commands from the target defaults): ours must not take its name.
    expect(Object.keys(alpha)).toEqual(['test', 'quality-lint', 'typecheck', 'health', 'quality']);
    // The declared config wins over the jest.config.cts a search by file name finds.
    expect(alpha['test']?.options).toEqual({ tool: 'test', runner: 'vitest', vitestConfig: 'packages/alpha/vitest.unit.config.ts', resultsDir: 'dist/quality/{projectRoot}', officialTarget: 'unit-test' });
    expect(alpha['quality-lint']?.options).toMatchObject({ officialTarget: 'lint' });
    expect(alpha['quality-lint']?.dependsOn).toEqual(['eslint-formatter-multi:build']);
    // Nx looks up the defaults of a target declared without executor by its name only, never by the executor they give it.
    const { dependsOn: _, ...lintWithout } = targetDefaults!['lint'] as Record<string, unknown>;
    const byExecutor = { ...targetDefaults, lint: lintWithout, 'nx:run-commands': { dependsOn: ['never'] } } as NxJsonConfiguration['targetDefaults'];
    const again = (await run(['packages/alpha/project.json'], undefined, { ...NX_JSON, targetDefaults: byExecutor }))['packages/alpha'] ?? {};
    expect({ officialTarget: again['quality-lint']?.options?.['officialTarget'], dependsOn: again['quality-lint']?.dependsOn }).toEqual({ officialTarget: 'lint', dependsOn: undefined });
    // An end-to-end suite is never the test target ours stands beside.
    const e2e = projects['packages/alpha-e2e'] ?? {};
    expect(Object.keys(e2e)).toEqual(['quality-lint', 'health', 'quality']);
    expect(e2e['quality-lint']?.options).toMatchObject({ officialTarget: 'lint' });
  });

  // As in typescript-eslint: each package declares `lint` as a command in package.json `nx.targets`, and
  // the target defaults make it build the workspace's own ESLint plugin, which the ESLint config imports.
  it("takes the dependsOn of the target it stands beside: a declared target's own, else the target defaults' for it", async () => {
    write('packages/alpha/package.json', {
      name: '@ws/alpha',
      scripts: { test: 'jest' },
      nx: { targets: { lint: { command: 'eslint' } } },
    });
    write('packages/alpha/project.json', { name: 'alpha', targets: { typecheck: { executor: 'nx:run-commands', options: { command: 'tsc -b' }, dependsOn: ['build', '^typecheck'] } } });
    const targetDefaults = {
      lint: { dependsOn: ['eslint-plugin-internal:build', { target: 'lint', dependencies: true }] },
      test: { dependsOn: ['^build'] },
      typecheck: { dependsOn: ['never'] },
    } as NxJsonConfiguration['targetDefaults'];
    const targets = (await run(['packages/alpha/package.json', 'packages/alpha/project.json'], undefined, { ...NX_JSON, targetDefaults }))['packages/alpha'] ?? {};
    expect(Object.keys(targets)).toEqual(['quality-test', 'quality-lint', 'quality-typecheck', 'health', 'quality']);
    expect({ test: targets['quality-test']?.dependsOn, lint: targets['quality-lint']?.dependsOn, typecheck: targets['quality-typecheck']?.dependsOn }).toEqual({
      // The `test` script's: target defaults apply to script targets too.
      test: ['^build'],
      // Where the official target runs after its dependencies' own, ours runs after theirs.
      lint: ['eslint-plugin-internal:build', { target: 'quality-lint', dependencies: true }],
      typecheck: ['build', '^quality-typecheck'],
    });
    // The key of the executor comes first, as in Nx, even when it sets no dependsOn.
    const byExecutor = { ...targetDefaults, 'nx:run-commands': { cache: true } } as NxJsonConfiguration['targetDefaults'];
    const again = (await run(['packages/alpha/package.json', 'packages/alpha/project.json'], undefined, { ...NX_JSON, targetDefaults: byExecutor }))['packages/alpha'] ?? {};
    expect(again['quality-lint']?.dependsOn).toBeUndefined();
    expect(again['quality-typecheck']?.dependsOn).toEqual(['build', '^quality-typecheck']);
    // A target default of our own name applies instead; a name the options set takes nothing.
    const own = (await run(['packages/alpha/package.json'], { lintTargetName: 'eslint' }, { ...NX_JSON, targetDefaults: { ...targetDefaults, 'quality-test': { cache: true } } }))['packages/alpha'] ?? {};
    expect({ test: own['quality-test']?.dependsOn, lint: own['eslint']?.dependsOn }).toEqual({ test: undefined, lint: undefined });
  });

  it("stands beside the one script that runs the tool under another name, with the target defaults' dependsOn for it (TanStack/query: `test:lib`, `test:eslint`)", async () => {
    write('packages/alpha/package.json', {
      name: '@ws/alpha',
      scripts: {
        compile: 'tsc --build',
        'test:lib': 'jest --ci',
        'test:lib:dev': 'pnpm run test:lib --watch',
        'test:eslint': 'eslint --concurrency=auto ./src',
        'lint:fix': 'eslint ./src --fix',
      },
    });
    const targetDefaults = { 'test:lib': { dependsOn: ['^compile'] }, 'test:eslint': { dependsOn: ['^compile', { target: 'test:eslint', dependencies: true }] } } as NxJsonConfiguration['targetDefaults'];
    const targets = (await run(['packages/alpha/package.json'], undefined, { ...NX_JSON, targetDefaults }))['packages/alpha'] ?? {};
    expect({ test: targets['test']?.options, lint: targets['lint']?.options }).toEqual({
      test: { tool: 'test', jestConfig: 'packages/alpha/jest.config.cts', resultsDir: 'dist/quality/{projectRoot}', officialTarget: 'test:lib' },
      lint: { tool: 'lint', resultsDir: 'dist/quality/{projectRoot}', officialTarget: 'test:eslint' },
    });
    // A dependency on the script itself in other projects names ours, as for a target ours gave its name to.
    expect({ test: targets['test']?.dependsOn, lint: targets['lint']?.dependsOn }).toEqual({ test: ['^compile'], lint: ['^compile', { target: 'lint', dependencies: true }] });

    // Two scripts that run the runner (vue-query runs Vitest under three Vue versions): which one CI runs is not known.
    write('packages/alpha/package.json', { name: '@ws/alpha', scripts: { 'test:lib:2': 'vue-demi-switch 2 && jest', 'test:lib:3': 'jest', check: 'eslint src && eslint test' } });
    const ambiguous = (await run(['packages/alpha/package.json'], undefined, { ...NX_JSON, targetDefaults }))['packages/alpha'] ?? {};
    expect({ test: ambiguous['test']?.options?.officialTarget, lint: ambiguous['lint']?.options?.officialTarget, dependsOn: ambiguous['test']?.dependsOn }).toEqual({
      test: undefined,
      lint: undefined,
      dependsOn: undefined,
    });
  });

  // As in ngxs/store: targets declared in project.json, one project's tests switched off as `xtest`,
  // one tested only by other means. `nx run-many -t test lint` must run what it ran before.
  it('takes no name the workspace uses in any project, so no project gains a target under it', async () => {
    const jestProject = (name: string, targets: Record<string, unknown>) => {
      write(`packages/${name}/project.json`, { name, targets });
      write(`packages/${name}/jest.config.cts`, 'module.exports = {};');
      write(`packages/${name}/src/index.spec.ts`, "it('runs', () => undefined);");
    };
    const jest = (name: string) => ({ executor: '@nx/jest:jest', options: { jestConfig: `packages/${name}/jest.config.cts` } });
    jestProject('store', { test: jest('store'), lint: { executor: '@nx/eslint:lint' } });
    jestProject('hmr', { xtest: jest('hmr'), lint: { executor: '@nx/eslint:lint' } });
    jestProject('integration', { build: { executor: 'nx:run-commands', options: { command: 'echo' } } });
    const projects = await run(['packages/store/project.json', 'packages/hmr/project.json', 'packages/integration/project.json']);
    expect(Object.fromEntries(Object.entries(projects).map(([projectRoot, targets]) => [projectRoot, Object.keys(targets)]))).toEqual({
      'packages/store': ['quality-test', 'quality-lint', 'health', 'quality'],
      'packages/hmr': ['quality-test', 'quality-lint', 'health', 'quality'],
      'packages/integration': ['quality-test', 'quality-lint', 'health', 'quality'],
    });
    // Each stands beside the project's own target where there is one (its .env files apply).
    expect(projects['packages/store']?.['quality-test']?.options).toMatchObject({ officialTarget: 'test' });
    expect(projects['packages/hmr']?.['quality-test']?.options).toMatchObject({ officialTarget: 'xtest' });

    // A name the options set (init --replaceOfficial pins the names it carries over) is ours wherever
    // the project itself does not declare it.
    const named = await run(['packages/store/project.json', 'packages/hmr/project.json', 'packages/integration/project.json'], { testTargetName: 'test' });
    expect(Object.fromEntries(Object.entries(named).map(([projectRoot, targets]) => [projectRoot, Object.keys(targets)[0]]))).toEqual({
      'packages/store': 'quality-test',
      'packages/hmr': 'test',
      'packages/integration': 'test',
    });
  });

  it('takes no name a package.json script of another package uses: an npm workspace whose packages run `test` and `lint` scripts', async () => {
    const jestPackage = (name: string, scripts: Record<string, string>) => {
      write(`packages/${name}/package.json`, { name: `@ws/${name}`, scripts });
      write(`packages/${name}/jest.config.cts`, 'module.exports = {};');
      write(`packages/${name}/src/index.spec.ts`, "it('runs', () => undefined);");
    };
    jestPackage('tested', { test: 'jest', lint: 'eslint .' });
    jestPackage('untested', { build: 'tsc' });
    const roots = ['packages/tested/package.json', 'packages/untested/package.json'];
    const names = (projects: Awaited<ReturnType<typeof run>>) => Object.fromEntries(Object.entries(projects).map(([projectRoot, targets]) => [projectRoot, Object.keys(targets)]));
    expect(names(await run(roots))).toEqual({
      'packages/tested': ['quality-test', 'quality-lint', 'health', 'quality'],
      'packages/untested': ['quality-test', 'quality-lint', 'health', 'quality'],
    });
    // A name the options set is ours wherever no script of the project itself takes it.
    expect(names(await run(roots, { testTargetName: 'test' }))).toEqual({
      'packages/tested': ['quality-test', 'quality-lint', 'health', 'quality'],
      'packages/untested': ['test', 'quality-lint', 'health', 'quality'],
    });
  });

  it('uses the configured names when no script takes them, and checks the configured name, not the default', async () => {
    write('packages/alpha/package.json', { name: '@ws/alpha', scripts: { test: 'jest', 'unit-test': 'jest' } });
    const targets = (await run(['packages/alpha/package.json'], { testTargetName: 'unit-test', healthTargetName: 'code-health', qualityTargetName: 'gate' }))['packages/alpha'] ?? {};
    expect(Object.keys(targets)).toEqual(['gate-test', 'lint', 'typecheck', 'code-health', 'gate']);
    expect(targets['gate']?.dependsOn).toEqual(['gate-test', 'lint', 'typecheck', 'code-health']);
  });

  it('skips package.json folders outside the package manager workspaces and the monorepo root', async () => {
    write('tools/scripts/package.json', { name: 'scripts' });
    write('tools/scripts/tsconfig.json', {});
    write('package.json', { name: '@ws/source', workspaces: ['packages/*'], nx: {} });
    expect(Object.keys(await run(['package.json', 'tools/scripts/package.json', 'packages/alpha/package.json']))).toEqual(['packages/alpha']);
  });

  it('gives the root of a monorepo without libraries yet no targets', async () => {
    rmSync(join(root, 'packages'), { recursive: true });
    write('package.json', { name: '@ws/source', workspaces: ['packages/*'], nx: { targets: {} } });
    expect(await run(['package.json'])).toEqual({});
  });

  it('infers for the root project of a standalone workspace', async () => {
    rmSync(join(root, 'packages'), { recursive: true });
    write('package.json', { name: 'app' });
    write('project.json', { name: 'app' });
    write('jest.config.ts', 'export default {};');
    write('src/main.ts', 'export {};');
    const projects = await run(['project.json']);
    expect(Object.keys(projects['.'] ?? {})).toEqual(['test', 'lint', 'typecheck', 'health', 'quality']);
    expect(projects['.']?.['test']?.inputs).toEqual(['default', '^production', { env: 'NX_QUALITY_GATES_JUDGE' }, { externalDependencies: ['jest', '@nx-quality/plugin'] }]);
    expect(projects['.']?.['test']?.options).toEqual({ tool: 'test', jestConfig: 'jest.config.ts', resultsDir: 'dist/quality/{projectRoot}' });
    // pnpm and yarn lock files are searched for `name@` entries.
    rmSync(join(root, 'package-lock.json'));
    write('pnpm-lock.yaml', "lockfileVersion: '9.0'\npackages:\n  jest@30.3.0:\n    resolution: {}\n");
    expect((await run(['project.json']))['.']?.['test']?.inputs?.at(-1)).toEqual({ externalDependencies: ['jest'] });
  });

  it('names @nx-quality/core for the nx-quality release when it is installed, so the plugin\'s peers (jest, eslint, nx) stay out of other tools\' hashes', async () => {
    write('node_modules/@nx-quality/core/package.json', { name: '@nx-quality/core' });
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    write('package-lock.json', { ...lock, packages: { ...lock.packages, 'node_modules/@nx-quality/core': { version: '1.0.0' } } });
    const targets = (await run(['packages/alpha/package.json']))['packages/alpha'] ?? {};
    expect(Object.fromEntries(Object.entries(targets).map(([name, target]) => [name, target.inputs?.at(-1)]))).toEqual({
      test: { externalDependencies: ['jest', '@nx-quality/core'] },
      lint: { externalDependencies: ['eslint', '@nx-quality/core'] },
      typecheck: { externalDependencies: ['typescript', '@nx-quality/core'] },
      health: { externalDependencies: ['eslint', 'typescript', '@nx-quality/core'] },
      quality: { externalDependencies: ['@nx-quality/core'] },
    });
  });

  it('runs the quality target on the tool executor where Nx re-hashes batch tasks after the batch (23+), on its own executor before', async () => {
    const quality = async (nxVersion: string | undefined) => {
      rmSync(join(root, 'node_modules/nx'), { recursive: true, force: true });
      if (nxVersion) write('node_modules/nx/package.json', { name: 'nx', version: nxVersion });
      const target = (await run(['packages/alpha/package.json']))['packages/alpha']?.['quality'];
      return { executor: target?.executor, tool: (target?.options as { tool?: string } | undefined)?.tool, dependsOn: target?.dependsOn };
    };
    const onOwnExecutor = { executor: '@nx-quality/plugin:quality', tool: undefined, dependsOn: ['test', 'lint', 'typecheck', 'health'] };
    expect(await quality('23.0.0')).toEqual({ executor: '@nx-quality/plugin:tool', tool: 'quality', dependsOn: ['test', 'lint', 'typecheck', 'health'] });
    expect(await quality('24.0.1')).toEqual({ executor: '@nx-quality/plugin:tool', tool: 'quality', dependsOn: ['test', 'lint', 'typecheck', 'health'] });
    expect(await quality('22.7.12')).toEqual(onOwnExecutor);
    expect(await quality(undefined)).toEqual(onOwnExecutor);
    expect(await quality('not a version')).toEqual(onOwnExecutor);
  });

  it('falls back to ^default without a production named input, and names only installed packages', async () => {
    rmSync(join(root, 'node_modules/jest'), { recursive: true });
    // Nx makes external nodes from the lock file only: installed but unlisted does not count.
    write('package-lock.json', { lockfileVersion: 3, packages: { 'node_modules/eslint': {}, 'node_modules/jest': {}, 'node_modules/typescript': { link: true } } });
    rmSync(join(root, 'node_modules/@nx-quality'), { recursive: true });
    // A symlink to a folder outside node_modules is a workspace package or `npm link`, not an external node.
    mkdirSync(join(root, 'node_modules/@nx-quality'));
    symlinkSync(join(root, 'packages/alpha'), join(root, 'node_modules/@nx-quality/plugin'));
    const projects = await run(['packages/alpha/package.json'], undefined, { namedInputs: {} });
    expect(projects['packages/alpha']?.['test']?.inputs).toEqual([
      'default',
      '^default',
      '{workspaceRoot}/jest.preset.js',
      '{workspaceRoot}/tsconfig.base.json',
      { env: 'NX_QUALITY_GATES_JUDGE' },
    ]);
    expect(projects['packages/alpha']?.['lint']?.inputs?.at(-1)).toEqual({ externalDependencies: ['eslint'] });
    expect(projects['packages/alpha']?.['typecheck']?.inputs).toEqual(['default', '^default', '{workspaceRoot}/tsconfig.base.json', { env: 'NX_QUALITY_GATES_JUDGE' }]);
  });

  describe('projects the official plugins cover', () => {
    const targetsOf = (projects: Record<string, Record<string, TargetConfiguration>>) =>
      Object.fromEntries(Object.entries(projects).map(([projectRoot, targets]) => [projectRoot, Object.keys(targets)]));
    const e2eRoots = Array.from({ length: 8 }, (_, i) => `e2e/app${i + 1}-e2e`);
    beforeEach(() => {
      write('package.json', { name: '@ws/source', private: true, workspaces: ['packages/*'] });
      for (const e2e of e2eRoots) {
        write(`${e2e}/project.json`, { name: e2e.slice(4) });
        write(`${e2e}/jest.config.ts`, "export default { globalSetup: './start-local-registry.ts' };");
        write(`${e2e}/tsconfig.json`, {});
        write(`${e2e}/src/app.spec.ts`, 'it("works", () => undefined);');
      }
      write('tools/scripts/project.json', { name: 'scripts' });
      write('tools/scripts/src/run.ts', 'export {};');
    });
    const files = () => ['packages/alpha/package.json', 'tools/scripts/project.json', ...e2eRoots.map((e2e) => `${e2e}/project.json`)];
    const nxJson = (plugins: NxJsonConfiguration['plugins']): NxJsonConfiguration => ({ ...NX_JSON, plugins });

    it('infers no test target where the @nx/jest/plugin entry excludes the project, and no lint target outside the @nx/eslint/plugin include', async () => {
      const projects = await run(
        files(),
        { testTargetName: 'quality-test', lintTargetName: 'quality-lint', typecheckTargetName: 'quality-typecheck' },
        nxJson([
          { plugin: '@nx/jest/plugin', exclude: ['e2e/**'], options: { targetName: 'test' } },
          { plugin: '@nx/eslint/plugin', include: ['packages/**'], options: { targetName: 'lint' } },
          '@nx/js/typescript',
        ]),
      );
      expect(targetsOf(projects)).toEqual({
        ...Object.fromEntries(e2eRoots.map((e2e) => [e2e, ['quality-typecheck', 'health', 'quality']])),
        'packages/alpha': ['quality-test', 'quality-lint', 'quality-typecheck', 'health', 'quality'],
      });
      const alpha = projects['packages/alpha'] ?? {};
      expect({ test: alpha['quality-test']?.options, lint: alpha['quality-lint']?.options, typecheck: alpha['quality-typecheck']?.options }).toEqual({
        test: { tool: 'test', jestConfig: 'packages/alpha/jest.config.cts', resultsDir: 'dist/quality/{projectRoot}', officialTarget: 'test' },
        lint: { tool: 'lint', resultsDir: 'dist/quality/{projectRoot}', officialTarget: 'lint' },
        typecheck: { tool: 'typecheck', resultsDir: 'dist/quality/{projectRoot}', officialTarget: 'typecheck' },
      });
    });

    it("stands beside a project's own declared test and lint targets outside every entry's include (a workspace mixing inferred and declared targets)", async () => {
      write('tools/scripts/project.json', {
        name: 'scripts',
        targets: {
          'unit-test': { executor: '@nx/jest:jest', options: { jestConfig: '{projectRoot}/jest.unit.config.cts' } },
          lint: { command: "eslint 'tools/scripts/src/**/*.ts'" },
        },
      });
      write('tools/scripts/jest.unit.config.cts', 'module.exports = {};');
      write('tools/scripts/eslint.config.mjs', 'export default [];');
      const plugins = nxJson([
        { plugin: '@nx/jest/plugin', exclude: ['e2e/**', 'tools/**'], options: { targetName: 'test' } },
        { plugin: '@nx/eslint/plugin', include: ['packages/**'], options: { targetName: 'lint' } },
      ]);
      const scripts = (await run(files(), undefined, plugins))['tools/scripts'] ?? {};
      expect({ targets: Object.keys(scripts), test: scripts['test']?.options, lint: scripts['quality-lint']?.options }).toEqual({
        targets: ['test', 'quality-lint', 'health', 'quality'],
        test: { tool: 'test', jestConfig: 'tools/scripts/jest.unit.config.cts', resultsDir: 'dist/quality/{projectRoot}', officialTarget: 'unit-test' },
        lint: { tool: 'lint', resultsDir: 'dist/quality/{projectRoot}', officialTarget: 'lint' },
      });
      // A declared command that does not run ESLint is no lint target to stand beside: outside the entries, nothing of ours.
      write('tools/scripts/project.json', { name: 'scripts', targets: { lint: { command: 'tsc --noEmit' } } });
      expect(Object.keys((await run(files(), undefined, plugins))['tools/scripts'] ?? {})).toEqual([]);
    });

    it('does not stand beside a second @nx/jest/plugin entry for end-to-end suites (angular-eslint: e2e-local with ciTargetName)', async () => {
      const projects = await run(
        files(),
        { testTargetName: 'quality-test' },
        nxJson([
          { plugin: '@nx/jest/plugin', exclude: ['e2e/**'], options: { targetName: 'test' } },
          { plugin: '@nx/jest/plugin', include: ['e2e/**/*'], options: { targetName: 'e2e-local', ciTargetName: 'e2e-ci' } },
        ]),
      );
      expect(Object.keys(projects['packages/alpha'] ?? {})).toContain('quality-test');
      expect(projects['packages/alpha']?.['quality-test']?.options).toMatchObject({ officialTarget: 'test' });
      for (const e2e of e2eRoots) expect(Object.keys(projects[e2e] ?? {})).not.toContain('quality-test');
      // A unit entry atomized for CI (`test-ci`) is still a unit entry.
      const atomized = await run(
        files(),
        { testTargetName: 'quality-test' },
        nxJson([
          { plugin: '@nx/jest/plugin', exclude: ['e2e/**'], options: { targetName: 'test', ciTargetName: 'test-ci' } },
          { plugin: '@nx/jest/plugin', include: ['e2e/**/*'], options: { targetName: 'e2e-local', ciTargetName: 'e2e-ci' } },
        ]),
      );
      expect(atomized['packages/alpha']?.['quality-test']?.options).toMatchObject({ officialTarget: 'test' });
      for (const e2e of e2eRoots) expect(Object.keys(atomized[e2e] ?? {})).not.toContain('quality-test');
      // With only an end-to-end entry, that entry is the one the workspace has.
      const only = await run(files(), { testTargetName: 'quality-test' }, nxJson([{ plugin: '@nx/jest/plugin', options: { targetName: 'e2e' } }]));
      expect(only['e2e/app1-e2e']?.['quality-test']?.options).toMatchObject({ officialTarget: 'e2e' });
    });

    it("passes the covering entry's own target name, and reads @nx/js/typescript's typecheck options", async () => {
      write('e2e/app1-e2e/tsconfig.json', '{\n  // comments are allowed\n  "nx": { "addTypecheckTarget": false }\n}');
      write('e2e/app2-e2e/next.config.js', 'module.exports = {};');
      const projects = await run(
        files(),
        { testTargetName: 'quality-test' },
        nxJson([
          { plugin: '@nx/jest/plugin', include: ['packages/**'], options: { targetName: 'unit' } },
          { plugin: '@nx/jest/plugin', include: ['e2e/app3-e2e/**'], options: { targetName: 'integration' } },
          { plugin: '@nx/js/typescript', exclude: ['e2e/app4-e2e/**'], options: { typecheck: { targetName: 'tsc' } } },
          { plugin: '@nx/js/typescript', options: { typecheck: false, build: true } },
        ]),
      );
      expect(projects['packages/alpha']?.['quality-test']?.options).toMatchObject({ officialTarget: 'unit' });
      expect(projects['e2e/app3-e2e']?.['quality-test']?.options).toMatchObject({ officialTarget: 'integration' });
      expect(e2eRoots.filter((e2e) => projects[e2e]?.['quality-test'])).toEqual(['e2e/app3-e2e']);
      // addTypecheckTarget: false, a Next.js project and the excluded one get no official typecheck target, so none of ours.
      expect(e2eRoots.filter((e2e) => projects[e2e]?.['typecheck'])).toEqual(['e2e/app3-e2e', 'e2e/app5-e2e', 'e2e/app6-e2e', 'e2e/app7-e2e', 'e2e/app8-e2e']);
      expect(projects['e2e/app5-e2e']?.['typecheck']?.options).toEqual({ tool: 'typecheck', resultsDir: 'dist/quality/{projectRoot}', officialTarget: 'tsc' });
    });

    it('applies Nx\'s ordered "!" patterns, as in a plugin entry', async () => {
      const projects = await run(files(), undefined, nxJson([{ plugin: '@nx/jest/plugin', include: ['!e2e/**', 'e2e/app8-e2e/**'] }]));
      expect(Object.keys(projects).filter((projectRoot) => projects[projectRoot]?.['quality-test'])).toEqual(['e2e/app8-e2e', 'packages/alpha']);
    });

    it('infers a test target for a jest.config.json project, which @nx/jest/plugin does not match, only without an official entry', async () => {
      rmSync(join(root, 'packages/alpha/jest.config.cts'));
      write('packages/alpha/jest.config.json', { testEnvironment: 'node' });
      expect((await run(files()))['packages/alpha']?.['test']?.options).toEqual({ tool: 'test', jestConfig: 'packages/alpha/jest.config.json', resultsDir: 'dist/quality/{projectRoot}' });
      expect((await run(files(), undefined, nxJson(['@nx/jest/plugin'])))['packages/alpha']?.['test']).toBeUndefined();
    });

    it('applies testInclude/testExclude, lintInclude/lintExclude and typecheckInclude/typecheckExclude when no official entry is registered', async () => {
      const projects = await run(files(), { testExclude: ['e2e/**'], lintInclude: ['packages/**'], typecheckExclude: ['e2e/app[2-8]-e2e/**'] }, nxJson([
        { plugin: '@nx/js/typescript', options: { typecheck: false } },
      ]));
      expect(targetsOf(projects)).toEqual({
        'e2e/app1-e2e': ['typecheck', 'health', 'quality'],
        'packages/alpha': ['test', 'lint', 'typecheck', 'health', 'quality'],
      });
      // Our targets carry the official names themselves: no officialTarget.
      expect(projects['packages/alpha']?.['test']?.options).toEqual({ tool: 'test', jestConfig: 'packages/alpha/jest.config.cts', resultsDir: 'dist/quality/{projectRoot}' });
    });

    it('after init --replaceOfficial, exactly the projects that had our targets beside the official ones have them under the official names', async () => {
      write('tools/scripts/eslint.config.mjs', 'export default [];');
      write('tools/scripts/jest.config.js', 'module.exports = {};');
      const official: NxJsonConfiguration = nxJson([
        { plugin: '@nx/js/typescript', exclude: ['e2e/app1-e2e/*'], options: { typecheck: { targetName: 'typecheck' }, build: { targetName: 'build' } } },
        { plugin: '@nx/eslint/plugin', include: ['packages/**', 'tools/**'], options: { targetName: 'lint' } },
        { plugin: '@nx/jest/plugin', exclude: ['e2e/**'], options: { targetName: 'test' } },
      ]);
      const before = await run(files(), { testTargetName: 'quality-test', lintTargetName: 'quality-lint', typecheckTargetName: 'quality-typecheck' }, official);
      const replaced = structuredClone(official);
      const carried = planOfficialCarryOver(replaced, {});
      replaceOfficialPlugins(replaced);
      registerPlugin(replaced, undefined, carried);
      const ours = replaced.plugins?.find((entry) => typeof entry === 'object' && entry.plugin === '@nx-quality/plugin');
      const after = await run(files(), (typeof ours === 'object' ? ours.options : undefined) as PluginOptions, replaced);
      const having = (projects: Record<string, Record<string, TargetConfiguration>>, target: string) => Object.keys(projects).filter((projectRoot) => projects[projectRoot]?.[target]);
      for (const kind of ['test', 'lint', 'typecheck']) expect(having(after, kind)).toEqual(having(before, `quality-${kind}`));
      expect(having(after, 'test')).toEqual(['packages/alpha', 'tools/scripts']);
      expect(having(after, 'lint')).toEqual(['packages/alpha', 'tools/scripts']);
      expect(having(after, 'typecheck')).toEqual([...e2eRoots.slice(1), 'packages/alpha']);
      // Our targets now carry the official names themselves.
      expect(after['packages/alpha']?.['test']?.options).toEqual({ tool: 'test', jestConfig: 'packages/alpha/jest.config.cts', resultsDir: 'dist/quality/{projectRoot}' });
    });

    it('gives way to an official plugin registered after init (a generator adds it last): ours is quality-<kind> with the dependsOn of the official target', async () => {
      const plugins: NxJsonConfiguration['plugins'] = [
        '@nx-quality/plugin',
        { plugin: '@nx/js/typescript', options: { typecheck: { targetName: 'typecheck' } } },
        { plugin: '@nx/eslint/plugin', include: ['packages/**'], options: { targetName: 'lint' } },
        { plugin: '@nx/jest/plugin', exclude: ['e2e/**'], options: { targetName: 'test' } },
      ];
      const targetDefaults = {
        test: [{ dependsOn: ['^build'] }, { filter: { plugin: '@nx/vitest' }, dependsOn: ['never'] }],
        lint: { dependsOn: ['^lint'] },
        typecheck: { dependsOn: ['^typecheck'] },
        'quality-typecheck': { cache: true },
      } as unknown as NxJsonConfiguration['targetDefaults'];
      const projects = await run(files(), undefined, { ...nxJson(plugins), targetDefaults });
      const alpha = projects['packages/alpha'] ?? {};
      expect(Object.keys(alpha)).toEqual(['quality-test', 'quality-lint', 'quality-typecheck', 'health', 'quality']);
      expect({ test: alpha['quality-test']?.options, lint: alpha['quality-lint']?.options }).toEqual({
        test: { tool: 'test', jestConfig: 'packages/alpha/jest.config.cts', resultsDir: 'dist/quality/{projectRoot}', officialTarget: 'test' },
        lint: { tool: 'lint', resultsDir: 'dist/quality/{projectRoot}', officialTarget: 'lint' },
      });
      // A target default of our own name is the workspace's word on ours (as init leaves it). The official
      // lint runs after the dependencies' official lint; ours after theirs.
      expect({ test: alpha['quality-test']?.dependsOn, lint: alpha['quality-lint']?.dependsOn, typecheck: alpha['quality-typecheck']?.dependsOn }).toEqual({
        test: ['^build'],
        lint: ['^quality-lint'],
        typecheck: undefined,
      });
      expect(alpha['quality']?.dependsOn).toEqual(['quality-test', 'quality-lint', 'quality-typecheck', 'health']);
      // The e2e projects: no official test target, so none of ours; the official typecheck, so ours beside it.
      expect(Object.keys(projects['e2e/app1-e2e'] ?? {})).toEqual(['quality-typecheck', 'health', 'quality']);
    });

    it('keeps names the options set apart from the official ones, and inherits no dependsOn for them', async () => {
      const plugins: NxJsonConfiguration['plugins'] = [{ plugin: '@nx/jest/plugin', options: { targetName: 'test' } }];
      const projects = await run(files(), { testTargetName: 'unit' }, { ...nxJson(plugins), targetDefaults: { test: { dependsOn: ['^build'] } } });
      expect(projects['packages/alpha']?.['unit']).toMatchObject({ options: { officialTarget: 'test' } });
      expect(projects['packages/alpha']?.['unit']?.dependsOn).toBeUndefined();
      // Set to the official name itself: ours takes it only where it is registered after the official
      // plugin, so Nx keeps ours (as for the Vitest projects after init --replaceOfficial carried `test`).
      const after = await run(files(), { testTargetName: 'test' }, nxJson([...plugins!, '@nx-quality/plugin']));
      expect(after['packages/alpha']?.['test']).toMatchObject({ options: { tool: 'test' } });
      expect(after['packages/alpha']?.['test']?.options).not.toHaveProperty('officialTarget');
      const before = await run(files(), { testTargetName: 'test' }, nxJson(['@nx-quality/plugin', ...plugins!]));
      expect(before['packages/alpha']?.['quality-test']).toMatchObject({ options: { officialTarget: 'test' } });
      expect(before['packages/alpha']?.['test']).toBeUndefined();
      // Registered under a path, our place is unknown: the name stays the official plugin's.
      const unknown = await run(files(), { testTargetName: 'test' }, nxJson([...plugins!, './tools/nxq-plugin.js']));
      expect(unknown['packages/alpha']?.['quality-test']).toBeDefined();
    });

    it('lints a project under the include when its own config passes though the root one does not', async () => {
      write('tools/scripts/eslint.config.mjs', "import base from '../../eslint.config.mjs'; export default [...base];");
      const projects = await run(files(), { lintTargetName: 'quality-lint' }, nxJson([{ plugin: '@nx/eslint/plugin', include: ['tools/**'] }]));
      expect(Object.keys(projects).filter((projectRoot) => projects[projectRoot]?.['quality-lint'])).toEqual(['tools/scripts']);
      expect(projects['tools/scripts']?.['quality-lint']?.options).toEqual({ tool: 'lint', resultsDir: 'dist/quality/{projectRoot}', officialTarget: 'lint' });
      // Without its own config, the root one (outside the include) is the only one: no official lint target.
      rmSync(join(root, 'tools/scripts/eslint.config.mjs'));
      expect((await run(files(), undefined, nxJson([{ plugin: '@nx/eslint/plugin', include: ['tools/**'] }])))['tools/scripts']?.['lint']).toBeUndefined();
    });
  });

  it('names the bad option key when the plugin options are invalid', async () => {
    await expect(run(['packages/alpha/package.json'], { resultsDir: 'dist/quality', testTargetName: 'a:b' } as PluginOptions)).rejects.toThrow(
      /testTargetName: must be a target name without spaces or ":"[\s\S]*resultsDir: must contain \{projectRoot\}/,
    );
    await expect(run(['packages/alpha/package.json'], { coverage: { lines: 'high' } } as unknown as PluginOptions)).rejects.toThrow(/coverage\.lines: Invalid input/);
    await expect(run(['packages/alpha/package.json'], { colour: 1 } as unknown as PluginOptions)).rejects.toThrow(/Unrecognized key: "colour"/);
    await expect(run(['packages/alpha/package.json'], { health: { maxFileLines: 0, colour: 1 } })).rejects.toThrow(
      /health\.maxFileLines: Too small[\s\S]*health: Unrecognized key: "colour"/,
    );
  });
});
